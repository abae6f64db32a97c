//! The HTML renderer: one self-contained page per letter.
//!
//! No external resources (fonts, images, scripts); readable on a phone;
//! prints on A4 with the address where a window envelope shows it. Amounts,
//! dates, postcodes and phone numbers never break across lines: their spaces
//! are no-break spaces ([`keep_together`]), and a phone number or a reference
//! with a hyphen stands in a span that does not wrap (a browser breaks after a
//! hyphen).

use super::keep_together::{hyphenated_values, keep_together};
use super::{Block, Inline, Letter, RenderError, Renderer};

/// The mark on every held draft.
pub const DRAFT_MARK: &str = "CONCEPT — niet versturen";

/// The letter's stylesheet (also served by `helder serve` beside its preview).
pub const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #eef0f2; color: #1b1b1b;
  font-family: "Atkinson Hyperlegible", "Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1.125rem; line-height: 1.55; }
.letter { max-width: 44rem; margin: 1.5rem auto; padding: 2rem 2.25rem 2.5rem; background: #fff;
  border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
.draft { margin: 0 0 1.5rem; padding: .6rem .9rem; border: 2px dashed #8a1c1c; color: #8a1c1c;
  font-weight: 700; text-align: center; }
.letterhead { display: flex; justify-content: space-between; flex-wrap: wrap; gap: .25rem 2rem;
  border-bottom: 2px solid #1d4f91; padding-bottom: .75rem; margin-bottom: 1.5rem; }
.logo { margin: 0; font-size: 1.35rem; font-weight: 700; color: #1d4f91; }
.department { margin: 0; color: #3d3d3d; }
.top { display: flex; flex-wrap: wrap; gap: 1.25rem 2.5rem; justify-content: space-between; margin-bottom: 2rem; }
.return { margin: 0 0 .35rem; font-size: .72rem; color: #3d3d3d; }
.recipient { margin: 0; white-space: pre-wrap; }
.nowrap { white-space: nowrap; }
.reference { border-collapse: collapse; font-size: .95rem; }
.reference th, .reference td { padding: 0 0 .2rem; line-height: 1.45; vertical-align: baseline; }
.reference th { text-align: left; font-weight: 400; color: #3d3d3d; padding-right: 1rem; }
h1 { font-size: 1.3rem; line-height: 1.3; margin: 0 0 1.25rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
p { margin: 0 0 .9rem; }
ul, ol { margin: 0 0 .9rem; padding-left: 1.5rem; }
li { margin-bottom: .3rem; }
li > p { margin: 0; }
.box { margin: 1.5rem 0; padding: .9rem 1.1rem; border: 1px solid #9aa9bd; border-radius: 4px; background: #f4f7fb; }
.box > :last-child { margin-bottom: 0; }
a { color: #1d4f91; }
table.data { border-collapse: collapse; margin: 0 0 1rem; }
table.data th, table.data td { text-align: left; padding: .3rem 1.2rem .3rem 0; border-bottom: 1px solid #c5cbd3; vertical-align: top; }
table.data th { font-weight: 700; }
hr { border: 0; border-top: 1px solid #c5cbd3; margin: 1.5rem 0; }
footer { margin-top: 2.5rem; padding-top: .75rem; border-top: 1px solid #c5cbd3; font-size: .85rem; color: #3d3d3d; }
@media (max-width: 36rem) {
  .letter { margin: 0; padding: 1.25rem 1rem 2rem; border-radius: 0; box-shadow: none; }
}
@page { size: A4; margin: 0; }
@media print {
  body { background: #fff; font-size: 11pt; }
  .letter { max-width: none; width: 210mm; margin: 0; padding: 15mm 20mm 20mm 22mm; box-shadow: none; border-radius: 0; }
  .letterhead { height: 30mm; margin-bottom: 0; }
  .top { display: block; position: relative; height: 55mm; margin: 0; }
  .address { position: absolute; left: 0; top: 5mm; width: 98mm; height: 40mm; }
  .reference { position: absolute; left: 103mm; top: 5mm; }
  .draft { position: absolute; top: 5mm; right: 20mm; }
}
"#;

/// Renders a letter as one HTML page.
#[derive(Debug, Clone, Copy, Default)]
pub struct HtmlRenderer;

impl Renderer for HtmlRenderer {
    fn name(&self) -> &'static str {
        "html"
    }
    fn extension(&self) -> &'static str {
        "html"
    }
    fn render(&self, letter: &Letter) -> Result<Vec<u8>, RenderError> {
        Ok(page(letter).into_bytes())
    }
}

/// The whole page.
pub fn page(letter: &Letter) -> String {
    let mut out = String::with_capacity(8 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    out.push_str(&format!(
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main class=\"letter\">\n",
        esc(&letter.subject)
    ));
    if letter.draft {
        out.push_str(&format!(
            "<p class=\"draft\" role=\"note\">{DRAFT_MARK}</p>\n"
        ));
    }
    let sender = &letter.sender;
    out.push_str("<header class=\"letterhead\">\n");
    out.push_str(&format!(
        "<p class=\"logo\">{}</p>\n",
        esc(&sender.logo_text)
    ));
    if let Some(department) = &sender.department {
        out.push_str(&format!(
            "<p class=\"department\">{}</p>\n",
            esc(department)
        ));
    }
    out.push_str(
        "</header>\n<div class=\"top\">\n<section class=\"address\" aria-label=\"Adres\">\n",
    );
    out.push_str(&format!(
        "<p class=\"return\">{}</p>\n",
        kept(&sender.return_address)
    ));
    let address: Vec<String> = letter
        .recipient_address
        .iter()
        .map(|line| esc(line))
        .collect();
    // One line each; pre-wrap keeps the two spaces before the city.
    out.push_str(&format!(
        "<p class=\"recipient\">{}</p>\n</section>\n",
        address.join("\n")
    ));
    out.push_str("<table class=\"reference\" aria-label=\"Gegevens van deze brief\">\n");
    for (label, value) in letter.reference_rows() {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{label}</th><td>{}</td></tr>\n",
            kept(&value)
        ));
    }
    out.push_str("</table>\n</div>\n");
    out.push_str(&format!("<h1>{}</h1>\n", kept(&letter.subject)));
    for block in &letter.body {
        write_block(&mut out, block);
    }
    out.push_str(&format!(
        "<footer>{} · {} · telefoon {} · {}</footer>\n",
        esc(&sender.name),
        kept(&sender.return_address),
        kept(&sender.phone),
        esc(&sender.website)
    ));
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Heading { level, content } => {
            // The subject is the page's h1; body headings ("#" or "##") start at h2, so no level is skipped.
            let level = (*level).clamp(2, 6);
            out.push_str(&format!("<h{level}>{}</h{level}>\n", inlines(content)));
        }
        Block::Paragraph(content) => out.push_str(&format!("<p>{}</p>\n", inlines(content))),
        Block::List {
            ordered,
            start,
            items,
        } => {
            let tag = if *ordered { "ol" } else { "ul" };
            if *ordered && *start != 1 {
                out.push_str(&format!("<ol start=\"{start}\">\n"));
            } else {
                out.push_str(&format!("<{tag}>\n"));
            }
            for item in items {
                out.push_str("<li>");
                if let [Block::Paragraph(content)] = item.as_slice() {
                    out.push_str(&inlines(content));
                } else {
                    out.push('\n');
                    for inner in item {
                        write_block(out, inner);
                    }
                }
                out.push_str("</li>\n");
            }
            out.push_str(&format!("</{tag}>\n"));
        }
        Block::Aside(blocks) => {
            out.push_str("<aside class=\"box\">\n");
            for inner in blocks {
                write_block(out, inner);
            }
            out.push_str("</aside>\n");
        }
        Block::Rule => out.push_str("<hr>\n"),
        Block::Table { head, rows } => {
            out.push_str("<table class=\"data\">\n<thead><tr>");
            for cell in head {
                out.push_str(&format!("<th scope=\"col\">{}</th>", inlines(cell)));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for cell in row {
                    out.push_str(&format!("<td>{}</td>", inlines(cell)));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
    }
}

fn inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text(text) => out.push_str(&kept(text)),
            Inline::Strong(c) => out.push_str(&format!("<strong>{}</strong>", inlines(c))),
            Inline::Emphasis(c) => out.push_str(&format!("<em>{}</em>", inlines(c))),
            Inline::Link { url, content } => out.push_str(&format!(
                "<a href=\"{}\">{}</a>",
                esc(url),
                inlines(content)
            )),
            Inline::LineBreak => out.push_str("<br>\n"),
        }
    }
    out
}

/// Text for the page: kept together ([`keep_together`]) and escaped, with
/// each phone number or reference that holds a hyphen in a span that does not wrap.
fn kept(text: &str) -> String {
    let text = keep_together(text);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for number in hyphenated_values(&text) {
        out.push_str(&esc(&text[at..number.start]));
        out.push_str("<span class=\"nowrap\">");
        out.push_str(&esc(&text[number.clone()]));
        out.push_str("</span>");
        at = number.end;
    }
    out.push_str(&esc(&text[at..]));
    out
}

/// Escapes text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
