//! Step 4 of the pipeline: one [`Letter`] value, many renderers.
//!
//! Templates produce Markdown; [`blocks::parse_blocks`] turns it into
//! blocks; every renderer (HTML, plain text, Markdown and PDF) reads the
//! same `Letter`, so a new renderer never touches the templates.

pub mod blocks;
pub mod html;
pub mod keep_together;
pub mod pdf;
pub mod text;

use crate::event::EventType;
use chrono::NaiveDate;

/// A letter, ready for any renderer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// The event this letter is for.
    pub event_id: String,
    /// The event's type.
    pub event_type: EventType,
    /// Who sends it.
    pub sender: Sender,
    /// The address block: 3 to 6 lines, the last one "1234 AB  PLAATS".
    pub recipient_address: Vec<String>,
    /// The date on the letter.
    pub date: NaiveDate,
    /// "Ons kenmerk": the case id.
    pub reference: String,
    /// The named contact person.
    pub contact: LetterContact,
    /// The subject line, plain text.
    pub subject: String,
    /// The body.
    pub body: Vec<Block>,
    /// The body as the template rendered it (Markdown, values escaped).
    pub body_markdown: String,
    /// Whether the letter is a besluit.
    pub is_besluit: bool,
    /// Whether the letter is a held draft ("CONCEPT — niet versturen").
    pub draft: bool,
}

impl Letter {
    /// The reference column every format shows beside the address: the date,
    /// "Ons kenmerk", the contact person and the direct number.
    pub fn reference_rows(&self) -> [(&'static str, String); 4] {
        [
            ("Datum", crate::dutch::long_date(self.date, false)),
            ("Ons kenmerk", self.reference.clone()),
            ("Contactpersoon", self.contact.name.clone()),
            ("Telefoon", self.contact.phone.clone()),
        ]
    }
}

/// The sending municipality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sender {
    /// The letterhead text.
    pub logo_text: String,
    /// The official name.
    pub name: String,
    /// The department.
    pub department: Option<String>,
    /// The return address on one line.
    pub return_address: String,
    /// General phone number.
    pub phone: String,
    /// Website.
    pub website: String,
}

/// The contact person in the reference column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterContact {
    /// Name.
    pub name: String,
    /// Direct phone number.
    pub phone: String,
}

/// A block of the letter body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading (level 1 to 6).
    Heading {
        /// 1 to 6.
        level: u8,
        /// The heading text.
        content: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bulleted or numbered list.
    List {
        /// Numbered or not.
        ordered: bool,
        /// The first number of a numbered list.
        start: u64,
        /// The items, each a list of blocks.
        items: Vec<Vec<Block>>,
    },
    /// A boxed part, such as "Waarom mag de gemeente dit?" (a Markdown block quote).
    Aside(Vec<Block>),
    /// A table, for example of amounts.
    Table {
        /// The header cells.
        head: Vec<Vec<Inline>>,
        /// The rows, each a list of cells.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A horizontal line.
    Rule,
}

/// Text inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Bold.
    Strong(Vec<Inline>),
    /// Italic.
    Emphasis(Vec<Inline>),
    /// A link (https, mailto or tel).
    Link {
        /// Where it points.
        url: String,
        /// The link text.
        content: Vec<Inline>,
    },
    /// A hard line break.
    LineBreak,
}

/// The plain text of some inlines.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut text = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) => text.push_str(t),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => {
                text.push_str(&plain_text(c))
            }
            Inline::LineBreak => text.push(' '),
        }
    }
    text
}

/// An output format for letters (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One self-contained HTML page.
    Html,
    /// The Markdown the template produced.
    Md,
    /// Plain text, wrapped at 72 characters.
    Txt,
    /// An A4 PDF for a window envelope, tagged (PDF/UA-1) and archival (PDF/A-2a).
    Pdf,
}

/// A renderer that can be shared between threads.
pub type BoxedRenderer = Box<dyn Renderer + Send + Sync>;

impl Format {
    /// The renderer for this format, with the settings it needs.
    pub fn renderer(self, config: &crate::config::Config) -> BoxedRenderer {
        match self {
            Format::Html => Box::new(html::HtmlRenderer),
            Format::Md => Box::new(MarkdownRenderer),
            Format::Txt => Box::new(text::TextRenderer),
            Format::Pdf => Box::new(pdf::PdfRenderer {
                settings: pdf::PdfSettings {
                    window_top_mm: config.letter.window_top_mm,
                },
            }),
        }
    }
}

/// Why a renderer could not produce a file: what is wrong and how to fix it.
/// The place (the event, the format) is added by whoever asked for the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{problem}. {fix}")]
pub struct RenderError {
    /// What is wrong, in Dutch, without a full stop.
    pub problem: String,
    /// How to fix it, in Dutch.
    pub fix: String,
}

impl RenderError {
    /// A problem with its fix.
    pub fn new(problem: impl Into<String>, fix: impl Into<String>) -> RenderError {
        RenderError {
            problem: problem.into(),
            fix: fix.into(),
        }
    }
}

/// Turns a [`Letter`] into the bytes of one output format.
pub trait Renderer {
    /// The format's name, as in `--format`.
    fn name(&self) -> &'static str;
    /// The file extension, without dot.
    fn extension(&self) -> &'static str;
    /// Renders the letter.
    fn render(&self, letter: &Letter) -> Result<Vec<u8>, RenderError>;
}

/// The Markdown the template produced, with the subject as heading, and
/// between them the letter's mark ([`crate::lint::letter_mark`]): which event
/// type it is, so `helder lint` on the file checks the body as that letter.
#[derive(Debug, Clone, Copy, Default)]
pub struct MarkdownRenderer;

impl Renderer for MarkdownRenderer {
    fn name(&self) -> &'static str {
        "md"
    }
    fn extension(&self) -> &'static str {
        "md"
    }
    fn render(&self, letter: &Letter) -> Result<Vec<u8>, RenderError> {
        let mut out = String::new();
        if letter.draft {
            out.push_str(&format!("**{}**\n\n", html::DRAFT_MARK));
        }
        out.push_str(&format!(
            "# {}\n\n",
            crate::markdown::escaped(&letter.subject)
        ));
        // Which letter this is and where its body starts, for `helder lint`
        // on the file (not shown when the Markdown is read).
        let mark = crate::lint::letter_mark::LetterMark {
            event_type: letter.event_type,
            is_besluit: letter.is_besluit,
        };
        out.push_str(&format!("{}\n\n", mark.line()));
        out.push_str(&one_blank_line_between_blocks(letter.body_markdown.trim()));
        out.push('\n');
        Ok(out.into_bytes())
    }
}

/// The Markdown with every run of blank lines made one blank line, outside
/// fenced code: a template's empty `{% if %}` or include leaves several, which
/// mean the same to Markdown but look careless to whoever opens the file.
fn one_blank_line_between_blocks(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut in_fence = false;
    let mut blank_before = false;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        }
        let blank = line.trim().is_empty();
        if blank && blank_before && !in_fence {
            continue;
        }
        blank_before = blank;
        out.push_str(line);
        out.push('\n');
    }
    // `lines` drops the last line end; so does the trimmed body this is given.
    if !markdown.ends_with('\n') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::one_blank_line_between_blocks;

    #[test]
    fn runs_of_blank_lines_become_one_outside_fenced_code() {
        assert_eq!(
            one_blank_line_between_blocks("Beste Sam,\n\n\n  \n\nWij hebben uw brief.\n\nGroet"),
            "Beste Sam,\n\nWij hebben uw brief.\n\nGroet"
        );
        assert_eq!(
            one_blank_line_between_blocks("```\na\n\n\nb\n```\n\n\nc"),
            "```\na\n\n\nb\n```\n\nc"
        );
        // A line break of two spaces at the end of a line is no blank line.
        assert_eq!(
            one_blank_line_between_blocks("Regel een  \nRegel twee"),
            "Regel een  \nRegel twee"
        );
    }
}
