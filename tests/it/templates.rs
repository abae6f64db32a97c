//! Templates: hostile values stay text, missing values are errors with a line, every filter.

use crate::support::{config, event, example_json, letter_date, template_dir, templates};
use helder::compose::{ComposeOptions, Composed, compose};
use helder::render::html::HtmlRenderer;
use helder::render::text::TextRenderer;
use helder::render::{Letter, MarkdownRenderer, Renderer};
use helder::template::{TemplateError, TemplateSet};
use pulldown_cmark::{Event, Parser, Tag};
use serde_json::{Value, json};

const HOSTILE: &[&str] = &[
    "Jansen](https://phish.example)",
    "<script>alert(1)</script>",
    "{{ municipality.name }}",
    "**vet** en _schuin_",
    "&amp; \\ `code` # kop",
    "1. lijst",
];

fn hostile_letter() -> Letter {
    let mut value = example_json("benefit_granted-plain.json");
    value["data"]["recipient"]["surname"] = json!(HOSTILE[0]);
    value["data"]["decision"]["reasons"] = json!(HOSTILE[1..].to_vec());
    value["data"]["contact"]["name"] = json!("<b>Ilse</b> [Verhoef](javascript:alert(1))");
    let options = ComposeOptions {
        date: letter_date(),
        draft: false,
    };
    match compose(&event(value), &config(), &templates(), options).unwrap() {
        Composed::Letter(letter) => *letter,
        other => panic!("expected a letter, got {other:?}"),
    }
}

#[test]
fn hostile_values_show_literally_in_text() {
    let text = String::from_utf8(TextRenderer.render(&hostile_letter()).unwrap()).unwrap();
    for value in HOSTILE {
        assert!(text.contains(value), "text output lacks {value:?}");
    }
    assert!(text.contains("<b>Ilse</b> [Verhoef](javascript:alert(1))"));
}

#[test]
fn hostile_values_are_text_in_html() {
    let html = String::from_utf8(HtmlRenderer.render(&hostile_letter()).unwrap()).unwrap();
    assert!(!html.contains("<script"), "no script element");
    assert!(!html.contains("<b>"), "no markup from values");
    assert!(
        !html.contains("href=\"https://phish.example"),
        "no link from a value"
    );
    assert!(!html.contains("href=\"javascript"), "no javascript link");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Jansen](https://phish.example)"));
    assert!(html.contains("**vet** en _schuin_"));
    assert!(html.contains("{{ municipality.name }}"));
    assert!(html.contains("&amp;amp; \\ `code` # kop"));
    assert!(html.contains("<li>1. lijst</li>"));
}

#[test]
fn hostile_values_are_text_in_markdown() {
    let md = String::from_utf8(MarkdownRenderer.render(&hostile_letter()).unwrap()).unwrap();
    let mut text = String::new();
    for event in Parser::new(&md) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::Start(Tag::Link { dest_url, .. }) => {
                panic!("a value became a link to {dest_url}")
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("a value became HTML: {h}"),
            Event::Code(c) => panic!("a value became code: {c}"),
            _ => {}
        }
    }
    for value in HOSTILE {
        assert!(text.contains(value), "markdown text lacks {value:?}");
    }
}

fn render_with(source: &str, event_json: Value) -> Result<String, TemplateError> {
    let dir = tempfile::tempdir().unwrap();
    let templates_dir = template_dir(dir.path(), "benefit_granted.md", source);
    let set = TemplateSet::load(&templates_dir, "Beste").map_err(|mut errors| errors.remove(0))?;
    let config = config();
    let ev = event(event_json);
    let template = set.get(ev.event_type).unwrap();
    let facts = helder::template::context::LetterFacts {
        date: letter_date(),
        is_besluit: true,
        draft: false,
        reference: ev.data.case.zaak_id.as_str(),
    };
    let context = helder::template::context::build(&ev, &config, &facts);
    set.render(template, &context, &ev.id)
        .map(|r| r.body.trim().to_string())
        .map_err(|e| {
            // Point the snapshot at a stable file name, not the temporary folder.
            TemplateError {
                file: e.file.rsplit('/').next().unwrap_or_default().to_string(),
                ..e
            }
        })
}

const FRONT: &str = "+++\nevent-type = \"benefit_granted\"\nsubject = \"Test\"\nbesluit = true\nkind = \"decision\"\n+++\n";

#[test]
fn an_undefined_value_names_event_field_file_and_line() {
    let source = format!("{FRONT}Beste,\n\nUw bijnaam is {{{{ recipient.nickname }}}}.\n");
    let error = render_with(&source, example_json("benefit_granted-plain.json")).unwrap_err();
    assert_eq!(error.field.as_deref(), Some("data.recipient.nickname"));
    assert_eq!(
        (error.line, error.event_id.as_deref()),
        (Some(9), Some("evt-2026-000301"))
    );
    insta::assert_snapshot!("undefined_value", error.to_string());
}

#[test]
fn an_empty_optional_value_is_missing_not_blank() {
    let mut value = example_json("benefit_granted-plain.json");
    value["data"]["recipient"]["first_name"] = json!("");
    value["data"]["contact"]["team"] = json!(" ");
    let source = format!("{FRONT}Hallo {{{{ recipient.first_name }}}}.\n");
    let error = render_with(&source, value.clone()).unwrap_err();
    assert_eq!(error.field.as_deref(), Some("data.recipient.first_name"));
    assert_eq!(error.line, Some(7));
    // With an if, the sentence is left out instead.
    let guarded =
        format!("{FRONT}Hallo{{% if contact.team %}} team {{{{ contact.team }}}}{{% endif %}}.\n");
    assert_eq!(render_with(&guarded, value).unwrap(), "Hallo.");
}

#[test]
fn an_undefined_value_in_a_partial_points_at_the_partial() {
    let dir = tempfile::tempdir().unwrap();
    let templates_dir = template_dir(
        dir.path(),
        "benefit_granted.md",
        &format!("{FRONT}Tekst.\n\n{{% include \"_partials/extra.md\" %}}\n"),
    );
    std::fs::write(
        templates_dir.join("_partials/extra.md"),
        "Eerste regel.\n\n{{ contact.fax }}\n",
    )
    .unwrap();
    let set = TemplateSet::load(&templates_dir, "Beste").unwrap();
    let ev = event(example_json("benefit_granted-plain.json"));
    let facts = helder::template::context::LetterFacts {
        date: letter_date(),
        is_besluit: true,
        draft: false,
        reference: "Z",
    };
    let context = helder::template::context::build(&ev, &config(), &facts);
    let error = set
        .render(set.get(ev.event_type).unwrap(), &context, &ev.id)
        .unwrap_err();
    assert!(error.file.ends_with("_partials/extra.md"), "{}", error.file);
    assert_eq!(error.line, Some(3));
    assert_eq!(error.field.as_deref(), Some("data.contact.fax"));
}

#[test]
fn safe_and_empty_default_are_refused() {
    let value = example_json("benefit_granted-plain.json");
    let safe = render_with(
        &format!("{FRONT}{{{{ recipient.surname | safe }}}}\n"),
        value.clone(),
    )
    .unwrap_err();
    assert!(safe.problem.contains("safe mag niet"), "{safe}");
    let empty = render_with(
        &format!("{FRONT}{{{{ recipient.nickname | default(value=\"\") }}}}\n"),
        value.clone(),
    )
    .unwrap_err();
    assert!(empty.problem.contains("leeg gat"), "{empty}");
    let filled = render_with(
        &format!("{FRONT}{{{{ recipient.nickname | default(value=\"geen\") }}}}\n"),
        value,
    )
    .unwrap();
    assert_eq!(filled, "geen");
}

#[test]
fn template_load_errors_point_at_lines() {
    let dir = tempfile::tempdir().unwrap();
    let templates_dir = template_dir(
        dir.path(),
        "benefit_granted.md",
        &format!("{FRONT}Tekst {{{{ recipient.surname }}\n\n<div>html</div>\n"),
    );
    std::fs::write(templates_dir.join("warning.md"), "geen front matter\n").unwrap();
    std::fs::write(templates_dir.join("recovery.md"), FRONT).unwrap();
    let errors = TemplateSet::load(&templates_dir, "Beste").unwrap_err();
    let shown: Vec<String> = errors
        .iter()
        .map(|e| {
            TemplateError {
                file: e.file.rsplit('/').next().unwrap().to_string(),
                ..e.clone()
            }
            .to_string()
        })
        .collect();
    insta::assert_snapshot!("template_load_errors", shown.join("\n"));
}

fn filters_output(source_body: &str, value: Value) -> String {
    render_with(&format!("{FRONT}{source_body}\n"), value).unwrap()
}

#[test]
fn filter_euro() {
    let mut value = example_json("benefit_granted-plain.json");
    value["data"]["amounts"] = json!([{"label": "a", "amount_cents": 35038}, {"label": "b", "amount_cents": 123456789}, {"label": "c", "amount_cents": 7}]);
    let out = filters_output(
        "{% for a in amounts %}{{ a.amount_cents | euro }}|{% endfor %}",
        value.clone(),
    );
    assert_eq!(out, "€\u{a0}350,38|€\u{a0}1.234.567,89|€\u{a0}0,07|");
    let wrong = render_with(&format!("{FRONT}{{{{ occurred_on | euro }}}}\n"), value).unwrap_err();
    assert!(wrong.problem.contains("hele centen"), "{wrong}");
}

#[test]
fn filter_date_and_time() {
    let value = example_json("interview_invitation-plain.json");
    let dir = tempfile::tempdir().unwrap();
    let source = "+++\nevent-type = \"interview_invitation\"\nsubject = \"{{ appointment.start | date }}\"\nbesluit = false\nkind = \"request\"\n+++\n{{ occurred_on | date }}|{{ occurred_on | date(weekday=true) }}|{{ appointment.start | date(weekday=true) }}|{{ appointment.start | time }}\n";
    let templates_dir = template_dir(dir.path(), "interview_invitation.md", source);
    let set = TemplateSet::load(&templates_dir, "Beste").unwrap();
    let ev = event(value);
    let facts = helder::template::context::LetterFacts {
        date: letter_date(),
        is_besluit: false,
        draft: false,
        reference: "Z",
    };
    let rendered = set
        .render(
            set.get(ev.event_type).unwrap(),
            &helder::template::context::build(&ev, &config(), &facts),
            &ev.id,
        )
        .unwrap();
    assert_eq!(rendered.subject, "3\u{a0}december 2026");
    assert_eq!(
        rendered.body.trim(),
        "20\u{a0}november 2026|vrijdag 20\u{a0}november 2026|donderdag 3\u{a0}december 2026|10.30\u{a0}uur"
    );
}

#[test]
fn filter_salutation_full_name_and_address_lines() {
    let body = "{{ recipient | salutation }}|{{ recipient | full_name }}|{% for line in recipient | address_lines %}{{ line }}/{% endfor %}";
    let plain = filters_output(body, example_json("benefit_granted-plain.json"));
    assert_eq!(
        plain,
        "Beste mevrouw Bakker|Anouk Bakker|Mevrouw A. Bakker/Lindelaan 14/6512 KT  WAALMONDE/"
    );
    let awkward = filters_output(body, example_json("benefit_granted-awkward.json"));
    assert_eq!(
        awkward,
        "Beste S.J.M. van der Heijden-Çelik|S.J.M. van der Heijden-Çelik|S.J.M. van der Heijden-Çelik/Burgemeester van Rappardstraat 117-2/5211 AB  'S-HERTOGENBOSCH/"
    );
    let mut heer = example_json("benefit_granted-awkward.json");
    heer["data"]["recipient"]["salutation"] = json!("heer");
    assert!(filters_output(body, heer).starts_with("Beste meneer Van der Heijden-Çelik|"));
}

#[test]
fn a_table_of_amounts_renders_in_html_and_text_with_values_escaped() {
    let source = format!(
        "{FRONT}Dit krijgt u:\n\n| Wat | Bedrag |\n|---|---|\n{{% for a in amounts %}}| {{{{ a.label }}}} | {{{{ a.amount_cents | euro }}}} |\n{{% endfor %}}\nKlopt er iets niet? Bel ons.\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let templates_dir = template_dir(dir.path(), "benefit_granted.md", &source);
    let set = TemplateSet::load(&templates_dir, "Beste").unwrap();
    let mut value = example_json("benefit_granted-awkward.json");
    value["data"]["amounts"][1]["label"] = json!("<b>Vakantiegeld</b> | extra");
    let config = config();
    let letter = {
        let ev = event(value);
        let facts = helder::template::context::LetterFacts {
            date: letter_date(),
            is_besluit: true,
            draft: false,
            reference: "Z",
        };
        let rendered = set
            .render(
                set.get(ev.event_type).unwrap(),
                &helder::template::context::build(&ev, &config, &facts),
                &ev.id,
            )
            .unwrap();
        helder::render::blocks::parse_blocks(&rendered.body).unwrap()
    };
    let Some(helder::render::Block::Table { head, rows }) = letter
        .iter()
        .find(|b| matches!(b, helder::render::Block::Table { .. }))
    else {
        panic!("a table: {letter:?}")
    };
    assert_eq!(head.len(), 2);
    assert_eq!(rows.len(), 2);
    assert_eq!(
        helder::render::plain_text(&rows[1][0]),
        "<b>Vakantiegeld</b> | extra",
        "the pipe in a value does not split the cell"
    );
    assert_eq!(helder::render::plain_text(&rows[0][1]), "€\u{a0}1.398,74");
}

#[test]
fn every_shipped_example_renders_with_a_source_map_back_to_the_files() {
    use helder::template::context::{LetterFacts, build};
    use helder::template::source_map::Origin;
    let config = config();
    let set = templates();
    let mapped = set.mapped().expect("the shipped templates can be marked");
    let mut checked = 0;
    for template in set.iter() {
        for example in &template.front_matter.examples {
            let event = event(example_json(example));
            let facts = LetterFacts {
                date: letter_date(),
                is_besluit: template.front_matter.besluit,
                draft: false,
                reference: event.data.case.zaak_id.as_str(),
            };
            let context = build(&event, &config, &facts);
            let (rendered, map) = set
                .render_mapped(&mapped, template, &context, &event.id)
                .unwrap();
            let map = map.unwrap_or_else(|| panic!("{example}: the marked letter differs"));
            for (i, c) in rendered.body.char_indices() {
                if c.is_whitespace() {
                    continue;
                }
                match map.origin(i, mapped.pieces()) {
                    Some(Origin::Literal { file, offset }) => {
                        let (path, source) = mapped.file(file);
                        assert_eq!(
                            source[offset..].chars().next(),
                            Some(c),
                            "{example}: byte {i} maps to {}:{offset}",
                            path.display()
                        );
                    }
                    Some(Origin::Expression { file, range }) => {
                        let (_, source) = mapped.file(file);
                        assert!(source[range].starts_with("{{"));
                    }
                    None => panic!("{example}: byte {i} ({c:?}) has no origin"),
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
}

/// The paths of a context value, lists as `[]`.
fn context_paths(prefix: &str, value: &Value, out: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                context_paths(&path, inner, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                context_paths(&format!("{prefix}[]"), item, out);
            }
        }
        _ => {
            out.insert(prefix.to_string());
        }
    }
}

#[test]
fn the_list_of_names_a_template_may_use_is_the_shape_of_the_context() {
    use helder::template::context::{LetterFacts, build};
    use helder::template::variables::CONTEXT_PATHS;
    let config = config();
    // A fixture with every optional field filled, and one with a decision.
    let mut full = crate::support::fixture_json(helder::event::EventType::SanctionReduction);
    let data = &mut full["data"];
    data["decision"] = json!({"is_besluit": true, "datum": "2026-11-19", "legal_basis": ["Participatiewet, artikel 18"], "reasons": ["Een reden."]});
    data["case"]["status_text"] = json!("Lopend");
    data["recipient"]["prefix"] = json!("van");
    data["recipient"]["address"]["addition"] = json!("A");
    data["recipient"]["address"]["country"] = json!("België");
    data["recipient"]["address"]["postcode"] = json!("2000");
    data["recipient"]["phone"] = json!("06 12 34 56 78");
    data["contact"]["email"] = json!("a@waalmonde.nl");
    data["amounts"] = json!([{"label": "Huur", "amount_cents": 61200, "period_from": "2026-12-01", "period_to": "2026-12-31", "previous_cents": 60000, "gross_net": "netto"}]);
    data["earlier_decision"] =
        json!({"date": "2026-09-14", "subject": "uw bijstand", "reference": "B-1"});
    data["objection"] = json!({"outcome": "gegrond", "changes": ["Korter."], "costs": {"requested": true, "amount_cents": 62400}});
    data["measure"] = json!({"obligation": "naar afspraken komen", "obligation_basis": "artikel 9 Participatiewet", "percentage": 20, "amount_cents": 27975, "period_from": "2026-12-01", "period_to": "2027-02-28", "how_set": ["Twee keer niet."], "overpaid_cents": 1000});
    data["facts"] = json!(["Op 20 oktober niet gekomen."]);
    data["revision"] =
        json!({"kind": "herziening", "period_from": "2026-06-01", "period_to": "2026-09-30"});
    data["payment"] = json!({"date": "2026-12-24"});
    data["debt"] = json!({"total_cents": 100000, "due_date": "2027-01-04", "payment_reference": "D-1", "deduction": {"amount_cents": 5000, "from": "2027-01-01", "protected_income_cents": 120000}});
    data["assistance"] = json!({"form": "lening", "repay_cents": 2500, "repay_from": "2027-02-01"});
    data["deadlines"] = json!([{"label": "Papieren", "date": "2026-12-07"}]);
    data["documents_requested"] = json!(["Loonstrook"]);
    data["appointment"] = json!({"start": "2026-12-03T10:00:00+01:00", "location": "Stadhuis", "purpose": "Gesprek", "bring": ["Paspoort"]});
    data["flags"]["vulnerable"] = json!(true);
    data["flags"]["retroactive"] = json!(true);
    data["flags"]["reason"] = json!("missed_appointment");
    data["decision"]["ingangsdatum"] = json!("2026-12-01");
    data["prior_contact"] = json!({"contact_id": "C-1", "at": "2026-11-20T10:00:00+01:00", "channel": "phone", "outcome": "reached", "heard": "Ziek geweest.", "event_id": "evt-1", "decision": "send", "reason_given": true});
    let event = event(full);
    let facts = LetterFacts {
        date: letter_date(),
        is_besluit: true,
        draft: false,
        reference: "Z-1",
    };
    let mut produced = std::collections::BTreeSet::new();
    context_paths(
        "",
        &Value::Object(build(&event, &config, &facts)),
        &mut produced,
    );
    let listed: std::collections::BTreeSet<String> =
        CONTEXT_PATHS.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        produced, listed,
        "CONTEXT_PATHS in src/template/variables.rs must list exactly what context::build gives"
    );
}

#[test]
fn every_shipped_template_agrees_with_its_event_types_besluit() {
    use helder::event::Besluit;
    for template in templates().iter() {
        let event_type = template.front_matter.event_type;
        let expected = match event_type.besluit() {
            Besluit::Always => Some(true),
            Besluit::Never => Some(false),
            // The event's decision says; the template's default is the plain case.
            Besluit::Sometimes => None,
        };
        if let Some(expected) = expected {
            assert_eq!(
                template.front_matter.besluit, expected,
                "{event_type}: the front matter and the event_types! table disagree"
            );
        }
    }
}
