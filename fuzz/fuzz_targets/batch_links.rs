//! A batch folder with planted links and foreign files. The fuzzer's bytes
//! decide, for the output folder and every folder and file helder writes in
//! it, whether it is missing, a folder, a file someone else made, a link to
//! a folder or a file elsewhere, or a link to nothing. Then a batch runs on
//! it twice (letters and a task; then a recorded call). Whatever happens
//! (letters, refusals, error records), nothing outside the output folder is
//! changed or made, and nothing panics.
#![no_main]
use helder::batch::{BatchOptions, Counts};
use helder::config::Config;
use helder::template::TemplateSet;
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Setup {
    config: Config,
    templates: TemplateSet,
    day: String,
    call: String,
}

fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let config = Config::load(&root.join("helder.toml")).unwrap();
        let templates = TemplateSet::load(&config.templates_dir, &config.letter.greeting).unwrap();
        let example = |name: &str, id: &str| {
            let text =
                std::fs::read_to_string(root.join("letter-templates/examples").join(name)).unwrap();
            let mut event: serde_json::Value = serde_json::from_str(&text).unwrap();
            event["id"] = serde_json::Value::String(id.to_string());
            event
        };
        let day = [
            example("benefit_granted-plain.json", "ev-1"),
            example("sanction_reduction-reached.json", "ev-2"),
        ]
        .iter()
        .map(|e| serde_json::to_string(e).unwrap() + "\n")
        .collect();
        let fixture = std::fs::read_to_string(root.join("tests/fixtures/events/contact_recorded.json"))
            .unwrap();
        let mut call: serde_json::Value = serde_json::from_str(&fixture).unwrap();
        call["data"]["case"] = example("sanction_reduction-reached.json", "x")["data"]["case"].clone();
        call["data"]["prior_contact"]["outcome"] = serde_json::Value::String("reached".into());
        call["data"]["prior_contact"]["event_id"] = serde_json::Value::String("ev-2".into());
        call["data"]["prior_contact"]["decision"] = serde_json::Value::String("send".into());
        Setup {
            config,
            templates,
            day,
            call: serde_json::to_string(&call).unwrap() + "\n",
        }
    })
}

/// What one place in the folder is made to be.
fn plant(path: &Path, choice: u8, is_folder: bool, victim: &Path) {
    let _ = match choice % 6 {
        0 => Ok(()),
        1 if is_folder => std::fs::create_dir(path),
        1 | 2 => std::fs::write(path, "van iemand anders"),
        3 => symlink(victim.join("map"), path),
        4 => symlink(victim.join("bestand.txt"), path),
        _ => symlink(victim.join("bestaat-niet"), path),
    };
}

/// Every file and folder under `dir` (links not followed), with the contents of files.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut seen = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let kind = entry.file_type().unwrap();
            if kind.is_dir() {
                pending.push(path.clone());
                seen.insert(path, None);
            } else if kind.is_symlink() {
                seen.insert(path.clone(), std::fs::read_link(&path).ok().map(|t| t.into_os_string().into_encoded_bytes()));
            } else {
                seen.insert(path.clone(), std::fs::read(&path).ok());
            }
        }
    }
    seen
}

fuzz_target!(|data: &[u8]| {
    static RUN: AtomicUsize = AtomicUsize::new(0);
    let setup = setup();
    let root = std::env::temp_dir().join(format!(
        "helder-fuzz-links-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::Relaxed)
    ));
    let victim = root.join("elders");
    std::fs::create_dir_all(victim.join("map")).unwrap();
    std::fs::write(victim.join("bestand.txt"), "niet overschrijven").unwrap();
    std::fs::write(victim.join("map/brief.html"), "ook niet").unwrap();
    let input = root.join("dag.ndjson");
    std::fs::write(&input, &setup.day).unwrap();
    let call = root.join("gesprek.ndjson");
    std::fs::write(&call, &setup.call).unwrap();
    let before = snapshot(&victim);

    let out = root.join("uit");
    let mut choices = data.iter().copied().chain(std::iter::repeat(0));
    let mut next = || choices.next().unwrap_or(0);
    // The folder itself: missing, a folder, or a link (never a file here: that is a plain error).
    match next() % 3 {
        0 => {}
        1 => std::fs::create_dir(&out).unwrap(),
        _ => symlink(victim.join("map"), &out).unwrap(),
    }
    if out.is_dir() && !out.is_symlink() {
        for name in ["letters", "tasks", "contacts"] {
            plant(&out.join(name), next(), true, &victim);
        }
        for name in [
            "helder.db",
            "helder.db-wal",
            "helder.db-shm",
            "summary.json",
            "errors.ndjson",
        ] {
            plant(&out.join(name), next(), false, &victim);
        }
        for name in ["letters/ev-1.html", "tasks/ev-2.json", "tasks/ev-2.txt"] {
            let path = out.join(name);
            if path.parent().is_some_and(|p| p.is_dir() && !p.is_symlink()) {
                plant(&path, next(), false, &victim);
            }
        }
    }
    let mut ignore = |_: &Counts| {};
    for (events, dry_run) in [(&input, next() % 5 == 0), (&call, false)] {
        let options = BatchOptions {
            input: events.clone(),
            out: out.clone(),
            formats: vec![helder::render::Format::Html],
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            dry_run,
            contacts_only: false,
        };
        let _ = helder::batch::run(
            &options,
            &setup.config,
            &setup.templates,
            &helder::output::Disk,
            &mut ignore,
        );
    }

    assert_eq!(snapshot(&victim), before, "something outside the output folder changed");
    let top: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        top.iter().all(|name| ["elders", "dag.ndjson", "gesprek.ndjson", "uit"].contains(&name.as_str())),
        "something was made beside the output folder: {top:?}"
    );
    std::fs::remove_dir_all(&root).unwrap();
});
