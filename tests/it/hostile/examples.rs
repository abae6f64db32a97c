//! Front matter reads only inside the templates folder. `examples =
//! ["/elsewhere/event.json"]` (absolute, or with `../`) was read and its
//! values reached lint's output. An example now has to resolve, links and
//! all, to a file inside the templates folder, the same rule as for includes.

use super::text;
use crate::support::{example_json, settings_with_own_templates};
use std::path::Path;

/// A value only the outside event has.
const CANARY: &str = "Buitenkanarie";

/// Writes an application_received event with the canary as surname at `path`.
fn outside_event(path: &Path) {
    let mut event = example_json("application_received-plain.json");
    event["data"]["recipient"]["surname"] = serde_json::json!(CANARY);
    std::fs::write(path, serde_json::to_string(&event).unwrap()).unwrap();
}

#[test]
fn an_example_outside_the_templates_folder_is_a_template_error_and_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let secret_dir = dir.path().join("elders");
    std::fs::create_dir(&secret_dir).unwrap();
    let secret = secret_dir.join("gebeurtenis.json");
    outside_event(&secret);
    let (settings, templates) = settings_with_own_templates(&dir.path().join("t"));
    // A link inside examples/ that points out of the folder.
    std::os::unix::fs::symlink(&secret, templates.join("examples/gelinkt.json")).unwrap();
    let file = templates.join("application_received.md");
    let source = std::fs::read_to_string(&file).unwrap();
    let examples_line = 1 + source
        .lines()
        .position(|l| l.starts_with("examples = "))
        .expect("the template names its examples");
    for name in [
        secret.display().to_string(),
        "../../../elders/gebeurtenis.json".to_string(),
        "gelinkt.json".to_string(),
    ] {
        let line = "examples = [\"application_received-plain.json\", \"application_received-awkward.json\"]";
        assert!(source.contains(line));
        std::fs::write(
            &file,
            source.replace(
                line,
                &format!("examples = [\"application_received-plain.json\", {name:?}]"),
            ),
        )
        .unwrap();
        for format in ["json", "human"] {
            let output = std::process::Command::new(env!("CARGO_BIN_EXE_helder"))
                .args([
                    "--config",
                    settings.to_str().unwrap(),
                    "lint",
                    "--format",
                    format,
                ])
                .arg(&file)
                .output()
                .unwrap();
            let shown = format!("{}{}", text(&output.stdout), text(&output.stderr));
            assert!(
                !shown.contains(CANARY),
                "{name}: the outside event was read: {shown}"
            );
            assert_eq!(output.status.code(), Some(1), "{name}: {shown}");
            if format == "json" {
                let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
                let findings = report["files"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|f| {
                        f["path"]
                            .as_str()
                            .unwrap()
                            .ends_with("application_received.md")
                    })
                    .unwrap()["findings"]
                    .as_array()
                    .unwrap();
                assert!(
                    findings.iter().any(|f| f["rule"] == "template-error"
                        && f["line"] == examples_line
                        && f["message"]
                            .as_str()
                            .unwrap()
                            .contains("buiten de map met sjablonen")),
                    "{name}: a template error on the examples line: {findings:?}"
                );
            }
        }
    }
}

#[test]
fn the_preview_in_serve_does_not_read_an_example_outside_the_folder() {
    let setup = super::serve::folder_with_a_task();
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("gebeurtenis.json");
    outside_event(&secret);
    let file = setup.templates.join("application_received.md");
    let source = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        source.replace(
            "examples = [\"application_received-plain.json\", ",
            &format!("examples = [{:?}, ", secret.display().to_string()),
        ),
    )
    .unwrap();
    let (_server, base) = super::serve::start(&setup, &[], &[]);
    for path in [
        "/templates/application_received".to_string(),
        format!(
            "/templates/application_received?example={}",
            secret.display().to_string().replace('/', "%2F")
        ),
    ] {
        let (_, body) = super::serve::get(&base, "localhost", &path, None);
        assert!(!body.contains(CANARY), "{path}: {body}");
    }
    // The PDF of the first example: that is the outside one, so there is none.
    let (head, _) = super::serve::get(
        &base,
        "localhost",
        "/templates/application_received/pdf",
        None,
    );
    assert!(!head.starts_with("HTTP/1.1 200"), "{head}");
}
