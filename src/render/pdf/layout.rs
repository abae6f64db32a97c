//! Line breaking on real glyph widths, and the page flow of the letter body.
//!
//! Text is cut into words at ordinary spaces only. Spaces that must not break
//! (amounts, times, dates, postcodes and phone numbers, see
//! [`keep_together`], and every no-break space the Dutch helpers write) keep
//! their words together. A word is never split, unless it
//! is wider than a whole line. Blocks become [`Chunk`]s of lines; [`paginate`]
//! places them on pages with headings kept with what follows, and at least two
//! lines of a paragraph at the bottom and at the top of a page.

use super::fonts::{MissingGlyph, Weight, face};
use crate::render::keep_together::keep_together;

/// A stretch of text in one weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Regular or bold.
    pub weight: Weight,
    /// The text (no line breaks).
    pub text: String,
    /// Its x offset from the start of the line, in points.
    pub x: f32,
}

/// One line of text, ready to draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextLine {
    /// The segments, left to right.
    pub segments: Vec<Segment>,
    /// The width of the line, in points.
    pub width: f32,
}

impl TextLine {
    /// The text of the line.
    pub fn text(&self) -> String {
        self.segments.iter().map(|s| s.text.as_str()).collect()
    }
}

/// A word: pieces of text in one or more weights, with no breaking space inside.
#[derive(Debug, Clone, Default)]
struct Word {
    pieces: Vec<(Weight, String)>,
    /// A forced line break after this word.
    break_after: bool,
}

/// Text with its weights, as the renderer collects it from inlines.
#[derive(Debug, Clone, Default)]
pub struct StyledText {
    pieces: Vec<(Weight, String)>,
}

/// Marks a forced line break inside [`StyledText`].
const FORCED_BREAK: char = '\u{2028}';

impl StyledText {
    /// Adds text in a weight.
    pub fn push(&mut self, weight: Weight, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.pieces.last_mut() {
            Some((w, t)) if *w == weight => t.push_str(text),
            _ => self.pieces.push((weight, text.to_string())),
        }
    }

    /// Adds a forced line break.
    pub fn line_break(&mut self) {
        self.push(Weight::Regular, &FORCED_BREAK.to_string());
    }

    /// Whether there is no text.
    pub fn is_empty(&self) -> bool {
        self.pieces.iter().all(|(_, t)| t.trim().is_empty())
    }

    fn words(&self) -> Vec<Word> {
        let mut words = vec![Word::default()];
        for (weight, text) in &self.pieces {
            let text = keep_together(text);
            for c in text.chars() {
                match c {
                    ' ' | '\n' | '\t' | '\r' => {
                        if words.last().is_some_and(|w| !w.pieces.is_empty()) {
                            words.push(Word::default());
                        }
                    }
                    FORCED_BREAK => {
                        let last = words.last_mut().expect("one word at least");
                        last.break_after = true;
                        words.push(Word::default());
                    }
                    _ => {
                        let last = words.last_mut().expect("one word at least");
                        match last.pieces.last_mut() {
                            Some((w, t)) if w == weight => t.push(c),
                            _ => last.pieces.push((*weight, c.to_string())),
                        }
                    }
                }
            }
        }
        words.retain(|w| !w.pieces.is_empty() || w.break_after);
        words
    }
}

fn width_of(pieces: &[(Weight, String)], size: f32) -> Result<f32, MissingGlyph> {
    pieces.iter().map(|(w, t)| face(*w).width(t, size)).sum()
}

/// Breaks styled text into lines no wider than `width` points at `size` points.
pub fn break_lines(
    text: &StyledText,
    size: f32,
    width: f32,
) -> Result<Vec<TextLine>, MissingGlyph> {
    let space = face(Weight::Regular).width(" ", size)?;
    let mut lines = Vec::new();
    let mut line = TextLine::default();
    for word in text.words() {
        let mut pieces = word.pieces.clone();
        let mut word_width = width_of(&pieces, size)?;
        let gap = if line.segments.is_empty() { 0.0 } else { space };
        if !line.segments.is_empty() && line.width + gap + word_width > width {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than a whole line (a long web address) is cut at the margin.
        while word_width > width && line.segments.is_empty() {
            let (head, tail) = split_at_width(&pieces, size, width)?;
            append(&mut line, &head, size, 0.0)?;
            lines.push(std::mem::take(&mut line));
            pieces = tail;
            word_width = width_of(&pieces, size)?;
        }
        let gap = if line.segments.is_empty() { 0.0 } else { space };
        append(&mut line, &pieces, size, gap)?;
        if word.break_after {
            lines.push(std::mem::take(&mut line));
        }
    }
    if !line.segments.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

fn append(
    line: &mut TextLine,
    pieces: &[(Weight, String)],
    size: f32,
    gap: f32,
) -> Result<(), MissingGlyph> {
    let mut first = true;
    for (weight, text) in pieces {
        let lead = if first && gap > 0.0 { " " } else { "" };
        first = false;
        let piece_width = face(*weight).width(text, size)?;
        match line.segments.last_mut() {
            Some(last) if last.weight == *weight => {
                last.text.push_str(lead);
                last.text.push_str(text);
            }
            _ => {
                let x = line.width + if lead.is_empty() { 0.0 } else { gap };
                if !lead.is_empty()
                    && let Some(last) = line.segments.last_mut()
                {
                    // The space belongs to the run before, so text extraction keeps it.
                    last.text.push(' ');
                }
                line.segments.push(Segment {
                    weight: *weight,
                    text: text.clone(),
                    x,
                });
            }
        }
        let spacing = if lead.is_empty() { 0.0 } else { gap };
        line.width += spacing + piece_width;
    }
    Ok(())
}

type Pieces = Vec<(Weight, String)>;

fn split_at_width(
    pieces: &[(Weight, String)],
    size: f32,
    width: f32,
) -> Result<(Pieces, Pieces), MissingGlyph> {
    let mut head: Pieces = Vec::new();
    let mut tail: Pieces = Vec::new();
    let mut used = 0.0;
    let mut full = false;
    for (weight, text) in pieces {
        for c in text.chars() {
            let w = face(*weight).width(c.encode_utf8(&mut [0; 4]), size)?;
            let target = if !full && (used + w <= width || head.is_empty()) {
                used += w;
                &mut head
            } else {
                full = true;
                &mut tail
            };
            match target.last_mut() {
                Some((tw, tt)) if tw == weight => tt.push(c),
                _ => target.push((*weight, c.to_string())),
            }
        }
    }
    Ok((head, tail))
}

/// What a line on the page belongs to, for tagging: an index into the
/// renderer's structure nodes.
pub type NodeId = usize;

/// A drawing instruction, relative to the top of its line box.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// Text at x (from the left margin), baseline `baseline` below the line top.
    Text {
        /// The line.
        line: TextLine,
        /// Points from the left margin.
        x: f32,
        /// Points below the top of the line box.
        baseline: f32,
        /// Font size.
        size: f32,
        /// Colour.
        color: (u8, u8, u8),
        /// The structure node the text belongs to.
        node: NodeId,
    },
    /// A horizontal line across the text width, `y` points below the top of the line box.
    Rule {
        /// Points below the top of the line box.
        y: f32,
    },
}

/// One line box in the flow: its height and what is drawn in it.
#[derive(Debug, Clone, PartialEq)]
pub struct LineBox {
    /// Height in points.
    pub height: f32,
    /// What to draw.
    pub marks: Vec<Mark>,
}

/// A block of the body, as lines, with how it may be cut over pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    /// Space above, in points (dropped at the top of a page).
    pub space_before: f32,
    /// The lines.
    pub lines: Vec<LineBox>,
    /// Keep on one page (a box, a table row, a short list item).
    pub keep_together: bool,
    /// Keep on the page of the next chunk (a heading).
    pub keep_with_next: bool,
    /// Draw a box around the chunk (the "Waarom mag de gemeente dit?" part).
    pub boxed: bool,
    /// A heading: its outline title and level.
    pub outline: Option<(String, u8)>,
}

impl Chunk {
    fn height(&self) -> f32 {
        self.lines.iter().map(|l| l.height).sum()
    }

    fn first_lines(&self, n: usize) -> f32 {
        self.lines.iter().take(n).map(|l| l.height).sum()
    }
}

/// Where a line box landed.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// 0-based page.
    pub page: usize,
    /// Top of the line box, points from the top of the page.
    pub top: f32,
    /// The line.
    pub line: LineBox,
}

/// A box drawn around boxed chunks, per page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoxMark {
    /// 0-based page.
    pub page: usize,
    /// Top, points from the top of the page.
    pub top: f32,
    /// Height, points.
    pub height: f32,
}

/// An outline entry: title, level, page, top.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineMark {
    /// The heading text.
    pub title: String,
    /// Its level.
    pub level: u8,
    /// 0-based page.
    pub page: usize,
    /// Top, points from the top of the page.
    pub top: f32,
}

/// The body on pages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flow {
    /// Every line box, in reading order.
    pub lines: Vec<Placed>,
    /// Boxes.
    pub boxes: Vec<BoxMark>,
    /// Headings for the outline.
    pub outline: Vec<OutlineMark>,
    /// How many pages.
    pub pages: usize,
}

/// The vertical frame of the pages: where the body starts on page 1 and on
/// the others, and where it ends.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Top of the body on page 1.
    pub first_top: f32,
    /// Top of the body on page 2 and later.
    pub top: f32,
    /// Bottom of the body on every page.
    pub bottom: f32,
    /// Padding inside a box, top and bottom.
    pub box_padding: f32,
}

/// Places the chunks on pages.
pub fn paginate(chunks: &[Chunk], frame: Frame) -> Flow {
    let mut flow = Flow {
        pages: 1,
        ..Flow::default()
    };
    let mut page = 0;
    let mut y = frame.first_top;
    let page_top = |page: usize| {
        if page == 0 {
            frame.first_top
        } else {
            frame.top
        }
    };
    let new_page = |page: &mut usize, y: &mut f32, flow: &mut Flow| {
        *page += 1;
        *y = frame.top;
        flow.pages = flow.pages.max(*page + 1);
    };
    for (i, chunk) in chunks.iter().enumerate() {
        let padding = if chunk.boxed {
            frame.box_padding * 2.0
        } else {
            0.0
        };
        let at_top = (y - page_top(page)).abs() < 0.01;
        let after_box = i > 0 && chunks[i - 1].boxed;
        let before = if at_top {
            0.0
        } else {
            chunk.space_before + if after_box { frame.box_padding } else { 0.0 }
        };
        let mut needed = if chunk.keep_together {
            chunk.height() + padding
        } else {
            chunk.first_lines(2) + padding
        };
        if chunk.keep_with_next
            && let Some(next) = chunks.get(i + 1)
        {
            needed += next.space_before
                + if next.keep_together {
                    next.height()
                } else {
                    next.first_lines(2)
                };
        }
        let fits_on_empty_page = needed <= frame.bottom - frame.top;
        if y + before + needed > frame.bottom && !at_top && fits_on_empty_page {
            new_page(&mut page, &mut y, &mut flow);
        } else {
            y += before;
        }
        if let Some((title, level)) = &chunk.outline {
            flow.outline.push(OutlineMark {
                title: title.clone(),
                level: *level,
                page,
                top: y,
            });
        }
        let mut box_start = (page, y);
        if chunk.boxed {
            y += frame.box_padding;
        }
        let count = chunk.lines.len();
        for (index, line) in chunk.lines.iter().enumerate() {
            let remaining = count - index;
            let mut break_here = y + line.height > frame.bottom;
            // No widow: never leave one line for the next page when it can be avoided.
            if !break_here && remaining == 2 && index >= 2 && !chunk.keep_together {
                let last_two: f32 = chunk.lines[index..].iter().map(|l| l.height).sum();
                break_here = y + last_two > frame.bottom;
            }
            let at_page_top = (y - page_top(page)).abs() < 0.01;
            if break_here && !at_page_top {
                if chunk.boxed {
                    flow.boxes.push(BoxMark {
                        page: box_start.0,
                        top: box_start.1,
                        height: y - box_start.1 + frame.box_padding,
                    });
                }
                new_page(&mut page, &mut y, &mut flow);
                box_start = (page, y);
                if chunk.boxed {
                    y += frame.box_padding;
                }
            }
            flow.lines.push(Placed {
                page,
                top: y,
                line: line.clone(),
            });
            y += line.height;
        }
        if chunk.boxed {
            y += frame.box_padding;
            flow.boxes.push(BoxMark {
                page: box_start.0,
                top: box_start.1,
                height: y - box_start.1,
            });
        }
    }
    flow
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styled(text: &str) -> StyledText {
        let mut s = StyledText::default();
        s.push(Weight::Regular, text);
        s
    }

    #[test]
    fn lines_fit_and_words_stay_whole() {
        let text = "Wij betalen uw uitkering elke maand voor de 25e. Het bedrag is € 1.250,00 en u krijgt het op uw rekening. De afspraak is om 9.00 uur in 1234 AB Waalmonde, op 4 december 2026. Bel 0488 44 22 60.";
        for width in [100.0, 120.0, 160.0, 200.0, 250.0, 300.0] {
            let lines = break_lines(&styled(text), 11.0, width).unwrap();
            let words: Vec<String> = lines
                .iter()
                .flat_map(|l| l.text().split(' ').map(str::to_string).collect::<Vec<_>>())
                .collect();
            let expected: Vec<String> =
                keep_together(text).split(' ').map(str::to_string).collect();
            assert_eq!(words, expected, "width {width}");
            for line in &lines {
                assert!(line.width <= width + 0.01, "{} > {width}", line.width);
            }
            assert!(lines.iter().any(|l| l.text().contains("€\u{a0}1.250,00")));
            assert!(lines.iter().any(|l| l.text().contains("9.00\u{a0}uur")));
            assert!(lines.iter().any(|l| l.text().contains("1234\u{a0}AB")));
            assert!(
                lines
                    .iter()
                    .any(|l| l.text().contains("4\u{a0}december\u{a0}2026"))
            );
            assert!(
                lines
                    .iter()
                    .any(|l| l.text().contains("0488\u{a0}44\u{a0}22\u{a0}60"))
            );
        }
    }

    #[test]
    fn bold_runs_and_forced_breaks_are_kept() {
        let mut text = StyledText::default();
        text.push(Weight::Regular, "Met vriendelijke groet,");
        text.line_break();
        text.push(Weight::Bold, "Marieke de Boer");
        let lines = break_lines(&text, 11.0, 400.0).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].segments[0].weight, Weight::Bold);
        assert_eq!(lines[1].text(), "Marieke de Boer");
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_at_the_margin() {
        let lines = break_lines(
            &styled("https://www.waalmonde.nl/werk-en-inkomen/bijstand/aanvragen"),
            11.0,
            100.0,
        )
        .unwrap();
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width <= 100.01));
    }

    fn chunk(lines: usize, keep_with_next: bool) -> Chunk {
        Chunk {
            space_before: 6.0,
            lines: vec![
                LineBox {
                    height: 15.0,
                    marks: Vec::new(),
                };
                lines
            ],
            keep_together: false,
            keep_with_next,
            boxed: false,
            outline: None,
        }
    }

    #[test]
    fn headings_stay_with_their_paragraph_and_no_line_is_left_alone() {
        let frame = Frame {
            first_top: 0.0,
            top: 0.0,
            bottom: 100.0,
            box_padding: 4.0,
        };
        // 5 lines fill 75 points; a heading there would be alone at the bottom.
        let flow = paginate(&[chunk(5, false), chunk(1, true), chunk(3, false)], frame);
        let heading = &flow.lines[5];
        assert_eq!(heading.page, 1, "the heading moves to the next page");
        // A paragraph of 7 lines on 6 lines of space: two go over, not one.
        let flow = paginate(
            &[chunk(7, false)],
            Frame {
                bottom: 90.0,
                ..frame
            },
        );
        let on_second = flow.lines.iter().filter(|l| l.page == 1).count();
        assert_eq!(on_second, 2);
        assert_eq!(flow.pages, 2);
    }
}
