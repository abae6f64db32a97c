//! Letters from the shipped examples: an HTML snapshot of each, and what a page may contain.

use crate::html::Page;
use crate::support::{config, event, example_json, letter_date, root, templates};
use helder::compose::{ComposeOptions, Composed, build_letter, compose};
use helder::event::EventType;
use helder::render::html::HtmlRenderer;
use helder::render::text::TextRenderer;
use helder::render::{Letter, Renderer};

/// Renders an example; call-first examples as their held draft.
fn example_letter(name: &str) -> Letter {
    let ev = event(example_json(name));
    let config = config();
    let templates = templates();
    let options = ComposeOptions {
        date: letter_date(),
        draft: false,
    };
    let composed = match compose(&ev, &config, &templates, options).unwrap() {
        Composed::CallFirst(_) => compose(
            &ev,
            &config,
            &templates,
            ComposeOptions {
                draft: true,
                ..options
            },
        )
        .unwrap(),
        other => other,
    };
    match composed {
        Composed::Letter(letter) => *letter,
        other => panic!("{name}: expected a letter, got {other:?}"),
    }
}

/// The part of the page between <main> and </main>: the letter without the shared style sheet.
fn main_part(html: &str) -> &str {
    let start = html.find("<main").unwrap();
    let end = html.find("</main>").unwrap() + "</main>".len();
    &html[start..end]
}

#[test]
fn every_template_example_renders_to_the_pinned_html() {
    let templates = templates();
    let mut seen = 0;
    for template in templates.iter() {
        assert!(
            template.front_matter.examples.len() >= 2,
            "{} needs at least two examples",
            template.name
        );
        for example in &template.front_matter.examples {
            assert!(
                root()
                    .join("letter-templates/examples")
                    .join(example)
                    .is_file(),
                "{example} exists"
            );
            let letter = example_letter(example);
            assert_eq!(
                letter.event_type, template.front_matter.event_type,
                "{example} is for {}",
                template.name
            );
            let html = String::from_utf8(HtmlRenderer.render(&letter).unwrap()).unwrap();
            let stem = example.trim_end_matches(".json");
            insta::assert_snapshot!(format!("html_{stem}"), main_part(&html));
            seen += 1;
        }
    }
    let files = std::fs::read_dir(root().join("letter-templates/examples"))
        .unwrap()
        .count();
    assert_eq!(seen, files, "every example belongs to a template");
    // Every event type has a template, except contact_recorded (internal).
    let types: Vec<_> = templates
        .iter()
        .map(|t| t.front_matter.event_type)
        .collect();
    for event_type in helder::event::EventType::ALL {
        assert_eq!(
            types.contains(event_type),
            *event_type != helder::event::EventType::ContactRecorded,
            "{event_type}"
        );
    }
}

#[test]
fn the_page_is_self_contained_readable_and_printable() {
    let html = String::from_utf8(
        HtmlRenderer
            .render(&example_letter("benefit_granted-plain.json"))
            .unwrap(),
    )
    .unwrap();
    let page = Page::parse(&html);
    assert!(page.is_standards_mode(), "it starts with <!DOCTYPE html>");
    assert_eq!(page.attrs("html", "lang"), vec!["nl"]);
    assert_eq!(
        page.attrs("meta[name=viewport]", "content"),
        vec!["width=device-width, initial-scale=1"]
    );
    assert!(page.has("meta[http-equiv=Content-Security-Policy]"));
    let style = page.texts("style").join("\n");
    assert!(style.contains("@page { size: A4;"), "{style}");
    let style = [style, page.attrs("[style]", "style").join("\n")].join("\n");
    // The page loads nothing from outside.
    for element in ["script", "link", "img", "iframe", "object", "[src]"] {
        assert!(!page.has(element), "the page loads nothing ({element})");
    }
    for external in ["@import", "url("] {
        assert!(
            !style.contains(external),
            "the style loads nothing ({external})"
        );
    }
    // The only links are the ones a template writes; this one has none.
    assert!(!page.has("[href]"));
}

#[test]
fn drafts_are_marked_and_held_letters_are_not_sent() {
    let draft = example_letter("sanction_reduction-reached.json");
    assert!(draft.draft);
    let text = String::from_utf8(TextRenderer.render(&draft).unwrap()).unwrap();
    assert!(text.starts_with("*** CONCEPT — niet versturen ***"));
    let html = String::from_utf8(HtmlRenderer.render(&draft).unwrap()).unwrap();
    assert_eq!(
        Page::parse(&html).texts("p.draft[role=note]"),
        vec!["CONCEPT — niet versturen"]
    );

    let ev = event(example_json("sanction_reduction-reached.json"));
    let options = ComposeOptions {
        date: letter_date(),
        draft: false,
    };
    match compose(&ev, &config(), &templates(), options).unwrap() {
        Composed::CallFirst(reasons) => assert!(!reasons.is_empty(), "a call first has a reason"),
        other => panic!("a sanction is never a sendable letter: {other:?}"),
    }
    let contact = event(crate::support::fixture_json(EventType::ContactRecorded));
    assert!(matches!(
        compose(&contact, &config(), &templates(), options).unwrap(),
        Composed::Release
    ));
}

#[test]
fn a_besluit_has_its_objection_deadline_and_legal_basis() {
    let letter = example_letter("benefit_granted-plain.json");
    assert!(letter.is_besluit);
    let text = String::from_utf8(TextRenderer.render(&letter).unwrap()).unwrap();
    // Sent Monday 23 November 2026: six weeks later is Monday 4 January 2027.
    let flowing = text.replace('\n', " ");
    assert!(
        flowing.contains("De laatste dag is maandag 4\u{a0}januari\u{a0}2027.")
            && flowing.contains("zes weken, vanaf de dag na de datum van deze brief"),
        "{text}"
    );
    // Who decides, and where an objection goes.
    assert!(
        flowing.contains("namens het college van burgemeester en wethouders van Waalmonde"),
        "{text}"
    );
    assert!(
        flowing.contains("Postbus 4100, 6500\u{a0}AA Waalmonde"),
        "{text}"
    );
    assert!(text.contains("| Waarom mag de gemeente dit?"));
    assert!(
        text.contains("artikel 11 Participatiewet") && text.contains("artikel 21 Participatiewet"),
        "{text}"
    );
}

#[test]
fn a_planned_measure_names_the_article_that_holds_the_reduction() {
    // The taaleis (Pw art. 18b) carries its own reduction; other duties fall under art. 18 lid 2.
    let box_of = |name: &str| {
        let letter = example_letter(name);
        let text = String::from_utf8(TextRenderer.render(&letter).unwrap()).unwrap();
        let start = text.find("Waarom mag de gemeente dit?").unwrap();
        text[start..].to_string()
    };
    let language = box_of("sanction_hearing-no-call.json");
    assert!(
        language.contains("artikel 18b Participatiewet (de taaleis en de verlaging)"),
        "{language}"
    );
    assert!(!language.contains("artikel 18 lid 2"), "{language}");
    let work = box_of("sanction_hearing-reached.json");
    assert!(
        work.contains("artikel 9 lid 1 onderdeel b Participatiewet")
            && work.contains("artikel 18 lid 2 Participatiewet (de verlaging)"),
        "{work}"
    );
}

#[test]
fn a_planned_measure_under_a_duty_the_law_sanctions_names_that_article_not_lid_2() {
    // Pw art. 18 lid 4 and 5 (text of 1 January 2026): refusing work is 100 % by law, not by the verordening.
    let mut json = example_json("sanction_hearing-no-contact.json");
    json["data"]["measure"]["obligation_basis"] =
        "artikel 9 lid 1 onderdeel a Participatiewet".into();
    json["data"]["measure"]["reduction_basis"] =
        "artikel 18 lid 4 onder a en lid 5 Participatiewet".into();
    let ev = event(json);
    let options = ComposeOptions {
        date: letter_date(),
        draft: true,
    };
    let letter = match compose(&ev, &config(), &templates(), options).unwrap() {
        Composed::Letter(letter) => *letter,
        other => panic!("a draft is a letter, got {other:?}"),
    };
    let text = String::from_utf8(TextRenderer.render(&letter).unwrap()).unwrap();
    let start = text.find("Waarom mag de gemeente dit?").unwrap();
    let boxed = &text[start..];
    assert!(
        boxed.contains("artikel 18 lid 4 onder a en lid 5 Participatiewet (de verlaging)"),
        "{boxed}"
    );
    assert!(!boxed.contains("lid 2"), "{boxed}");
}

#[test]
fn an_objection_receipt_does_not_promise_a_hearing_that_may_be_skipped() {
    // Awb 7:3: the hearing may be left out, so without a set date the letter says "meestal".
    let letter = example_letter("objection_received-plain.json");
    let text = String::from_utf8(TextRenderer.render(&letter).unwrap())
        .unwrap()
        .replace('\n', " ");
    assert!(
        text.contains("Meestal krijgt u daarvoor een uitnodiging."),
        "{text}"
    );
    assert!(
        text.contains("Soms is een hoorzitting niet nodig."),
        "{text}"
    );
    let set = example_letter("objection_received-hearing.json");
    let set_text = String::from_utf8(TextRenderer.render(&set).unwrap()).unwrap();
    assert!(
        !set_text.contains("Soms is een hoorzitting niet nodig"),
        "{set_text}"
    );
}

#[test]
fn address_block_follows_dutch_post_rules() {
    assert_eq!(
        example_letter("benefit_granted-plain.json").recipient_address,
        vec!["Mevrouw A. Bakker", "Lindelaan 14", "6512 KT  WAALMONDE"]
    );
    assert_eq!(
        example_letter("benefit_granted-awkward.json").recipient_address,
        vec![
            "S.J.M. van der Heijden-Çelik",
            "Burgemeester van Rappardstraat 117-2",
            "5211 AB  'S-HERTOGENBOSCH"
        ]
    );
}

#[test]
fn a_threatening_letter_becomes_a_call_first_task() {
    let dir = tempfile::tempdir().unwrap();
    let source = "+++\nevent-type = \"benefit_granted\"\nsubject = \"Uw uitkering\"\nbesluit = true\nkind = \"decision\"\n+++\n{{ recipient | salutation }},\n\nU krijgt bijstand. Als u wijzigingen niet doorgeeft, stoppen wij uw uitkering.\n";
    let templates_dir = crate::support::template_dir(dir.path(), "benefit_granted.md", source);
    let set = helder::template::TemplateSet::load(&templates_dir, "Beste").unwrap();
    let ev = event(example_json("benefit_granted-plain.json"));
    let options = ComposeOptions {
        date: letter_date(),
        draft: false,
    };
    match compose(&ev, &config(), &set, options).unwrap() {
        Composed::CallFirst(reasons) => {
            assert_eq!(reasons.len(), 1);
            assert_eq!(reasons[0].code, "content.tone");
            assert!(
                reasons[0].message.contains("conditional-sanction"),
                "{}",
                reasons[0].message
            );
        }
        other => panic!("a threatening letter must not go out: {other:?}"),
    }
    // The shipped template for the same event has no such phrasing: the letter goes out.
    assert!(matches!(
        compose(&ev, &config(), &templates(), options).unwrap(),
        Composed::Letter(_)
    ));
}

#[test]
fn a_letter_with_the_municipalitys_own_greeting_gets_its_structure_findings() {
    use helder::compose::build_letter;
    use helder::lint::{Category, lint_letter};
    let dir = tempfile::tempdir().unwrap();
    // No contact person and no objection clause: both are structure findings of a besluit.
    let source = "+++\nevent-type = \"benefit_granted\"\nsubject = \"Uw uitkering\"\nbesluit = true\nkind = \"decision\"\n+++\n{{ recipient | salutation }},\n\nU krijgt bijstand.\n";
    let templates_dir = crate::support::template_dir(dir.path(), "benefit_granted.md", source);
    let mut config = config();
    config.letter.greeting = "Hallo".to_string();
    let set = helder::template::TemplateSet::load(&templates_dir, &config.letter.greeting).unwrap();
    let options = ComposeOptions {
        date: letter_date(),
        draft: false,
    };
    let ev = event(example_json("benefit_granted-plain.json"));
    let letter = build_letter(&ev, &config, &set, options).unwrap();
    assert!(
        letter
            .body_markdown
            .trim_start()
            .starts_with("Hallo mevrouw"),
        "{}",
        letter.body_markdown
    );
    let result = lint_letter(
        &letter.body_markdown,
        &helder::compose::event_facts(&ev, &letter, &config),
        &config.readability,
    );
    let structure: Vec<&str> = result
        .findings
        .iter()
        .filter(|f| f.category == Category::Structure)
        .map(|f| f.rule)
        .collect();
    assert!(
        structure.contains(&"missing-contact") && structure.contains(&"missing-objection-clause"),
        "{structure:?}"
    );
}

#[test]
fn a_letter_that_claims_what_its_event_does_not_carry_never_goes_out() {
    use helder::compose::ComposeError;
    let config = config();
    let templates = templates();
    let options = ComposeOptions {
        date: letter_date(),
        draft: false,
    };
    // A reason written about a call that the event does not record.
    let mut value = example_json("benefit_granted-plain.json");
    value["data"]["decision"]["reasons"][0] =
        serde_json::json!("Zoals besproken krijgt u bijstand vanaf 2 november.");
    let error = compose(&event(value.clone()), &config, &templates, options).unwrap_err();
    assert!(
        matches!(&error, ComposeError::Untrue { kinds, .. } if kinds == "conversation"),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.starts_with("gebeurtenis evt-2026-000301: de brief zou iets zeggen wat de gebeurtenis niet meegeeft (conversation)."), "{message}");
    assert!(
        !message.contains("Zoals besproken"),
        "never the words: {message}"
    );
    // With the call recorded, the same letter is true and goes out.
    value["data"]["prior_contact"] = serde_json::json!({"contact_id": "C-1", "at": "2026-11-18T10:00:00+01:00", "channel": "phone", "outcome": "reached", "decision": "send"});
    assert!(matches!(
        compose(&event(value), &config, &templates, options).unwrap(),
        Composed::Letter(_)
    ));
}

/// What must stay on one line: a phone number, an amount, a date, a postcode and an IBAN.
const WHOLE: [&str; 6] = [
    "0488 44 22 60",
    "06 12 34 56 78",
    "€ 1.234,56",
    "4 december 2026",
    "6500 AB",
    "NL91 BNGH 0285 1654 27",
];

/// The warning (reached) with a reason that puts each of [`WHOLE`] at every
/// place on a line, one letter for each length of the words before it.
fn letters_with_breakable_values() -> Vec<Letter> {
    (0..40)
        .map(|pad| {
            let lead = "ja ".repeat(pad);
            warning_with_reason(&format!(
                "{lead}Bel 0488 44 22 60 of 06 12 34 56 78 over € 1.234,56 vóór 4 december 2026, of schrijf naar Postbus 4100, 6500 AB Waalmonde. Ons rekeningnummer is NL91 BNGH 0285 1654 27."
            ))
        })
        .collect()
}

#[test]
fn phone_numbers_amounts_dates_and_postcodes_never_break_in_text_or_html() {
    for letter in letters_with_breakable_values() {
        let text = String::from_utf8(TextRenderer.render(&letter).unwrap()).unwrap();
        let plain = text.replace('\u{a0}', " ");
        let flowing = plain.replace('\n', " ");
        for whole in WHOLE {
            let in_lines: usize = plain.lines().map(|l| l.matches(whole).count()).sum();
            assert!(in_lines >= 1, "{whole:?} in:\n{text}");
            assert_eq!(
                in_lines,
                flowing.matches(whole).count(),
                "{whole:?} is broken across lines:\n{text}"
            );
        }
        // The contact's direct number (in the contact block) too.
        assert!(
            text.replace('\n', " ")
                .contains("Bel gerust: 0488\u{a0}44\u{a0}22\u{a0}60."),
            "{text}"
        );
        assert!(text.lines().all(|l| l.chars().count() <= 72), "{text}");

        let html = String::from_utf8(HtmlRenderer.render(&letter).unwrap()).unwrap();
        for whole in WHOLE {
            let joined = whole.replace(' ', "\u{a0}");
            assert!(html.contains(&joined), "{joined:?} in the HTML");
            assert!(
                !html.contains(whole),
                "{whole:?} with a breakable space in the HTML"
            );
        }
    }
}

/// Phone numbers written with a hyphen, as case systems send them, and a
/// payment reference the reader copies.
const HYPHENATED: [&str; 4] = ["020-1234567", "06-12345678", "14-020", "T-2026-07563"];

/// The warning (reached) with a reason that names each of [`HYPHENATED`].
fn letter_with_hyphenated_phone_numbers() -> Letter {
    warning_with_reason(
        "Bel de schuldhulp op 020-1234567 of 06-12345678. Of bel de gemeente op 14-020, elke werkdag. Noem dan T-2026-07563.",
    )
}

/// The warning (reached) as a draft, with `reason` as its first reason.
fn warning_with_reason(reason: &str) -> Letter {
    let mut json = example_json("warning-reached.json");
    json["data"]["decision"]["reasons"][0] = serde_json::json!(reason);
    build_letter(
        &event(json),
        &config(),
        &templates(),
        ComposeOptions {
            date: letter_date(),
            draft: true,
        },
    )
    .unwrap()
}

/// For every width of the letter from 160 to 720 pixels, the phone numbers
/// that a line break cuts in two, as "number at width".
const CUT_NUMBERS: &str = r#"
const [needles] = arguments;
const letter = document.querySelector('.letter');
const cut = [];
const seen = new Set();
for (let width = 160; width <= 720; width += 1) {
  letter.style.maxWidth = 'none';
  letter.style.width = width + 'px';
  const walker = document.createTreeWalker(letter, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const needle of needles) {
      let at = node.data.indexOf(needle);
      while (at >= 0) {
        seen.add(needle);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        const tops = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
        if (tops.size > 1) cut.push(needle + ' at ' + width);
        at = node.data.indexOf(needle, at + 1);
      }
    }
  }
}
return {cut: cut, seen: Array.from(seen)};
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_chromium_a_phone_number_or_reference_with_a_hyphen_never_breaks() {
    use crate::serve::{browser, chromedriver};
    if !crate::support::tool_available("chromedriver", "chromium chromium-driver") {
        return;
    }
    let letter = letter_with_hyphenated_phone_numbers();
    // Text: lines break at spaces only, so each number stands whole on a line.
    let text = String::from_utf8(TextRenderer.render(&letter).unwrap()).unwrap();
    for number in HYPHENATED {
        assert!(
            text.lines().any(|l| l.contains(number)),
            "{number} whole in:\n{text}"
        );
    }
    // HTML: a browser breaks after a hyphen unless told not to. The number is
    // copied as it is written: the hyphen stays an ordinary hyphen.
    let html = String::from_utf8(HtmlRenderer.render(&letter).unwrap()).unwrap();
    assert!(!html.contains('\u{2011}'), "no non-breaking hyphen");
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("brief.html");
    std::fs::write(&page, &html).unwrap();
    let (_driver, port) = chromedriver();
    let client = browser(port).await;
    client
        .goto(&format!("file://{}", page.display()))
        .await
        .unwrap();
    let result = client
        .execute(CUT_NUMBERS, vec![serde_json::json!(HYPHENATED)])
        .await
        .unwrap();
    client.close().await.unwrap();
    let seen: Vec<&str> = result["seen"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for number in HYPHENATED {
        assert!(seen.contains(&number), "{number} is in the page: {seen:?}");
    }
    let cut = result["cut"].as_array().unwrap();
    assert!(
        cut.is_empty(),
        "{} times a number was cut across two lines, first: {:?}",
        cut.len(),
        &cut[..cut.len().min(6)]
    );
}
