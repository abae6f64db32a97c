//! PDF letters: structure, not bytes. Positions come from `pdftotext -bbox`,
//! fonts from `pdffonts`, the declarations from `pdfinfo` and the file itself
//! (poppler-utils; `.ci/run` installs it).

use crate::support::{
    assert_exit, config, event, example_json, helder, letter_date, root, templates,
};
use helder::compose::{ComposeOptions, build_letter};
use helder::render::Renderer;
use helder::render::pdf::{PdfRenderer, PdfSettings};
use regex::Regex;
use serde_json::{Value, json};
use std::process::Command;

const MM: f32 = 72.0 / 25.4;

fn letter_for(json: Value, draft: bool) -> helder::render::Letter {
    build_letter(
        &event(json),
        &config(),
        &templates(),
        ComposeOptions {
            date: letter_date(),
            draft,
        },
    )
    .unwrap()
}

fn pdf(letter: &helder::render::Letter, window_top_mm: f32) -> Vec<u8> {
    PdfRenderer {
        settings: PdfSettings { window_top_mm },
    }
    .render(letter)
    .unwrap()
}

/// Runs a poppler tool on the PDF and returns its stdout.
fn poppler(tool: &str, args: &[&str], bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brief.pdf");
    std::fs::write(&file, bytes).unwrap();
    let output = Command::new(tool)
        .args(args)
        .arg(&file)
        .args(if tool == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} is needed for the PDF tests ({e}): apt-get install poppler-utils")
        });
    assert!(
        output.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A word on a page with its box, in millimetres from the top left.
#[derive(Debug)]
struct Word {
    page: usize,
    text: String,
    x_min: f32,
    y_min: f32,
    x_max: f32,
    y_max: f32,
}

fn words(bytes: &[u8]) -> Vec<Word> {
    let xhtml = poppler("pdftotext", &["-bbox"], bytes);
    let word = Regex::new(
        r#"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#,
    )
    .unwrap();
    let mut found = Vec::new();
    for (page, chunk) in xhtml.split("<page ").skip(1).enumerate() {
        for c in word.captures_iter(chunk) {
            let n = |i: usize| c[i].parse::<f32>().unwrap() / MM;
            found.push(Word {
                page,
                text: c[5].replace("&amp;", "&").replace("&apos;", "'"),
                x_min: n(1),
                y_min: n(2),
                x_max: n(3),
                y_max: n(4),
            });
        }
    }
    found
}

/// The highest word on page 1 with this text.
fn first<'a>(words: &'a [Word], text: &str) -> &'a Word {
    words
        .iter()
        .filter(|w| w.page == 0 && w.text == text)
        .min_by(|a, b| a.y_min.total_cmp(&b.y_min))
        .unwrap_or_else(|| panic!("{text:?} is on page 1"))
}

#[test]
fn the_address_lies_in_the_window_and_the_reference_column_right_of_125_mm() {
    if !crate::support::tool_available("pdftotext", "poppler-utils") {
        return;
    }
    let letter = letter_for(example_json("benefit_granted-awkward.json"), false);
    for window_top in [50.0, 60.0] {
        let words = words(&pdf(&letter, window_top));
        for line in &letter.recipient_address {
            for token in line.split_whitespace() {
                let w = first(&words, token);
                assert!(
                    w.x_min >= 22.0
                        && w.x_max <= 120.0
                        && w.y_min >= window_top
                        && w.y_max <= window_top + 40.0,
                    "window at {window_top}: {w:?} is outside x 22-120, y {window_top}-{}",
                    window_top + 40.0
                );
            }
        }
        let postbus = first(&words, "Postbus");
        assert!(
            postbus.y_min >= window_top && postbus.y_max <= window_top + 8.0,
            "{postbus:?}"
        );
        let name = first(&words, "S.J.M.");
        assert!(
            postbus.y_max - postbus.y_min < 0.7 * (name.y_max - name.y_min),
            "the return address is small: {postbus:?} against {name:?}"
        );
        for label in [
            "Datum",
            "kenmerk",
            "Contactpersoon",
            "Telefoon",
            "Z-2026-01907",
        ] {
            let w = first(&words, label);
            assert!(w.x_min >= 125.0, "{w:?}");
        }
    }
}

#[test]
fn every_page_is_numbered_and_a_long_letter_runs_to_more_pages() {
    if !crate::support::tool_available("pdftotext", "poppler-utils") {
        return;
    }
    let letter = letter_for(example_json("sanction_reduction-awkward.json"), true);
    let bytes = pdf(&letter, 50.0);
    let info = poppler("pdfinfo", &[], &bytes);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("{info}"));
    assert!(pages >= 2, "{info}");
    let text = poppler("pdftotext", &["-layout"], &bytes);
    for page in 1..=pages {
        assert!(
            text.contains(&format!("Pagina {page} van {pages}")),
            "{text}"
        );
    }
    assert!(text.contains("CONCEPT — niet versturen"));
    // Page 2 carries the kenmerk in its running header.
    let page_two = text.split('\u{c}').nth(1).unwrap();
    assert!(
        page_two.contains(&format!("Ons kenmerk {}", letter.reference)),
        "{page_two}"
    );
}

#[test]
fn the_text_round_trips_diacritics_amounts_and_a_long_name_with_prefix() {
    if !crate::support::tool_available("pdftotext", "poppler-utils") {
        return;
    }
    let mut json = example_json("sanction_reduction-reached.json");
    json["data"]["prior_contact"]["heard"] = json!(
        "Ik was ziek. Eén keer heb ik een café gebeld over coördinatie, met meneer Müller en de ruïne."
    );
    let letter = letter_for(json, true);
    let text = poppler("pdftotext", &[], &pdf(&letter, 50.0)).replace('\u{a0}', " ");
    for expected in [
        "Eén keer",
        "café",
        "coördinatie",
        "Müller",
        "ruïne",
        "€ 279,75",
        "20 procent",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
    let awkward = letter_for(example_json("benefit_granted-awkward.json"), false);
    let text = poppler("pdftotext", &[], &pdf(&awkward, 50.0)).replace('\u{a0}', " ");
    for expected in [
        "S.J.M. van der Heijden-Çelik",
        "Jeroen Ćosić",
        "€ 1.398,74",
        "5211 AB 'S-HERTOGENBOSCH",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
    // pdftotext writes one space; the letter has two between postcode and place.
    let words = words(&pdf(&awkward, 50.0));
    let city = first(&words, "'S-HERTOGENBOSCH");
    let same_line = |text: &str| {
        words
            .iter()
            .find(|w| w.page == 0 && w.text == text && (w.y_min - city.y_min).abs() < 0.5)
            .unwrap()
    };
    let (five, ab) = (same_line("5211"), same_line("AB"));
    assert!(
        city.x_min - ab.x_max > 1.6 * (ab.x_min - five.x_max),
        "two spaces: {ab:?} {city:?}"
    );
    // "ij" is two letters, never the ligature ĳ.
    assert!(text.contains("bijstand") && !text.contains('ĳ'));
}

#[test]
fn fonts_are_embedded_and_subset() {
    if !crate::support::tool_available("pdftotext", "poppler-utils") {
        return;
    }
    let letter = letter_for(example_json("benefit_granted-plain.json"), false);
    let fonts = poppler("pdffonts", &[], &pdf(&letter, 50.0));
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "regular and bold: {fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let n = columns.len();
        assert_eq!(
            &columns[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "embedded, subset, unicode: {row}"
        );
        assert!(columns[0].contains("+NotoSans"), "{row}");
    }
}

#[test]
fn the_pdf_declares_tagging_language_title_and_conformance() {
    if !crate::support::tool_available("pdftotext", "poppler-utils") {
        return;
    }
    let letter = letter_for(example_json("benefit_granted-plain.json"), false);
    let bytes = pdf(&letter, 50.0);
    let info = poppler("pdfinfo", &[], &bytes);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains(&format!("Title:           {}", letter.subject)),
        "{info}"
    );
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/Lang(nl-NL)"));
    assert!(raw.contains("pdfaid:part>2<") && raw.contains("pdfaid:conformance>A<"));
    assert!(raw.contains("pdfuaid:part>1<"));
    assert!(raw.contains("/StructTreeRoot") && raw.contains("/Outlines"));
    // Same letter, same bytes.
    assert_eq!(bytes, pdf(&letter, 50.0));
}

#[test]
fn a_character_the_font_lacks_and_an_unreadable_address_are_errors() {
    let mut letter = letter_for(example_json("benefit_granted-plain.json"), false);
    letter.subject.push_str(" \u{1F600}");
    let error = PdfRenderer::default()
        .render(&letter)
        .unwrap_err()
        .to_string();
    assert!(error.contains("U+1F600"), "{error}");

    let mut letter = letter_for(example_json("benefit_granted-plain.json"), false);
    letter.recipient_address[1] = "*Lindelaan 14".to_string();
    let error = PdfRenderer::default()
        .render(&letter)
        .unwrap_err()
        .to_string();
    assert!(error.contains("begint met '*'"), "{error}");
}

#[test]
fn an_address_abroad_ends_with_the_country_inside_the_window() {
    if !crate::support::tool_available("pdftotext", "poppler-utils") {
        return;
    }
    let mut json = example_json("benefit_granted-plain.json");
    json["data"]["recipient"]["address"] = json!({
        "street": "Kerkstraat", "number": "3", "postcode": "2000", "city": "Antwerpen", "country": "België"
    });
    let letter = letter_for(json, false);
    assert_eq!(letter.recipient_address.last().unwrap(), "BELGIË");
    let words = words(&pdf(&letter, 50.0));
    let country = first(&words, "BELGIË");
    assert!(
        country.x_min >= 22.0 && country.y_max <= 90.0,
        "{country:?}"
    );
}

#[test]
fn render_writes_a_private_pdf_file_and_refuses_another_window_position() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.pdf");
    let example = root().join("letter-templates/examples/benefit_granted-plain.json");
    let output = helder(
        &[
            "render",
            example.to_str().unwrap(),
            "--format",
            "pdf",
            "-o",
            out.to_str().unwrap(),
            "--date",
            "2026-11-23",
        ],
        &root(),
    );
    assert_exit(&output, 0);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.7"));
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );

    let shipped = std::fs::read_to_string(root().join("helder.toml")).unwrap();
    assert!(shipped.contains("window-top-mm = 50"));
    let moved = shipped.replace("window-top-mm = 50", "window-top-mm = 55");
    let error = helder::config::Config::from_toml(&moved, "helder.toml", &root()).unwrap_err();
    assert!(error.to_string().contains("window-top-mm"), "{error}");
}

#[test]
fn phone_numbers_amounts_dates_and_postcodes_never_break_across_pdf_lines() {
    if !crate::support::tool_available("pdftotext", "poppler-utils") {
        return;
    }
    let whole = [
        "0488 44 22 60",
        "06 12 34 56 78",
        "€ 1.234,56",
        "4 december 2026",
        "6500 AB",
        "NL91 BNGH 0285 1654 27",
        "020-1234567",
    ];
    // Each length of the words before them puts the values at another place on the line.
    for pad in (0..30).step_by(3) {
        let mut json = example_json("warning-reached.json");
        json["data"]["decision"]["reasons"][0] = json!(format!(
            "{}Bel 0488 44 22 60, 020-1234567 of 06 12 34 56 78 over € 1.234,56 vóór 4 december 2026, of schrijf naar Postbus 4100, 6500 AB Waalmonde. Ons rekeningnummer is NL91 BNGH 0285 1654 27.",
            "ja ".repeat(pad)
        ));
        let letter = letter_for(json, true);
        let text = poppler("pdftotext", &[], &pdf(&letter, 50.0)).replace('\u{a0}', " ");
        let flowing = text.replace('\n', " ");
        for value in whole {
            let in_lines: usize = text.lines().map(|l| l.matches(value).count()).sum();
            assert!(in_lines >= 1, "{value:?} in:\n{text}");
            assert_eq!(
                in_lines,
                flowing.matches(value).count(),
                "{value:?} is broken across lines (pad {pad}):\n{text}"
            );
        }
    }
}
