//! Smaller things. On a terminal, the progress bar's line count read an
//! 800 MB single line whole (832 MB of memory); a full disk and a read-only
//! disk were reported as "(leesfout)" with "Maak ruimte", whatever the cause.

use super::{MEMORY_LIMIT_KIB, example_line, text};
use crate::support::{config, root, templates};
use helder::batch::{BatchOptions, Counts};
use helder::output::{Disk, Storage};
use helder::render::Format;
use std::io::Write;
use std::path::Path;
use std::process::Command;

#[test]
fn on_a_terminal_the_progress_count_reads_a_huge_line_in_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("groot.ndjson");
    // One line four times the memory the run may use, then a good event.
    let huge = usize::try_from(MEMORY_LIMIT_KIB).unwrap() * 1024 / 2;
    {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
        file.write_all(b"{\"id\": \"groot\", \"opvulling\": \"")
            .unwrap();
        let block = vec![b'x'; 1 << 20];
        for _ in 0..(huge / block.len()) {
            file.write_all(&block).unwrap();
        }
        file.write_all(b"\"}\n").unwrap();
        writeln!(
            file,
            "{}",
            example_line("benefit_granted-plain.json", "klein-1")
        )
        .unwrap();
    }
    let out = dir.path().join("uit");
    // `script` gives the run a terminal, so it draws its progress bar; the
    // run's data memory is capped at a quarter of that one line.
    let limit = MEMORY_LIMIT_KIB / 8;
    let line = format!(
        "ulimit -d {limit} && exec {} --config {} batch {} --out {} --format html --date 2026-11-23",
        env!("CARGO_BIN_EXE_helder"),
        root().join("helder.toml").display(),
        input.display(),
        out.display()
    );
    let output = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .output()
        .expect("script (util-linux) gives the run a terminal");
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stdout));
    let errors = std::fs::read_to_string(out.join("errors.ndjson")).unwrap();
    assert!(errors.contains("groter dan 1 MB"), "{errors}");
    assert!(out.join("letters/klein-1.html").is_file());
}

/// Every write fails with `kind`.
struct Failing(std::io::ErrorKind);

impl Storage for Failing {
    fn write(&self, _: &Path, _: &[u8]) -> std::io::Result<()> {
        Err(std::io::Error::from(self.0))
    }
    fn sync(&self, dir: &Path) -> std::io::Result<()> {
        Disk.sync(dir)
    }
}

#[test]
fn a_write_error_names_its_real_cause_and_the_fix_for_it() {
    use std::io::ErrorKind as K;
    let cases = [
        (K::StorageFull, "vol", "ruimte"),
        (K::ReadOnlyFilesystem, "alleen lezen", "andere map"),
        (K::PermissionDenied, "geen toegang", "rechten"),
    ];
    for (kind, cause, fix) in cases {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("dag.ndjson");
        std::fs::write(
            &input,
            example_line("benefit_granted-plain.json", "schrijf-1") + "\n",
        )
        .unwrap();
        let options = BatchOptions {
            input,
            out: dir.path().join("uit"),
            formats: vec![Format::Html],
            date: crate::support::letter_date(),
            dry_run: false,
            contacts_only: false,
        };
        let mut ignore = |_: &Counts| {};
        let error = helder::batch::run(
            &options,
            &config(),
            &templates(),
            &Failing(kind),
            &mut ignore,
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains(cause), "{kind:?}: {error}");
        assert!(error.contains(fix), "{kind:?}: {error}");
        assert!(!error.contains("leesfout"), "{kind:?}: {error}");
        if kind != K::StorageFull {
            assert!(!error.contains("Maak ruimte"), "{kind:?}: {error}");
        }
    }
}

#[test]
fn an_output_path_that_is_a_file_is_named_as_not_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("uit");
    std::fs::write(&file, "een bestand").unwrap();
    let input = root().join("letter-templates/examples/benefit_granted-plain.json");
    let output = crate::support::batch_command(&root().join("helder.toml"), &input, &file)
        .args(["--format", "html"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = text(&output.stderr);
    assert!(message.contains("geen map"), "{message}");
    assert!(
        !message.contains("leesfout") && !message.contains("Maak ruimte"),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "een bestand");
}
