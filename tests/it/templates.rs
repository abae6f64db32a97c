//! Templates: hostile values stay text, missing values are errors with a line, every filter.

use crate::html::Page;
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
    let page = Page::parse(&html);
    assert!(!page.has("script"), "no script element");
    assert!(!page.has("b"), "no markup from values");
    assert!(
        !page.has("[href^='https://phish.example']"),
        "no link from a value"
    );
    assert!(!page.has("[href^='javascript']"), "no javascript link");
    // Each value is there as the text it was, character for character.
    let text = page.text();
    for value in HOSTILE {
        assert!(text.contains(value), "the page's text lacks {value:?}");
    }
    // A value that looks like a list item is the text of the template's own item.
    assert!(page.texts("li").iter().any(|item| item == "1. lijst"));
}

#[test]
fn hostile_values_are_text_in_markdown() {
    let letter = hostile_letter();
    let md = String::from_utf8(MarkdownRenderer.render(&letter).unwrap()).unwrap();
    let mark = helder::lint::letter_mark::LetterMark {
        event_type: letter.event_type,
        is_besluit: letter.is_besluit,
    }
    .line();
    let mut marks = 0;
    let mut text = String::new();
    for event in Parser::new(&md) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::Start(Tag::Link { dest_url, .. }) => {
                panic!("a value became a link to {dest_url}")
            }
            // The letter's own mark (`helder-letter: …`) is the one HTML allowed.
            Event::Html(h) if h.trim_end() == mark => marks += 1,
            Event::Html(h) | Event::InlineHtml(h) => panic!("a value became HTML: {h}"),
            Event::Code(c) => panic!("a value became code: {c}"),
            _ => {}
        }
    }
    for value in HOSTILE {
        assert!(text.contains(value), "markdown text lacks {value:?}");
    }
    assert_eq!(marks, 1, "the letter's mark, once:\n{md}");
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

/// Puts `value` at `path` (`amounts[].label`: in the first element of the list).
fn put(target: &mut Value, path: &str, value: Value) {
    let (head, rest) = match path.find(['.', '[']) {
        Some(i) => (&path[..i], &path[i..]),
        None => (path, ""),
    };
    let slot = &mut target[head];
    if let Some(rest) = rest.strip_prefix("[]") {
        if !slot.is_array() {
            *slot = json!([]);
        }
        let items = slot.as_array_mut().unwrap();
        if rest.is_empty() {
            *items = vec![value];
            return;
        }
        if items.is_empty() {
            items.push(json!({}));
        }
        put(&mut items[0], &rest[1..], value);
    } else if let Some(rest) = rest.strip_prefix('.') {
        if !slot.is_object() {
            *slot = json!({});
        }
        put(slot, rest, value);
    } else {
        *slot = value;
    }
}

#[test]
fn the_list_of_names_a_template_may_use_is_the_shape_of_the_context() {
    use helder::template::context::{LetterFacts, build};
    use helder::template::names::{GROUPS, Source, names};
    let config = config();
    // An event with every name of the table filled with its example: the
    // table's `event.type` and `event.id` say which event it is.
    let example = |path: &str| {
        names()
            .find(|name| name.path == path)
            .map(|name| name.example.json())
            .unwrap()
    };
    let event_type =
        helder::event::EventType::from_name(example("event.type").as_str().unwrap()).unwrap();
    let mut full = crate::support::fixture_json(event_type);
    full["id"] = example("event.id");
    for group in GROUPS.iter().filter(|g| g.source == Source::Event) {
        for name in group.names.iter().filter(|n| !n.path.starts_with("event.")) {
            put(&mut full["data"], name.path, name.example.json());
        }
    }
    let event = event(full);
    let date = example("letter.date");
    let reference = example("letter.reference");
    let facts = LetterFacts {
        date: date.as_str().unwrap().parse().unwrap(),
        is_besluit: example("letter.is_besluit").as_bool().unwrap(),
        draft: example("letter.draft").as_bool().unwrap(),
        reference: reference.as_str().unwrap(),
    };
    let context = Value::Object(build(&event, &config, &facts));
    let mut produced = std::collections::BTreeSet::new();
    context_paths("", &context, &mut produced);
    let listed: std::collections::BTreeSet<String> = names().map(|n| n.path.to_string()).collect();
    assert_eq!(
        produced, listed,
        "src/template/names.rs must list exactly what context::build gives"
    );
    // Every example is the value the template gets, from the event, the
    // letter or the shipped helder.toml.
    for name in names() {
        let pointer = format!("/{}", name.path.replace("[]", "/0").replace('.', "/"));
        assert_eq!(
            context.pointer(&pointer),
            Some(&name.example.json()),
            "{}: the context holds another value than the table's example",
            name.path
        );
    }
}

#[test]
fn the_advisors_table_of_names_is_the_list_of_names() {
    let readme =
        std::fs::read_to_string(crate::support::root().join("letter-templates/README.md")).unwrap();
    let table = helder::template::names::markdown_table();
    let section = readme
        .split("## Gegevens die u kunt gebruiken")
        .nth(1)
        .and_then(|rest| rest.split("\n\n| naam |").nth(1))
        .and_then(|rest| rest.split("\n\n").next())
        .map(|rows| format!("| naam |{rows}\n"))
        .expect("letter-templates/README.md has the table of names");
    assert!(
        section == table,
        "The table in letter-templates/README.md (\"Gegevens die u kunt gebruiken\") is made from src/template/names.rs. Put this table there:\n\n{table}"
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
