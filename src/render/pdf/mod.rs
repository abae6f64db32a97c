//! The PDF renderer: an A4 letter for a Dutch window envelope, tagged for
//! screen readers (PDF/UA-1) and fit for the archive (PDF/A-2a).
//!
//! Why krilla and not printpdf: printpdf writes neither tagged PDF nor PDF/A
//! (no structure tree, no `/Lang`, no `pdfaid`). krilla writes both and
//! refuses to write a file that breaks them, so a letter that would not
//! conform is an error, not a file. The layout is helder's own
//! ([`layout`]): line breaking on the font's real widths, pages with headings
//! kept with what follows and no single lines left alone.
//!
//! Page 1 (millimetres from the top left): letterhead at 15; the return
//! address on one line at the top of the window; the address block in the
//! window (x 22–120, y `window_top`…`window_top + 40`); the reference column
//! from x 125 (Datum, Ons kenmerk, Contactpersoon, Telefoon); the body from
//! `window_top + 52`. Later pages carry a small running header with the
//! kenmerk. Every page ends with "Pagina n van N". Header, footer, page
//! numbers and the box around "Waarom mag de gemeente dit?" are artifacts;
//! everything else is tagged (headings, paragraphs, lists, tables), in
//! reading order, with the document language nl-NL and an outline.

pub mod address;
mod blocks;
pub mod fonts;
pub mod layout;
mod page;
pub mod refusal;
mod tags;

use super::{Inline, Letter, RenderError, Renderer};
use blocks::Builder;
use chrono::Datelike;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::tagging::{Artifact, ArtifactType, ContentTag};
use krilla::{Document, SerializeSettings};
use layout::{Frame, Mark, paginate};
use page::{draw_box, draw_line, draw_rule, first_page, footer, running_header};
use tags::Structure;

/// The most pages a letter may have.
pub const MAX_PAGES: usize = 12;

/// The fix for a failure that no setting or event can cause: the layout
/// itself made a PDF that krilla refuses.
const INTERNAL_FIX: &str = "Dit is een fout in helder zelf; meld het aan de beheerder van helder, met het nummer van de gebeurtenis.";

/// Points in a millimetre.
const MM: f32 = 72.0 / 25.4;
const PAGE_WIDTH: f32 = 210.0 * MM;
const PAGE_HEIGHT: f32 = 297.0 * MM;
const LEFT: f32 = 25.0 * MM;
const RIGHT: f32 = 20.0 * MM;
const CONTENT_WIDTH: f32 = PAGE_WIDTH - LEFT - RIGHT;
/// The window of a standard Dutch window envelope: x 22–120 mm.
const WINDOW_LEFT: f32 = 22.0 * MM;
const WINDOW_RIGHT: f32 = 120.0 * MM;
/// Text in the window starts a little inside it.
const WINDOW_PADDING: f32 = 3.0 * MM;
const REFERENCE_LEFT: f32 = 125.0 * MM;

const BODY_SIZE: f32 = 11.0;
const BODY_LEADING: f32 = 15.5;
const ADDRESS_SIZE: f32 = 10.5;
const ADDRESS_LEADING: f32 = 13.0;
const RETURN_SIZE: f32 = 6.5;
const SMALL_SIZE: f32 = 8.0;
const PARAGRAPH_GAP: f32 = 7.0;

const INK: (u8, u8, u8) = (0x1b, 0x1b, 0x1b);
const GREY: (u8, u8, u8) = (0x4a, 0x4a, 0x4a);
const BLUE: (u8, u8, u8) = (0x1d, 0x4f, 0x91);
const RED: (u8, u8, u8) = (0x8a, 0x1c, 0x1c);

/// Settings of the PDF letter (`[letter]` in helder.toml).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PdfSettings {
    /// Top of the envelope window, in mm from the top of the page: 50 (PostNL) or 60.
    pub window_top_mm: f32,
}

impl Default for PdfSettings {
    fn default() -> Self {
        PdfSettings {
            window_top_mm: 50.0,
        }
    }
}

/// A4 PDF letters, tagged and archival.
#[derive(Debug, Clone, Copy, Default)]
pub struct PdfRenderer {
    /// Where the window is.
    pub settings: PdfSettings,
}

impl Renderer for PdfRenderer {
    fn name(&self) -> &'static str {
        "pdf"
    }
    fn extension(&self) -> &'static str {
        "pdf"
    }
    fn render(&self, letter: &Letter) -> Result<Vec<u8>, RenderError> {
        render(letter, self.settings)
    }
}

/// Renders one letter as PDF bytes.
pub fn render(letter: &Letter, settings: PdfSettings) -> Result<Vec<u8>, RenderError> {
    if !(45.0..=65.0).contains(&settings.window_top_mm) {
        return Err(RenderError::new(
            format!(
                "window-top-mm is {}; een vensterenvelop heeft het venster op 50 of 60 mm van de bovenkant",
                settings.window_top_mm
            ),
            "Zet letter.window-top-mm in helder.toml op 50 of 60.",
        ));
    }
    let window_top = settings.window_top_mm * MM;
    let window_inner = WINDOW_RIGHT - WINDOW_LEFT - 2.0 * WINDOW_PADDING;
    address::check(&letter.recipient_address, ADDRESS_SIZE, window_inner)?;

    let mut structure = Structure::default();
    let (fixed, y) = first_page(letter, window_top, &mut structure)?;

    // The body: subject, then the blocks.
    let mut builder = Builder::new(&mut structure);
    builder.heading(1, &[Inline::Text(letter.subject.clone())], None, 0.0)?;
    for block in &letter.body {
        builder.block(block, None, 0.0)?;
    }
    let chunks = builder.chunks;
    let body_top = (window_top + 52.0 * MM).max(y + 8.0 * MM);
    let frame = Frame {
        first_top: body_top,
        top: 30.0 * MM,
        bottom: PAGE_HEIGHT - 25.0 * MM,
        box_padding: 3.0 * MM,
    };
    let flow = paginate(&chunks, frame);
    if flow.pages > MAX_PAGES {
        return Err(RenderError::new(
            format!(
                "de brief wordt {} bladzijden lang; een brief is hoogstens {MAX_PAGES} bladzijden",
                flow.pages
            ),
            "Kijk of het sjabloon of de gebeurtenis veel te lange lijsten heeft",
        ));
    }

    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_A)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|_| {
            RenderError::new(
                "de PDF-instellingen voor PDF/A-2a en PDF/UA-1 passen niet bij elkaar",
                INTERNAL_FIX,
            )
        })?;
    let mut document = Document::new_with(SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    });
    let pages = flow.pages;
    for page_index in 0..pages {
        let mut page = document.start_page_with(
            PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a valid page size"),
        );
        let mut surface = page.surface();
        for mark in flow.boxes.iter().filter(|b| b.page == page_index) {
            draw_box(&mut surface, mark.top, mark.height);
        }
        if page_index == 0 {
            for item in &fixed {
                let id = draw_line(
                    &mut surface,
                    &item.line,
                    item.x,
                    item.baseline,
                    item.size,
                    item.color,
                    true,
                );
                structure.attach(item.node, id);
            }
        } else {
            running_header(&mut surface, letter)?;
        }
        footer(&mut surface, letter, page_index, pages)?;

        for placed in flow.lines.iter().filter(|l| l.page == page_index) {
            for mark in &placed.line.marks {
                match mark {
                    Mark::Text {
                        line,
                        x,
                        baseline,
                        size,
                        color,
                        node,
                    } => {
                        let id = draw_line(
                            &mut surface,
                            line,
                            LEFT + x,
                            placed.top + baseline,
                            *size,
                            *color,
                            true,
                        );
                        structure.attach(*node, id);
                    }
                    Mark::Rule { y } => {
                        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                            ArtifactType::Layout,
                        )));
                        draw_rule(&mut surface, placed.top + y);
                        surface.end_tagged();
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }

    let mut outline = Outline::new();
    for mark in &flow.outline {
        outline.push_child(OutlineNode::new(
            mark.title.clone(),
            XyzDestination::new(mark.page, Point::from_xy(LEFT, mark.top)),
        ));
    }
    document.set_outline(outline);
    let date = letter.date;
    document.set_metadata(
        Metadata::new()
            .title(letter.subject.clone())
            .language("nl-NL".to_string())
            .creator("helder".to_string())
            .creation_date(
                DateTime::new(u16::try_from(date.year()).unwrap_or(2026))
                    .month(u8::try_from(date.month()).unwrap_or(1))
                    .day(u8::try_from(date.day()).unwrap_or(1)),
            ),
    );
    document.set_tag_tree(structure.tree());
    document.finish().map_err(|e| refusal::finish_error(&e))
}
