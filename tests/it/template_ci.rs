//! Template CI: `helder lint` on a folder of templates, each made into a letter
//! with each of its examples; findings point at the template files.
//!
//! `tests/fixtures/template-ci/` is a small set of good and bad templates:
//! a good one, one with threats and suppressions, an unknown variable, a
//! syntax error, a missing example, a template without examples, and a
//! partial with a formal word.

use crate::support::{assert_exit, helder, helder_with, root};
use serde_json::Value;
use std::path::Path;

const FIXTURES: &str = "tests/fixtures/template-ci";

fn lint_fixtures(format: &str, extra: &[&str]) -> (String, Option<i32>) {
    let mut args = vec!["lint", FIXTURES, "--format", format];
    args.extend_from_slice(extra);
    let output = helder(&args, &root());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        String::from_utf8(output.stdout).unwrap(),
        output.status.code(),
    )
}

fn json_report() -> Value {
    let (out, code) = lint_fixtures("json", &[]);
    assert_eq!(code, Some(1));
    serde_json::from_str(&out).unwrap()
}

/// The findings of one file of the JSON report.
fn findings_of<'a>(report: &'a Value, file: &str) -> &'a Vec<Value> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with(file))
        .unwrap_or_else(|| panic!("{file} is in the report"))["findings"]
        .as_array()
        .unwrap()
}

fn find<'a>(findings: &'a [Value], rule: &str, line: u64) -> Option<&'a Value> {
    findings
        .iter()
        .find(|f| f["rule"] == rule && f["line"] == line)
}

#[test]
fn every_format_is_pinned_with_its_exit_code() {
    for format in ["human", "json", "sarif", "github", "gitlab"] {
        let (out, code) = lint_fixtures(format, &[]);
        assert_eq!(code, Some(1), "{format}: errors fail the run");
        let out = out.replace(env!("CARGO_PKG_VERSION"), "[version]");
        insta::assert_snapshot!(format!("template_ci_{format}"), out);
    }
}

#[test]
fn the_sarif_log_is_valid_sarif_2_1_0() {
    // The published schema has one broken pattern (for `language`: an unbalanced
    // `]`), which the validator's regex engine refuses to compile; it is read
    // with the pattern its authors meant. Everything else is the file as published.
    let text = std::fs::read_to_string(root().join("tests/schemas/sarif-schema-2.1.0.json"))
        .unwrap()
        .replace(
            r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#,
            r#""^[a-zA-Z]{2}$|^[a-zA-Z]{2}-[a-zA-Z]{2}$""#,
        );
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let (out, _) = lint_fixtures("sarif", &[]);
    let log: Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(
            rules[index]["help"]["text"]
                .as_str()
                .unwrap()
                .contains("Zo wel:")
        );
    }
    // The schema is not a check that cannot fail: a result without a message is refused.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn a_finding_in_a_partial_points_at_the_partial() {
    let report = json_report();
    let partial = findings_of(&report, "_partials/contact.md");
    let finding = find(partial, "formal-word", 4).expect("Teneinde on line 4 of the partial");
    assert_eq!(finding["column"], 1);
    assert_eq!(finding["end_column"], 9);
    // Not also reported in the template that includes it.
    assert!(
        findings_of(&report, "warning.md")
            .iter()
            .all(|f| f["rule"] != "formal-word" || f["line"] != 4)
    );
}

#[test]
fn a_finding_caused_by_an_event_value_names_the_example_and_the_expression() {
    let report = json_report();
    let warning = findings_of(&report, "warning.md");
    let finding = find(warning, "conditional-sanction", 23).expect("the reason of the example");
    assert_eq!(finding["example"], "ci-warning-reason");
    assert_eq!(finding["column"], 3, "points at {{{{ reason }}}}");
    let message = finding["message"].as_str().unwrap();
    assert!(message.contains("{{ reason }}"), "{message}");
    assert!(message.contains("warning-reason.json"), "{message}");
    // Literal text names no example.
    let shouting = find(warning, "intimidating-typography", 28).unwrap();
    assert_eq!(shouting["example"], Value::Null);
}

#[test]
fn template_problems_are_findings_at_their_line() {
    let report = json_report();
    let missed = findings_of(&report, "appointment_missed.md");
    let unknown = find(missed, "template-error", 8).expect("the misspelled variable");
    assert_eq!(unknown["column"], 10);
    assert!(
        unknown["message"]
            .as_str()
            .unwrap()
            .contains("recipient.fist_name")
    );
    assert_eq!(unknown["suggestion"], "Bedoelt u recipient.first_name?");
    // Tera would read this one as empty and drop the sentence without a word.
    let silent = find(missed, "template-error", 11).expect("the misspelled name in an if");
    assert_eq!(silent["suggestion"], "Bedoelt u prior_contact.heard?");
    assert_eq!(
        missed.len(),
        2,
        "the render error for line 8 is not reported twice: {missed:#?}"
    );
    let syntax = findings_of(&report, "information_requested.md");
    assert_eq!(syntax.len(), 1, "{syntax:#?}");
    assert_eq!(syntax[0]["rule"], "template-error");
    let missing = find(
        findings_of(&report, "payment_suspended.md"),
        "template-error",
        6,
    )
    .expect("the example that does not exist");
    assert!(
        missing["message"]
            .as_str()
            .unwrap()
            .contains("bestaat niet")
    );
    let without = findings_of(&report, "benefit_granted.md");
    assert_eq!(without[0]["rule"], "template-without-examples");
    // Its text is still checked.
    assert!(find(without, "passive-voice", 9).is_some(), "{without:#?}");
}

#[test]
fn text_that_no_example_shows_is_still_checked() {
    let report = json_report();
    let warning = findings_of(&report, "warning.md");
    let fraud = find(warning, "fraud-framing", 26).expect("the fraud branch no example takes");
    assert!(
        fraud["message"]
            .as_str()
            .unwrap()
            .contains("Geen enkel voorbeeld")
    );
}

#[test]
fn text_after_a_tag_at_the_start_of_a_line_is_checked() {
    // Masked, "{% if … %}" at the start of a line was ten blanks: Markdown read the
    // line as a code block, and its text went unchecked. A planted formal word.
    let dir = tempfile::tempdir().unwrap();
    let folder = crate::support::template_dir(
        dir.path(),
        "application_received.md",
        "+++\nevent-type = \"application_received\"\nsubject = \"Uw aanvraag\"\nbesluit = false\nkind = \"information\"\n+++\n{{ recipient | salutation }},\n\nDank u wel voor uw aanvraag.\n\n{% if deadlines %}Indien u vragen hebt, kunt u ons bellen.{% endif %}\n\n{# uitleg #}  {% if contact %}Wij verzoeken u om te bellen.{% endif %}\n",
    );
    let output = helder(
        &["lint", folder.to_str().unwrap(), "--format", "json"],
        dir.path(),
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = findings_of(&report, "application_received.md");
    let indien = find(findings, "formal-word", 11).expect("the formal word after the tag");
    assert_eq!(indien["column"], 19, "{indien}");
    let verzoeken = find(findings, "formal-word", 13).expect("after a comment and a tag");
    assert_eq!(verzoeken["column"], 35, "{verzoeken}");
}

#[test]
fn the_subject_is_checked_where_the_front_matter_holds_it() {
    // The subject is the letter's heading, but no body line shows it.
    let dir = tempfile::tempdir().unwrap();
    let folder = crate::support::template_dir(
        dir.path(),
        "application_received.md",
        "+++\nevent-type = \"application_received\"\nsubject = \"Wij hebben uw aanvraag ontvangen\"\nbesluit = false\nkind = \"information\"\n+++\n{{ recipient | salutation }},\n\nDank u wel voor uw aanvraag.\n",
    );
    let output = helder(
        &["lint", folder.to_str().unwrap(), "--format", "json"],
        dir.path(),
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = findings_of(&report, "application_received.md");
    let formal = find(findings, "formal-word", 3).expect("the formal word in the subject");
    assert_eq!(formal["column"], 35, "{formal}");
    assert_eq!(formal["fix"]["replacement"], "gekregen", "{formal}");
}

#[test]
fn suppressions_need_a_reason_and_must_suppress_something() {
    let report = json_report();
    let warning = findings_of(&report, "warning.md");
    assert!(
        find(warning, "formal-word", 13).is_none(),
        "suppressed with a reason"
    );
    assert!(
        find(warning, "passive-voice", 16).is_none(),
        "suppressed, but…"
    );
    assert!(
        find(warning, "suppression-without-reason", 15).is_some(),
        "…without a reason"
    );
    assert!(find(warning, "unused-suppression", 18).is_some());
}

#[test]
fn markdown_files_take_html_comment_suppressions() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tekst.md");
    std::fs::write(
        &file,
        "<!-- helder-disable-next-line formal-word: citaat uit de wet -->\nIndien u vragen hebt, bel ons.\n\nIndien u wilt, kom langs.\n",
    )
    .unwrap();
    let output = helder(
        &["lint", "--format", "json", file.to_str().unwrap()],
        &root(),
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = report["files"][0]["findings"].as_array().unwrap();
    let lines: Vec<(&str, u64)> = findings
        .iter()
        .map(|f| (f["rule"].as_str().unwrap(), f["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(lines, vec![("formal-word", 4)]);
}

#[test]
fn fail_on_sets_the_level_that_fails() {
    // The shipped templates have no errors.
    let output = helder(&["lint", "letter-templates"], &root());
    assert_exit(&output, 0);
    // A text with a warning and no error fails only from `--fail-on warning`.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tekst.md");
    std::fs::write(&file, "Vul het huurtoeslagaanvraagformulier in.\n").unwrap();
    let file = file.to_str().unwrap();
    assert_exit(&helder(&["lint", file], &root()), 0);
    assert_exit(&helder(&["lint", file, "--fail-on", "warning"], &root()), 1);
    let output = helder(&["lint", "letter-templates", "--fail-on", "loud"], &root());
    assert_exit(&output, 2);
}

#[test]
fn lint_settings_turn_rules_off_per_path_and_unknown_keys_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let shipped = std::fs::read_to_string(root().join("helder.toml")).unwrap();
    let policy = root().join("call-first-policy.toml");
    let shipped = shipped.replace(
        "policy = \"call-first-policy.toml\"",
        &format!("policy = {:?}", policy.to_str().unwrap()),
    );
    let config = dir.path().join("helder.toml");
    std::fs::write(
        &config,
        format!(
            "{shipped}\n[lint.rules]\nintimidating-typography = \"warning\"\n\n[[lint.overrides]]\npaths = [\"**/_partials/*.md\"]\nreason = \"test\"\nrules = {{ formal-word = \"off\" }}\n"
        ),
    )
    .unwrap();
    let output = helder_with(&config, &["lint", "--format", "json", FIXTURES], &root());
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        find(
            findings_of(&report, "_partials/contact.md"),
            "formal-word",
            4
        )
        .is_none()
    );
    let typography = find(
        findings_of(&report, "warning.md"),
        "intimidating-typography",
        28,
    )
    .unwrap();
    assert_eq!(typography["severity"], "warning");

    std::fs::write(
        &config,
        format!("{shipped}\n[lint.rules]\npasive-voice = \"off\"\n"),
    )
    .unwrap();
    let output = helder_with(&config, &["lint", FIXTURES], &root());
    assert_exit(&output, 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains("Bedoelt u passive-voice?"));
}

#[test]
fn explain_prints_the_rule_with_its_examples() {
    let output = helder(&["lint", "--explain", "passive-voice"], &root());
    assert_exit(&output, 0);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("passive-voice (readability)"), "{text}");
    assert!(
        text.contains("Zo niet:") && text.contains("Zo wel:"),
        "{text}"
    );
    let output = helder(&["lint", "--explain", "unused-suppression"], &root());
    assert_exit(&output, 0);
    // A rule that compares a letter with its event shows what the event carries.
    let output = helder(&["lint", "--explain", "money-without-old-amount"], &root());
    assert_exit(&output, 0);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Wat de gebeurtenis en helder.toml meegeven (bij beide voorbeelden):")
            && text.contains("\"previous_cents\": 129840"),
        "{text}"
    );
    let output = helder(&["lint", "--explain", "decision-subject"], &root());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("zo niet:") && text.contains("\"subject\": \"Uw betalingsregeling\""),
        "{text}"
    );
    let output = helder(&["lint", "--explain"], &root());
    let list = String::from_utf8(output.stdout).unwrap();
    assert!(list.contains("coercive-command") && list.contains("template-error"));
    let output = helder(&["lint", "--explain", "pasive-voice"], &root());
    assert_exit(&output, 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains("Bedoelt u passive-voice?"));
}

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "test")
        .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
        .env("GIT_COMMITTER_NAME", "test")
        .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

#[test]
fn changed_since_lints_only_changed_templates_and_the_users_of_a_changed_partial() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    crate::support::copy_dir(&root().join(FIXTURES), &repo.join("letter-templates"));
    std::fs::copy(root().join("helder.toml"), repo.join("helder.toml")).unwrap();
    std::fs::copy(
        root().join("call-first-policy.toml"),
        repo.join("call-first-policy.toml"),
    )
    .unwrap();
    git(repo, &["init", "-q", "-b", "main"]);
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "start"]);
    let run = || {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_helder"))
            .args([
                "lint",
                "letter-templates",
                "--changed-since",
                "HEAD",
                "--format",
                "json",
            ])
            .current_dir(repo)
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&output.stderr)));
        let mut paths: Vec<String> = report["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect();
        paths.sort();
        (paths, output.status.code())
    };
    assert_eq!(run(), (Vec::<String>::new(), Some(0)), "nothing changed");

    // A changed partial: only the template that includes it, and the partial.
    let contact = repo.join("letter-templates/_partials/contact.md");
    let text = std::fs::read_to_string(&contact).unwrap();
    std::fs::write(&contact, text.replace("Teneinde", "Om")).unwrap();
    let (paths, _) = run();
    assert_eq!(
        paths,
        vec![
            "letter-templates/_partials/contact.md",
            "letter-templates/_partials/signature.md",
            "letter-templates/warning.md"
        ]
    );
    git(repo, &["commit", "-q", "-am", "partial"]);

    // A changed example: its template.
    let example = repo.join("letter-templates/examples/application_received-plain.json");
    let text = std::fs::read_to_string(&example).unwrap();
    std::fs::write(&example, text.replace("Anouk", "Anna")).unwrap();
    let (paths, code) = run();
    assert!(
        paths.contains(&"letter-templates/application_received.md".to_string()),
        "{paths:?}"
    );
    assert!(
        !paths.iter().any(|p| p.ends_with("warning.md")),
        "{paths:?}"
    );
    assert_eq!(code, Some(0));

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_helder"))
        .args([
            "lint",
            "letter-templates",
            "--changed-since",
            "no-such-revision",
        ])
        .current_dir(repo)
        .output()
        .unwrap();
    assert_exit(&output, 2);
}

#[test]
fn every_shipped_letter_reads_at_b1_without_threats_or_structure_errors() {
    let config = crate::support::config();
    let reports = helder::template_ci::check(
        &config.templates_dir,
        &config,
        &helder::template_ci::Selection::All,
    );
    let mut templates = 0;
    for report in &reports {
        for item in &report.findings {
            let finding = &item.finding;
            assert!(
                finding.category != helder::lint::Category::Tone,
                "{}: tone finding {} ({})",
                report.path,
                finding.rule,
                finding.message
            );
            assert!(
                finding.severity != helder::lint::Severity::Error,
                "{}: {} {}",
                report.path,
                finding.rule,
                finding.message
            );
        }
        if let Some(metrics) = &report.metrics {
            templates += 1;
            assert!(
                metrics.level <= helder::readability::Level::B1,
                "{} reads at {}",
                report.path,
                metrics.level
            );
        }
    }
    assert_eq!(
        templates, 31,
        "every template made a letter with its examples"
    );
}

#[test]
fn template_ci_on_many_threads_reports_exactly_what_one_thread_reports() {
    let run = |dir: &str, threads: &str| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_helder"))
            .args(["--config", root().join("helder.toml").to_str().unwrap()])
            .args(["lint", dir, "--format", "json"])
            .env("RAYON_NUM_THREADS", threads)
            .current_dir(root())
            .output()
            .unwrap();
        assert!(
            output.status.code().is_some_and(|code| code <= 1),
            "{output:?}"
        );
        String::from_utf8(output.stdout).unwrap()
    };
    // The shipped library, and the fixtures with their broken templates.
    for dir in ["letter-templates", FIXTURES] {
        let one = run(dir, "1");
        let report: Value = serde_json::from_str(&one).unwrap();
        assert!(report["files"].as_array().unwrap().len() > 5, "{dir}");
        for threads in ["2", "8", "8"] {
            assert_eq!(run(dir, threads), one, "{dir} with {threads} threads");
        }
    }
}
