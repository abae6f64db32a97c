//! The HTML of `helder serve`: server-rendered, every value escaped, one small
//! script (live reload), usable with a keyboard, at 200% zoom and on a phone.

use super::preview::{Preview, PreviewError, severity_name};
use crate::dutch::{decimal, plural};
use crate::readability::Level;
use crate::render::html::esc;
use crate::report::FileReport;
use crate::template::LetterTemplate;

/// The stylesheet of the pages (the letter keeps its own).
pub const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --blue: #1d4f91; --line: #c5cbd3;
  --error: #a4262c; --warning: #8a5a00; --info: #3d5a80; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans", "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink);
  background: #eef0f2; font-size: 1.0625rem; line-height: 1.5; }
a { color: var(--blue); }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible {
  outline: 3px solid #f0b400; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 9; }
header.top { background: var(--blue); color: #fff; padding: .75rem 1.25rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; }
header.top a { color: #fff; font-weight: 600; }
header.top .name { font-weight: 700; font-size: 1.15rem; margin-right: auto; }
main.page { max-width: 80rem; margin: 0 auto; padding: 1.25rem; }
h1 { font-size: 1.5rem; margin: .25rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
.panel h2, .panel h3:first-child { margin-top: 0; }
table.list { border-collapse: collapse; width: 100%; background: #fff; }
table.list th, table.list td { text-align: left; padding: .5rem .75rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.badge { display: inline-block; min-width: 1.75rem; padding: 0 .4rem; border-radius: 1rem; text-align: center; font-weight: 700; color: #fff; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.ok { background: #2e7d32; }
.level { font-weight: 700; }
.split { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr); gap: 1.25rem; align-items: start; }
@media (max-width: 60rem) { .split { grid-template-columns: 1fr; } }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.1rem; margin-bottom: 1rem; }
.examples { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.examples a { display: inline-block; padding: .3rem .7rem; border: 1px solid var(--blue); border-radius: 1rem; text-decoration: none; }
.examples a[aria-current] { background: var(--blue); color: #fff; }
.findings { list-style: none; padding: 0; margin: 0; }
.findings li { border-left: 4px solid var(--info); padding: .4rem .75rem; margin: 0 0 .6rem; background: #f7f8fa; }
.findings li.error { border-color: var(--error); } .findings li.warning { border-color: var(--warning); }
.findings .rule { font-size: .85rem; color: var(--muted); }
.findings .help { margin: .25rem 0 0; }
.findings li:target { outline: 3px solid #f0b400; }
a.mark { color: inherit; text-decoration: none; border-bottom: 3px solid var(--info); background: #e8eef7; }
a.mark.error { border-color: var(--error); background: #fbe9ea; } a.mark.warning { border-color: var(--warning); background: #fff4d6; }
a.mark:target { outline: 3px solid #f0b400; }
.gauge { margin: .6rem 0; } .gauge label { display: block; font-weight: 600; }
meter { width: 100%; height: 1.1rem; }
.scale { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2px; margin: .3rem 0 .2rem; }
.scale span { text-align: center; padding: .25rem 0; background: #e3e6ea; color: var(--muted); font-weight: 600; }
.scale span.now { background: var(--blue); color: #fff; } .scale span.now.over { background: var(--error); }
.letter-frame { background: #fff; border: 1px solid var(--line); border-radius: 6px; }
.letter-frame main.letter { margin: 0; box-shadow: none; max-width: none; }
.task { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.1rem; margin-bottom: 1rem; }
.task h2 { margin-top: 0; }
.task dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 .75rem; }
.task dt { color: var(--muted); }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: .75rem 0; }
textarea { width: 100%; min-height: 4.5rem; font: inherit; }
button { font: inherit; font-weight: 700; background: var(--blue); color: #fff; border: 0; border-radius: 4px; padding: .55rem 1.1rem; cursor: pointer; }
.notice { background: #e7f4e8; border: 1px solid #2e7d32; padding: .6rem .9rem; border-radius: 6px; }
.muted { color: var(--muted); }
"#;

/// Live reload: the page reloads itself when a template changes on disk.
pub const SCRIPT: &str =
    "new EventSource('/events').onmessage = function () { location.reload(); };\n";

/// A whole page around `body`.
pub(super) fn layout(title: &str, body: &str, live: bool, tasks_link: bool) -> String {
    // Pages with a letter on them (the live ones) also load the letter's own stylesheet.
    let letter_css = if live {
        "<link rel=\"stylesheet\" href=\"/letter.css\">\n"
    } else {
        ""
    };
    let script = if live {
        "<script src=\"/app.js\" defer></script>\n"
    } else {
        ""
    };
    let tasks = if tasks_link {
        "<a href=\"/tasks\">Mensen om te bellen</a>"
    } else {
        ""
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} · helder</title>\n{letter_css}<link rel=\"stylesheet\" href=\"/style.css\">\n{script}</head>\n<body>\n<a class=\"skip\" href=\"#inhoud\">Naar de inhoud</a>\n<header class=\"top\"><span class=\"name\">helder</span><a href=\"/templates\">Sjablonen</a>{tasks}</header>\n<main class=\"page\" id=\"inhoud\">\n{body}</main>\n</body>\n</html>\n",
        title = esc(title)
    )
}

/// A page with one message.
pub fn message(text: &str) -> String {
    layout(
        "Melding",
        &format!("<h1>Melding</h1>\n<p>{}</p>\n", esc(text)),
        false,
        false,
    )
}

/// The login page (off loopback): one field for the secret, and what went wrong.
pub fn login(problem: Option<&str>) -> String {
    let problem = problem.map_or(String::new(), |p| {
        format!("<p class=\"notice\">{}</p>\n", esc(p))
    });
    layout(
        "Inloggen",
        &format!(
            "<h1>Inloggen</h1>\n{problem}<form method=\"post\" action=\"/login\">\n<label for=\"geheim\">Het geheim van helder serve</label>\n<input id=\"geheim\" name=\"secret\" type=\"password\" autocomplete=\"current-password\" required>\n<p><button type=\"submit\">Inloggen</button></p>\n</form>\n"
        ),
        false,
        false,
    )
}

fn counts(report: &FileReport) -> (usize, usize) {
    let errors = report
        .findings
        .iter()
        .filter(|f| f.finding.severity == crate::lint::Severity::Error)
        .count();
    let warnings = report
        .findings
        .iter()
        .filter(|f| f.finding.severity == crate::lint::Severity::Warning)
        .count();
    (errors, warnings)
}

fn badge(n: usize, class: &str, label: &str) -> String {
    let class = if n == 0 { "ok" } else { class };
    format!("<span class=\"badge {class}\" aria-label=\"{n} {label}\">{n}</span>")
}

/// The list of templates.
pub fn templates(reports: &[FileReport], tasks_link: bool) -> String {
    let mut body = String::from(
        "<h1>Sjablonen</h1>\n<p>Kies een sjabloon om de brief te zien, met wat er beter kan. De pagina gaat vanzelf mee als u een sjabloon opslaat.</p>\n<table class=\"list\">\n<thead><tr><th scope=\"col\">Sjabloon</th><th scope=\"col\">Niveau</th><th scope=\"col\">Fouten</th><th scope=\"col\">Waarschuwingen</th></tr></thead>\n<tbody>\n",
    );
    for report in reports.iter().filter(|r| !r.path.contains("_partials")) {
        let name = std::path::Path::new(&report.path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (errors, warnings) = counts(report);
        let level = report
            .metrics
            .as_ref()
            .map_or("–".to_string(), |m| m.level.to_string());
        body.push_str(&format!(
            "<tr><td><a href=\"/templates/{name}\">{name}</a></td><td class=\"level\">{level}</td><td>{}</td><td>{}</td></tr>\n",
            badge(errors, "error", "fouten"),
            badge(warnings, "warning", "waarschuwingen"),
            name = esc(&name),
            level = esc(&level),
        ));
    }
    body.push_str("</tbody>\n</table>\n");
    layout("Sjablonen", &body, true, tasks_link)
}

/// One template: the letter with marks beside its findings and numbers.
pub fn template(
    templates_dir: &std::path::Path,
    template: &LetterTemplate,
    example: Option<&str>,
    preview: Option<Result<Preview, PreviewError>>,
    reports: &[FileReport],
    tasks_link: bool,
) -> String {
    let name = template.front_matter.event_type.as_str();
    let mut body = format!("<h1>Sjabloon {}</h1>\n", esc(name));
    if let Some(description) = &template.front_matter.description {
        body.push_str(&format!("<p class=\"muted\">{}</p>\n", esc(description)));
    }
    body.push_str("<nav aria-label=\"Voorbeelden\"><ul class=\"examples\">\n");
    for e in &template.front_matter.examples {
        let current = if Some(e.as_str()) == example {
            " aria-current=\"page\""
        } else {
            ""
        };
        body.push_str(&format!(
            "<li><a href=\"/templates/{}?example={}\"{current}>{}</a></li>\n",
            esc(name),
            esc(&super::url_encode(e)),
            esc(e.trim_end_matches(".json"))
        ));
    }
    body.push_str("</ul></nav>\n");
    match preview {
        None => body.push_str("<p>Dit sjabloon heeft geen voorbeelden. Zet bovenaan een voorbeeld bij <code>examples</code>.</p>\n"),
        Some(Err(problem)) => body.push_str(&format!(
            "<div class=\"panel\" role=\"alert\"><h2>Van dit sjabloon kan geen brief gemaakt worden</h2><p>{}</p></div>\n",
            esc(&problem.to_string())
        )),
        Some(Ok(preview)) => {
            body.push_str("<div class=\"split\">\n<section aria-labelledby=\"brief\"><h2 id=\"brief\">De brief</h2>\n");
            if let Some(example) = example {
                body.push_str(&format!(
                    "<p><a href=\"/templates/{}/pdf?example={}\">Open als PDF</a></p>\n",
                    esc(name),
                    esc(&super::url_encode(example))
                ));
            }
            body.push_str("<div class=\"letter-frame\">\n");
            body.push_str(&preview.html);
            body.push_str("\n</div>\n</section>\n<section aria-labelledby=\"meldingen\">\n");
            body.push_str(&readability(&preview));
            body.push_str(&format!(
                "<div class=\"panel\"><h2 id=\"meldingen\">Wat kan beter ({})</h2>\n",
                preview.findings.len()
            ));
            if preview.findings.is_empty() {
                body.push_str("<p>Niets gevonden in deze brief.</p>\n");
            }
            body.push_str("<ol class=\"findings\">\n");
            for (i, finding) in preview.findings.iter().enumerate() {
                let severity = severity_name(finding.severity);
                let back = if preview.marked[i] {
                    format!(" <a href=\"#m{i}\">Toon in de brief</a>")
                } else {
                    String::new()
                };
                body.push_str(&format!(
                    "<li class=\"{severity}\" id=\"f{i}\"><span class=\"rule\">{} · {}</span><br>{}{back}",
                    esc(dutch_severity(severity)),
                    esc(finding.rule),
                    esc(&finding.message),
                ));
                if let Some(suggestion) = &finding.suggestion {
                    body.push_str(&format!("<p class=\"help\">Beter: {}</p>", esc(suggestion)));
                }
                body.push_str("</li>\n");
            }
            body.push_str("</ol>\n</div>\n");
            body.push_str(&template_findings(templates_dir, reports));
            body.push_str("</section>\n</div>\n");
        }
    }
    layout(&format!("Sjabloon {name}"), &body, true, tasks_link)
}

fn dutch_severity(severity: &str) -> &'static str {
    match severity {
        "error" => "fout",
        "warning" => "waarschuwing",
        _ => "opmerking",
    }
}

/// The findings of template CI for this template and its partials, at their lines.
fn template_findings(templates_dir: &std::path::Path, reports: &[FileReport]) -> String {
    let mut items = String::new();
    let mut count = 0;
    for report in reports {
        for (item, at) in report.findings.iter().zip(report.positions()) {
            count += 1;
            let path = std::path::Path::new(&report.path);
            let shown = path
                .strip_prefix(templates_dir)
                .unwrap_or(path)
                .display()
                .to_string();
            items.push_str(&format!(
                "<li class=\"{}\"><span class=\"rule\">{} regel {} · {}</span><br>{}</li>\n",
                severity_name(item.finding.severity),
                esc(&shown),
                at.line,
                esc(item.finding.rule),
                esc(&crate::report::full_message(item))
            ));
        }
    }
    if count == 0 {
        return String::new();
    }
    format!(
        "<div class=\"panel\"><h2>In het sjabloon, met alle voorbeelden ({count})</h2>\n<ol class=\"findings\">\n{items}</ol>\n</div>\n"
    )
}

fn readability(preview: &Preview) -> String {
    let m = &preview.metrics;
    let mut out = String::from("<div class=\"panel\"><h2>Leesbaarheid</h2>\n");
    out.push_str(&format!(
        "<div class=\"gauge\" role=\"img\" aria-label=\"Niveau {} (B1 of makkelijker is goed)\"><div class=\"scale\">",
        m.level
    ));
    for level in [Level::A2, Level::B1, Level::B2, Level::C1] {
        let class = if level == m.level {
            if level > Level::B1 { "now over" } else { "now" }
        } else {
            ""
        };
        out.push_str(&format!("<span class=\"{class}\">{level}</span>"));
    }
    out.push_str("</div><span class=\"muted\">B1 of makkelijker is goed.</span></div>\n");
    out.push_str(&format!(
        "<div class=\"gauge\"><label for=\"zinnen\">Gemiddeld {} woorden per zin (B1: hoogstens 12)</label><meter id=\"zinnen\" min=\"0\" max=\"25\" low=\"12\" high=\"16\" optimum=\"8\" value=\"{:.1}\"></meter></div>\n",
        decimal(m.avg_sentence_words),
        m.avg_sentence_words
    ));
    out.push_str(&format!(
        "<div class=\"gauge\"><label for=\"moeilijk\">{}% moeilijke woorden (B1: hoogstens 4%)</label><meter id=\"moeilijk\" min=\"0\" max=\"12\" low=\"4\" high=\"8\" optimum=\"1\" value=\"{:.1}\"></meter></div>\n",
        decimal(m.difficult_word_share * 100.0),
        m.difficult_word_share * 100.0
    ));
    out.push_str(&format!(
        "<p>{} woorden in {} zinnen · langste zin {} woorden · {} {}</p>\n",
        m.words,
        m.sentences,
        m.max_sentence_words,
        m.passives,
        plural(m.passives, "lijdende zin", "lijdende zinnen")
    ));
    if !preview.longest.is_empty() {
        out.push_str("<h3>De langste zinnen</h3>\n<ol>\n");
        for (words, text) in &preview.longest {
            out.push_str(&format!("<li>{} ({words} woorden)</li>\n", esc(text)));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</div>\n");
    out
}
