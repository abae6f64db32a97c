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
pub mod fonts;
pub mod layout;

use super::{Block, Inline, Letter, RenderError, Renderer, html::DRAFT_MARK, plain_text};
use crate::dutch::long_date;
use chrono::Datelike;
use fonts::{Weight, face};
use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, TableHeaderScope, Tag,
    TagGroup, TagKind, TagTree,
};
use krilla::{Document, SerializeSettings};
use layout::{Chunk, Frame, LineBox, Mark, NodeId, StyledText, TextLine, break_lines, paginate};
use std::num::NonZeroU16;

/// The most pages a letter may have.
pub const MAX_PAGES: usize = 12;

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

/// What a piece of the structure tree is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    P,
    Heading(u8),
    List(bool),
    Item,
    Label,
    ItemBody,
    Div,
    Table,
    Row,
    Header,
    Cell,
}

/// A node of the structure tree: either child nodes or drawn content.
#[derive(Debug)]
struct Node {
    role: Role,
    title: Option<String>,
    children: Vec<NodeId>,
    content: Vec<Identifier>,
}

#[derive(Debug, Default)]
struct Structure {
    nodes: Vec<Node>,
    roots: Vec<NodeId>,
}

impl Structure {
    fn add(&mut self, role: Role, parent: Option<NodeId>) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            role,
            title: None,
            children: Vec::new(),
            content: Vec::new(),
        });
        match parent {
            Some(parent) => self.nodes[parent].children.push(id),
            None => self.roots.push(id),
        }
        id
    }

    fn group(&mut self, id: NodeId) -> Option<TagGroup> {
        let role = self.nodes[id].role;
        let tag: TagKind = match role {
            Role::P => Tag::P.into(),
            Role::Heading(level) => Tag::Hn(
                NonZeroU16::new(u16::from(level.clamp(1, 6))).unwrap_or(NonZeroU16::MIN),
                self.nodes[id].title.clone(),
            )
            .into(),
            Role::List(ordered) => Tag::L(if ordered {
                ListNumbering::Decimal
            } else {
                ListNumbering::Disc
            })
            .into(),
            Role::Item => Tag::LI.into(),
            Role::Label => Tag::Lbl.into(),
            Role::ItemBody => Tag::LBody.into(),
            Role::Div => Tag::Div.into(),
            Role::Table => Tag::Table.into(),
            Role::Row => Tag::TR.into(),
            Role::Header => Tag::TH(TableHeaderScope::Column).into(),
            Role::Cell => Tag::TD.into(),
        };
        let mut group = TagGroup::new(tag);
        let mut empty = true;
        for child in self.nodes[id].children.clone() {
            if let Some(child) = self.group(child) {
                group.push(child);
                empty = false;
            }
        }
        for content in std::mem::take(&mut self.nodes[id].content) {
            group.push(content);
            empty = false;
        }
        (!empty).then_some(group)
    }

    fn tree(mut self) -> TagTree {
        let mut tree = TagTree::new();
        for root in self.roots.clone() {
            if let Some(group) = self.group(root) {
                tree.push(group);
            }
        }
        tree
    }
}

/// Text placed at a fixed place on page 1.
struct Fixed {
    x: f32,
    baseline: f32,
    size: f32,
    color: (u8, u8, u8),
    line: TextLine,
    node: NodeId,
}

fn missing(error: fonts::MissingGlyph) -> RenderError {
    RenderError(format!(
        "het teken '{}' (U+{:04X}) staat niet in het lettertype van de brief. Controleer de gegevens in het zaaksysteem; de brief is niet gemaakt",
        error.0, error.0 as u32
    ))
}

fn one_line(weight: Weight, text: &str, size: f32) -> Result<TextLine, RenderError> {
    let mut styled = StyledText::default();
    styled.push(weight, text);
    let mut lines = break_lines(&styled, size, f32::MAX).map_err(missing)?;
    Ok(lines.pop().unwrap_or_default())
}

/// A line drawn exactly as written, spaces and all (the address: "1234 AB  PLAATS" has two).
fn exact_line(weight: Weight, text: &str, size: f32) -> Result<TextLine, RenderError> {
    let width = face(weight).width(text, size).map_err(missing)?;
    Ok(TextLine {
        segments: vec![layout::Segment {
            weight,
            text: text.to_string(),
            x: 0.0,
        }],
        width,
    })
}

/// Renders one letter as PDF bytes.
pub fn render(letter: &Letter, settings: PdfSettings) -> Result<Vec<u8>, RenderError> {
    if !(45.0..=65.0).contains(&settings.window_top_mm) {
        return Err(RenderError(format!(
            "window-top-mm is {}; een vensterenvelop heeft het venster op 50 of 60 mm van de bovenkant",
            settings.window_top_mm
        )));
    }
    let window_top = settings.window_top_mm * MM;
    let window_inner = WINDOW_RIGHT - WINDOW_LEFT - 2.0 * WINDOW_PADDING;
    address::check(&letter.recipient_address, ADDRESS_SIZE, window_inner)?;

    let mut structure = Structure::default();
    let mut fixed = Vec::new();
    let x_window = WINDOW_LEFT + WINDOW_PADDING;

    if letter.draft {
        let node = structure.add(Role::P, None);
        let line = one_line(Weight::Bold, DRAFT_MARK, 12.0)?;
        fixed.push(Fixed {
            x: PAGE_WIDTH - RIGHT - line.width,
            baseline: 15.0 * MM,
            size: 12.0,
            color: RED,
            line,
            node,
        });
    }
    // Letterhead.
    let node = structure.add(Role::P, None);
    fixed.push(Fixed {
        x: LEFT,
        baseline: 18.0 * MM,
        size: 16.0,
        color: BLUE,
        line: one_line(Weight::Bold, &letter.sender.logo_text, 16.0)?,
        node,
    });
    if let Some(department) = &letter.sender.department {
        fixed.push(Fixed {
            x: LEFT,
            baseline: 24.0 * MM,
            size: 10.0,
            color: GREY,
            line: one_line(Weight::Regular, department, 10.0)?,
            node,
        });
    }
    // Return address, then the address block, in the window.
    let node = structure.add(Role::P, None);
    let return_line = one_line(Weight::Regular, &letter.sender.return_address, RETURN_SIZE)?;
    if return_line.width > window_inner {
        return Err(RenderError(
            "het retouradres past niet op één regel boven het venster; maak het korter in helder.toml".to_string(),
        ));
    }
    fixed.push(Fixed {
        x: x_window,
        baseline: window_top + 5.0 * MM,
        size: RETURN_SIZE,
        color: GREY,
        line: return_line,
        node,
    });
    let node = structure.add(Role::P, None);
    for (i, text) in letter.recipient_address.iter().enumerate() {
        fixed.push(Fixed {
            x: x_window,
            baseline: window_top + 12.0 * MM + i as f32 * ADDRESS_LEADING,
            size: ADDRESS_SIZE,
            color: INK,
            line: exact_line(Weight::Regular, text, ADDRESS_SIZE)?,
            node,
        });
    }
    // Reference column: a small table of label and value.
    let table = structure.add(Role::Table, None);
    let rows = [
        ("Datum", long_date(letter.date, false)),
        ("Ons kenmerk", letter.reference.clone()),
        ("Contactpersoon", letter.contact.name.clone()),
        ("Telefoon", letter.contact.phone.clone()),
    ];
    let column_width = PAGE_WIDTH - RIGHT - REFERENCE_LEFT;
    let mut y = window_top + 3.0 * MM;
    for (label, value) in rows {
        let row = structure.add(Role::Row, Some(table));
        let head = structure.add(Role::Header, Some(row));
        fixed.push(Fixed {
            x: REFERENCE_LEFT,
            baseline: y,
            size: SMALL_SIZE,
            color: GREY,
            line: one_line(Weight::Regular, label, SMALL_SIZE)?,
            node: head,
        });
        let cell = structure.add(Role::Cell, Some(row));
        let mut styled = StyledText::default();
        styled.push(Weight::Regular, &value);
        for line in break_lines(&styled, 10.0, column_width).map_err(missing)? {
            y += 12.5;
            fixed.push(Fixed {
                x: REFERENCE_LEFT,
                baseline: y,
                size: 10.0,
                color: INK,
                line,
                node: cell,
            });
        }
        y += 14.0;
    }

    // The body: subject, then the blocks.
    let mut builder = Builder {
        structure: &mut structure,
        chunks: Vec::new(),
        right_inset: 0.0,
    };
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
        return Err(RenderError(format!(
            "de brief wordt {} bladzijden lang; een brief is hoogstens {MAX_PAGES} bladzijden. Kijk of het sjabloon of de gebeurtenis veel te lange lijsten heeft",
            flow.pages
        )));
    }

    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_A)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| RenderError(format!("de PDF-instellingen passen niet bij elkaar: {e:?}")))?;
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
                structure.nodes[item.node].content.extend(id);
            }
        } else {
            let text = format!(
                "{} · Ons kenmerk {} · {}",
                letter.sender.name,
                letter.reference,
                long_date(letter.date, false)
            );
            surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                ArtifactType::Header,
            )));
            draw_line(
                &mut surface,
                &one_line(Weight::Regular, &text, SMALL_SIZE)?,
                LEFT,
                15.0 * MM,
                SMALL_SIZE,
                GREY,
                false,
            );
            if letter.draft {
                let draft = one_line(Weight::Bold, DRAFT_MARK, SMALL_SIZE)?;
                draw_line(
                    &mut surface,
                    &draft,
                    PAGE_WIDTH - RIGHT - draft.width,
                    15.0 * MM,
                    SMALL_SIZE,
                    RED,
                    false,
                );
            }
            surface.end_tagged();
        }
        // Footer: the municipality's general contact, and the page number.
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::Footer,
        )));
        let footer = format!(
            "{} · {} · {}",
            letter.sender.name, letter.sender.phone, letter.sender.website
        );
        let footer_y = PAGE_HEIGHT - 12.0 * MM;
        draw_line(
            &mut surface,
            &one_line(Weight::Regular, &footer, SMALL_SIZE)?,
            LEFT,
            footer_y,
            SMALL_SIZE,
            GREY,
            false,
        );
        let number = one_line(
            Weight::Regular,
            &format!("Pagina {} van {}", page_index + 1, pages),
            SMALL_SIZE,
        )?;
        draw_line(
            &mut surface,
            &number,
            PAGE_WIDTH - RIGHT - number.width,
            footer_y,
            SMALL_SIZE,
            GREY,
            false,
        );
        surface.end_tagged();

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
                        structure.nodes[*node].content.extend(id);
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
    document.finish().map_err(|e| {
        RenderError(format!(
            "de PDF voldoet niet aan PDF/A-2a en PDF/UA-1 en is daarom niet gemaakt: {e:?}"
        ))
    })
}

/// Draws one line of text; tagged as a span of real content, or (when
/// `tagged` is false) inside an artifact the caller opened.
fn draw_line(
    surface: &mut Surface<'_>,
    line: &TextLine,
    x: f32,
    baseline: f32,
    size: f32,
    color: (u8, u8, u8),
    tagged: bool,
) -> Option<Identifier> {
    let id = tagged.then(|| surface.start_tagged(ContentTag::Span(SpanTag::empty())));
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::default(),
    }));
    for segment in &line.segments {
        let face = face(segment.weight);
        // Every character was measured with this face, so shaping cannot fail here.
        if let Ok(glyphs) = face.shape(&segment.text) {
            surface.draw_glyphs(
                Point::from_xy(x + segment.x, baseline),
                &glyphs,
                face.font.clone(),
                &segment.text,
                size,
                false,
            );
        }
    }
    if tagged {
        surface.end_tagged();
    }
    id
}

fn draw_box(surface: &mut Surface<'_>, top: f32, height: f32) {
    let Some(rect) = Rect::from_xywh(LEFT, top, CONTENT_WIDTH, height) else {
        return;
    };
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
        ArtifactType::Layout,
    )));
    let mut builder = PathBuilder::new();
    builder.push_rect(rect);
    if let Some(path) = builder.finish() {
        surface.set_fill(Some(Fill {
            paint: rgb::Color::new(0xf2, 0xf5, 0xf9).into(),
            opacity: NormalizedF32::ONE,
            rule: FillRule::default(),
        }));
        surface.set_stroke(Some(Stroke {
            paint: rgb::Color::new(0x9a, 0xa9, 0xbd).into(),
            width: 0.8,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
    surface.end_tagged();
}

fn draw_rule(surface: &mut Surface<'_>, y: f32) {
    let mut builder = PathBuilder::new();
    builder.move_to(LEFT, y);
    builder.line_to(LEFT + CONTENT_WIDTH, y);
    if let Some(path) = builder.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: rgb::Color::new(0xc5, 0xcb, 0xd3).into(),
            width: 0.8,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}

/// Turns blocks into chunks of lines and structure nodes.
struct Builder<'a> {
    structure: &'a mut Structure,
    chunks: Vec<Chunk>,
    /// Room kept free on the right (inside a box).
    right_inset: f32,
}

/// The text of inlines, with bold kept; links show where they go when that is not the text.
fn styled(inlines: &[Inline], weight: Weight, out: &mut StyledText) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push(weight, text),
            Inline::Strong(content) => styled(content, Weight::Bold, out),
            // Italics are hard to read for many readers: emphasis stays upright.
            Inline::Emphasis(content) => styled(content, weight, out),
            Inline::Link { url, content } => {
                styled(content, weight, out);
                let text = plain_text(content);
                let shown = url
                    .trim_start_matches("mailto:")
                    .trim_start_matches("tel:")
                    .trim_start_matches("https://");
                if !text.contains(shown) {
                    out.push(weight, &format!(" ({shown})"));
                }
            }
            Inline::LineBreak => out.line_break(),
        }
    }
}

impl Builder<'_> {
    fn text_chunk(
        &mut self,
        text: &StyledText,
        node: NodeId,
        indent: f32,
        size: f32,
        leading: f32,
        color: (u8, u8, u8),
    ) -> Result<Chunk, RenderError> {
        let width = CONTENT_WIDTH - indent - self.right_inset;
        let lines = break_lines(text, size, width).map_err(missing)?;
        let baseline = (leading - size) / 2.0 + size * 0.78;
        Ok(Chunk {
            space_before: PARAGRAPH_GAP,
            lines: lines
                .into_iter()
                .map(|line| LineBox {
                    height: leading,
                    marks: vec![Mark::Text {
                        line,
                        x: indent,
                        baseline,
                        size,
                        color,
                        node,
                    }],
                })
                .collect(),
            keep_together: false,
            keep_with_next: false,
            boxed: false,
            outline: None,
        })
    }

    fn heading(
        &mut self,
        level: u8,
        content: &[Inline],
        parent: Option<NodeId>,
        indent: f32,
    ) -> Result<(), RenderError> {
        let title = plain_text(content);
        let node = self.structure.add(Role::Heading(level), parent);
        self.structure.nodes[node].title = Some(title.clone());
        let mut text = StyledText::default();
        styled(content, Weight::Bold, &mut text);
        let (size, color) = match level {
            1 => (13.5, INK),
            2 => (12.5, BLUE),
            _ => (11.5, BLUE),
        };
        let mut chunk = self.text_chunk(&text, node, indent, size, size * 1.35, color)?;
        chunk.space_before = if level == 1 { 0.0 } else { 12.0 };
        chunk.keep_with_next = true;
        chunk.outline = Some((title, level));
        self.chunks.push(chunk);
        Ok(())
    }

    fn block(
        &mut self,
        block: &Block,
        parent: Option<NodeId>,
        indent: f32,
    ) -> Result<(), RenderError> {
        match block {
            Block::Heading { level, content } => {
                // The subject is the H1; the letter's own headings start at H2.
                self.heading(level.saturating_add(1).clamp(2, 6), content, parent, indent)?;
            }
            Block::Paragraph(content) => {
                let mut text = StyledText::default();
                styled(content, Weight::Regular, &mut text);
                if text.is_empty() {
                    return Ok(());
                }
                let node = self.structure.add(Role::P, parent);
                let chunk = self.text_chunk(&text, node, indent, BODY_SIZE, BODY_LEADING, INK)?;
                self.chunks.push(chunk);
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                let list = self.structure.add(Role::List(*ordered), parent);
                let label_width = if *ordered { 7.0 * MM } else { 5.0 * MM };
                for (i, item) in items.iter().enumerate() {
                    let li = self.structure.add(Role::Item, Some(list));
                    let label_node = self.structure.add(Role::Label, Some(li));
                    let body = self.structure.add(Role::ItemBody, Some(li));
                    let first_chunk = self.chunks.len();
                    for inner in item {
                        self.block(inner, Some(body), indent + label_width)?;
                    }
                    let label = if *ordered {
                        format!("{}.", start + i as u64)
                    } else {
                        "•".to_string()
                    };
                    let label_line = one_line(Weight::Regular, &label, BODY_SIZE)?;
                    if let Some(chunk) = self.chunks.get_mut(first_chunk) {
                        chunk.space_before = if i == 0 { PARAGRAPH_GAP } else { 3.0 };
                        if let Some(first_line) = chunk.lines.first_mut() {
                            let baseline = match first_line.marks.first() {
                                Some(Mark::Text { baseline, .. }) => *baseline,
                                _ => (BODY_LEADING - BODY_SIZE) / 2.0 + BODY_SIZE * 0.78,
                            };
                            first_line.marks.insert(
                                0,
                                Mark::Text {
                                    line: label_line,
                                    x: indent + 1.0 * MM,
                                    baseline,
                                    size: BODY_SIZE,
                                    color: INK,
                                    node: label_node,
                                },
                            );
                        }
                    }
                }
            }
            Block::Aside(blocks) => {
                let div = self.structure.add(Role::Div, parent);
                let first = self.chunks.len();
                let padding = 4.0 * MM;
                self.right_inset += padding;
                for inner in blocks {
                    self.block(inner, Some(div), indent + padding)?;
                }
                self.right_inset -= padding;
                let inner: Vec<Chunk> = self.chunks.drain(first..).collect();
                let mut merged = Chunk {
                    space_before: 10.0,
                    lines: Vec::new(),
                    keep_together: true,
                    keep_with_next: false,
                    boxed: true,
                    outline: None,
                };
                for (i, chunk) in inner.into_iter().enumerate() {
                    if i > 0 && chunk.space_before > 0.0 {
                        merged.lines.push(LineBox {
                            height: chunk.space_before,
                            marks: Vec::new(),
                        });
                    }
                    merged.lines.extend(chunk.lines);
                }
                self.chunks.push(merged);
            }
            Block::Table { head, rows } => self.table(head, rows, parent, indent)?,
            Block::Rule => self.chunks.push(Chunk {
                space_before: PARAGRAPH_GAP,
                lines: vec![LineBox {
                    height: 10.0,
                    marks: vec![Mark::Rule { y: 5.0 }],
                }],
                keep_together: true,
                keep_with_next: false,
                boxed: false,
                outline: None,
            }),
        }
        Ok(())
    }

    fn table(
        &mut self,
        head: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        parent: Option<NodeId>,
        indent: f32,
    ) -> Result<(), RenderError> {
        let table = self.structure.add(Role::Table, parent);
        let columns = head.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return Ok(());
        }
        let gap = 6.0 * MM;
        let available = CONTENT_WIDTH - indent - self.right_inset - gap * (columns - 1) as f32;
        // Natural widths, then shrunk in proportion when the table is too wide.
        let mut natural = vec![0.0f32; columns];
        for (c, cell) in head.iter().enumerate() {
            let mut text = StyledText::default();
            styled(cell, Weight::Bold, &mut text);
            natural[c] = natural[c].max(width_of(&text)?);
        }
        for row in rows {
            for (c, cell) in row.iter().enumerate().take(columns) {
                let mut text = StyledText::default();
                styled(cell, Weight::Regular, &mut text);
                natural[c] = natural[c].max(width_of(&text)?);
            }
        }
        let total: f32 = natural.iter().sum();
        let widths: Vec<f32> = if total <= available {
            natural
        } else {
            natural.iter().map(|w| w / total * available).collect()
        };
        let mut all_rows: Vec<(bool, &[Vec<Inline>])> = Vec::new();
        if !head.is_empty() {
            all_rows.push((true, head));
        }
        for row in rows {
            all_rows.push((false, row));
        }
        for (is_head, cells) in all_rows {
            let row = self.structure.add(Role::Row, Some(table));
            let mut cell_lines: Vec<(NodeId, f32, Vec<TextLine>)> = Vec::new();
            let mut x = indent;
            for (c, cell) in cells.iter().enumerate().take(columns) {
                let node = self
                    .structure
                    .add(if is_head { Role::Header } else { Role::Cell }, Some(row));
                let mut text = StyledText::default();
                styled(
                    cell,
                    if is_head {
                        Weight::Bold
                    } else {
                        Weight::Regular
                    },
                    &mut text,
                );
                let lines = break_lines(&text, BODY_SIZE, widths[c].max(10.0)).map_err(missing)?;
                cell_lines.push((node, x, lines));
                x += widths[c] + gap;
            }
            let height = cell_lines
                .iter()
                .map(|(_, _, l)| l.len())
                .max()
                .unwrap_or(1)
                .max(1);
            let baseline = (BODY_LEADING - BODY_SIZE) / 2.0 + BODY_SIZE * 0.78;
            let lines = (0..height)
                .map(|k| LineBox {
                    height: BODY_LEADING,
                    marks: cell_lines
                        .iter()
                        .filter_map(|(node, x, lines)| {
                            lines.get(k).map(|line| Mark::Text {
                                line: line.clone(),
                                x: *x,
                                baseline,
                                size: BODY_SIZE,
                                color: INK,
                                node: *node,
                            })
                        })
                        .collect(),
                })
                .collect();
            self.chunks.push(Chunk {
                space_before: if is_head { PARAGRAPH_GAP } else { 2.0 },
                lines,
                keep_together: true,
                keep_with_next: is_head,
                boxed: false,
                outline: None,
            });
        }
        Ok(())
    }
}

fn width_of(text: &StyledText) -> Result<f32, RenderError> {
    Ok(break_lines(text, BODY_SIZE, f32::MAX)
        .map_err(missing)?
        .iter()
        .map(|l| l.width)
        .fold(0.0, f32::max))
}
