//! Page furniture of a PDF letter: what stands at a fixed place on page 1
//! (letterhead, return address, address block, reference column), the
//! running header of later pages, the footer with page numbers, and drawing.

use super::fonts::{MissingGlyph, Weight, face};
use super::layout::{self, NodeId, StyledText, TextLine, break_lines};
use super::tags::{Role, Structure};
use super::*;
use crate::dutch::long_date;
use crate::render::html::DRAFT_MARK;
use crate::render::{Letter, RenderError};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag};

/// Text placed at a fixed place on page 1.
pub(super) struct Fixed {
    pub(super) x: f32,
    pub(super) baseline: f32,
    pub(super) size: f32,
    pub(super) color: (u8, u8, u8),
    pub(super) line: TextLine,
    pub(super) node: NodeId,
}

pub(super) fn missing(error: MissingGlyph) -> RenderError {
    RenderError::new(
        format!(
            "het teken {} staat niet in het lettertype van de brief",
            super::refusal::code(error.0)
        ),
        "Controleer de gegevens in het zaaksysteem; de brief is niet gemaakt",
    )
}

pub(super) fn one_line(weight: Weight, text: &str, size: f32) -> Result<TextLine, RenderError> {
    let mut styled = StyledText::default();
    styled.push(weight, text);
    let mut lines = break_lines(&styled, size, f32::MAX).map_err(missing)?;
    Ok(lines.pop().unwrap_or_default())
}

/// A line drawn exactly as written, spaces and all (the address: "1234 AB  PLAATS" has two).
pub(super) fn exact_line(weight: Weight, text: &str, size: f32) -> Result<TextLine, RenderError> {
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

/// What stands at a fixed place on page 1, and where the reference column ends.
pub(super) fn first_page(
    letter: &Letter,
    window_top: f32,
    structure: &mut Structure,
) -> Result<(Vec<Fixed>, f32), RenderError> {
    let window_inner = WINDOW_RIGHT - WINDOW_LEFT - 2.0 * WINDOW_PADDING;
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
        return Err(RenderError::new(
            "het retouradres past niet op één regel boven het venster",
            "Maak het postadres van de gemeente (municipality.postal-address) korter in helder.toml.",
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
    let rows = letter.reference_rows();
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
    Ok((fixed, y))
}

/// The small header of pages 2 and on: who sends it, the kenmerk and the date.
pub(super) fn running_header(
    surface: &mut Surface<'_>,
    letter: &Letter,
) -> Result<(), RenderError> {
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
        surface,
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
            surface,
            &draft,
            PAGE_WIDTH - RIGHT - draft.width,
            15.0 * MM,
            SMALL_SIZE,
            RED,
            false,
        );
    }
    surface.end_tagged();
    Ok(())
}

/// The footer of every page: the municipality's general contact, and "Pagina n van N".
pub(super) fn footer(
    surface: &mut Surface<'_>,
    letter: &Letter,
    page_index: usize,
    pages: usize,
) -> Result<(), RenderError> {
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
        surface,
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
        surface,
        &number,
        PAGE_WIDTH - RIGHT - number.width,
        footer_y,
        SMALL_SIZE,
        GREY,
        false,
    );
    surface.end_tagged();
    Ok(())
}

/// Draws one line of text; tagged as a span of real content, or (when
/// `tagged` is false) inside an artifact the caller opened.
pub(super) fn draw_line(
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

pub(super) fn draw_box(surface: &mut Surface<'_>, top: f32, height: f32) {
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

pub(super) fn draw_rule(surface: &mut Surface<'_>, y: f32) {
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
