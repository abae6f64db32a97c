//! The letter's font: Noto Sans (SIL Open Font License 1.1, `fonts/OFL.txt`),
//! regular and bold, compiled into the binary so a letter looks the same on
//! every machine.
//!
//! Noto Sans covers every Latin, Greek and Cyrillic letter a name in the case
//! system can have. helder measures text with the font's own advance widths
//! (no kerning), and draws exactly the glyphs it measured, so a line never runs
//! past the margin. A character the font does not have is an error that names
//! it, never a blank box.

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use std::sync::OnceLock;

static REGULAR: &[u8] = include_bytes!("../../../fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../fonts/NotoSans-Bold.ttf");

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    /// Body text.
    Regular,
    /// Headings, the subject, at most one action.
    Bold,
}

/// One face: the krilla font to draw with, and its metrics to measure with.
pub struct Face {
    /// The font for krilla.
    pub font: Font,
    /// Advance of each glyph, in em.
    advances: Vec<f32>,
    /// Glyph of each character in Latin-1 and Latin Extended-A (the fast path).
    common: Vec<Option<u16>>,
    data: &'static [u8],
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face")
            .field("glyphs", &self.advances.len())
            .finish()
    }
}

/// A character the font cannot draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph(pub char);

impl Face {
    fn load(data: &'static [u8]) -> Face {
        let font_ref = skrifa::FontRef::new(data).expect("the vendored font is a valid font");
        let upem = f32::from(font_ref.head().map_or(1000, |h| h.units_per_em()));
        let metrics = font_ref.glyph_metrics(Size::unscaled(), LocationRef::default());
        let count = font_ref.maxp().map_or(0, |m| m.num_glyphs());
        let advances = (0..count)
            .map(|g| {
                metrics
                    .advance_width(skrifa::GlyphId::new(u32::from(g)))
                    .unwrap_or(0.0)
                    / upem
            })
            .collect();
        let charmap = font_ref.charmap();
        let common = (0u32..0x180)
            .map(|c| charmap.map(c).and_then(|g| u16::try_from(g.to_u32()).ok()))
            .collect();
        let font = Font::new(data.into(), 0).expect("krilla reads the vendored font");
        Face {
            font,
            advances,
            common,
            data,
        }
    }

    fn glyph(&self, c: char) -> Option<u32> {
        let code = c as u32;
        if let Some(slot) = self.common.get(code as usize) {
            return slot.map(u32::from);
        }
        let font_ref = skrifa::FontRef::new(self.data).ok()?;
        font_ref.charmap().map(c).map(|g| g.to_u32())
    }

    /// The glyphs of `text`, one a character, with their advances in em.
    /// A line break or tab is drawn as a space.
    pub fn shape(&self, text: &str) -> Result<Vec<KrillaGlyph>, MissingGlyph> {
        let mut glyphs = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            let shown = if matches!(c, '\n' | '\t' | '\r') {
                ' '
            } else {
                c
            };
            let id = self.glyph(shown).ok_or(MissingGlyph(c))?;
            glyphs.push(KrillaGlyph {
                glyph_id: GlyphId::new(id),
                text_range: i..i + c.len_utf8(),
                x_advance: self.advances.get(id as usize).copied().unwrap_or(0.0),
                x_offset: 0.0,
                y_offset: 0.0,
                y_advance: 0.0,
                location: None,
            });
        }
        Ok(glyphs)
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> Result<f32, MissingGlyph> {
        let mut em = 0.0;
        for c in text.chars() {
            let id = self.glyph(c).ok_or(MissingGlyph(c))?;
            em += self.advances.get(id as usize).copied().unwrap_or(0.0);
        }
        Ok(em * size)
    }
}

/// The two faces, loaded once per process.
pub fn face(weight: Weight) -> &'static Face {
    static FACES: OnceLock<(Face, Face)> = OnceLock::new();
    let (regular, bold) = FACES.get_or_init(|| (Face::load(REGULAR), Face::load(BOLD)));
    match weight {
        Weight::Regular => regular,
        Weight::Bold => bold,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_and_foreign_names_are_covered_and_a_missing_character_is_named() {
        let face = face(Weight::Regular);
        for text in [
            "é ë ï ö ü € ½ – ‘’ “”",
            "Łukasz Wójcik",
            "Şükrü Öztürk",
            "Ёлка",
        ] {
            assert!(face.width(text, 11.0).is_ok(), "{text}");
        }
        assert_eq!(face.shape("ok 😀").unwrap_err(), MissingGlyph('😀'));
    }

    #[test]
    fn widths_add_up_and_bold_is_wider() {
        let regular = face(Weight::Regular);
        let a = regular.width("Beste ", 11.0).unwrap();
        let b = regular.width("mevrouw", 11.0).unwrap();
        let whole = regular.width("Beste mevrouw", 11.0).unwrap();
        assert!((a + b - whole).abs() < 0.001);
        assert!(face(Weight::Bold).width("Beste mevrouw", 11.0).unwrap() > whole);
    }
}
