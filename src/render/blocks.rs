//! Step 4a: the Markdown a template rendered → the blocks of a [`Letter`](super::Letter).
//!
//! Parsed with the one parser setup of [`crate::markdown`], so the letter's
//! paragraphs are the ones the linter sees.

use super::{Block, Inline};
use crate::lint::LineIndex;
use crate::markdown::parser;
use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

/// Why rendered Markdown cannot become a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownError {
    /// The 1-based line in the rendered Markdown.
    pub line: usize,
    /// What is wrong and how to fix it, in Dutch.
    pub message: String,
}

enum Container {
    Root,
    Item,
    Aside,
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        in_head: bool,
    },
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
}

struct Frame {
    container: Container,
    blocks: Vec<Block>,
}

enum InlineKind {
    Paragraph,
    Cell,
    Heading(u8),
    Strong,
    Emphasis,
    Link(String),
}

/// Parses a rendered letter body into blocks.
pub fn parse_blocks(markdown: &str) -> Result<Vec<Block>, MarkdownError> {
    let mut frames = vec![Frame {
        container: Container::Root,
        blocks: Vec::new(),
    }];
    let mut inlines: Vec<(InlineKind, Vec<Inline>)> = Vec::new();
    let refuse = |offset: usize, message: &str| MarkdownError {
        line: LineIndex::new(markdown).line(offset),
        message: message.to_string(),
    };

    for (event, range) in parser(markdown).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => inlines.push((InlineKind::Paragraph, Vec::new())),
                Tag::Heading { level, .. } => {
                    inlines.push((InlineKind::Heading(heading_level(level)), Vec::new()))
                }
                Tag::Strong => inlines.push((InlineKind::Strong, Vec::new())),
                Tag::Emphasis => inlines.push((InlineKind::Emphasis, Vec::new())),
                Tag::Link { dest_url, .. } => {
                    if !is_allowed_url(&dest_url) {
                        return Err(refuse(
                            range.start,
                            "deze link is niet toegestaan; gebruik een adres dat begint met https://, mailto: of tel:",
                        ));
                    }
                    inlines.push((InlineKind::Link(dest_url.to_string()), Vec::new()));
                }
                Tag::List(start) => {
                    close_implicit_paragraph(&mut inlines, &mut frames);
                    frames.push(Frame {
                        container: Container::List {
                            ordered: start.is_some(),
                            start: start.unwrap_or(1),
                            items: Vec::new(),
                        },
                        blocks: Vec::new(),
                    });
                }
                Tag::Item => frames.push(Frame {
                    container: Container::Item,
                    blocks: Vec::new(),
                }),
                Tag::BlockQuote(_) => {
                    close_implicit_paragraph(&mut inlines, &mut frames);
                    frames.push(Frame {
                        container: Container::Aside,
                        blocks: Vec::new(),
                    });
                }
                Tag::Table(_) => frames.push(Frame {
                    container: Container::Table {
                        head: Vec::new(),
                        rows: Vec::new(),
                        in_head: false,
                    },
                    blocks: Vec::new(),
                }),
                Tag::TableHead => {
                    if let Some(Frame {
                        container: Container::Table { in_head, .. },
                        ..
                    }) = frames.last_mut()
                    {
                        *in_head = true;
                    }
                }
                Tag::TableRow => {
                    if let Some(Frame {
                        container: Container::Table { rows, .. },
                        ..
                    }) = frames.last_mut()
                    {
                        rows.push(Vec::new());
                    }
                }
                Tag::TableCell => inlines.push((InlineKind::Cell, Vec::new())),
                Tag::CodeBlock(_) => {
                    return Err(refuse(
                        range.start,
                        "hier staat een codeblok; dat komt vaak door vier spaties aan het begin van een regel. Haal de spaties weg",
                    ));
                }
                Tag::Image { .. } => {
                    return Err(refuse(
                        range.start,
                        "afbeeldingen zijn niet toegestaan in een brief",
                    ));
                }
                Tag::HtmlBlock => {
                    return Err(refuse(range.start, "HTML is niet toegestaan in een brief"));
                }
                _ => {
                    return Err(refuse(
                        range.start,
                        "deze opmaak kan niet in een brief; gebruik kopjes, alinea's, lijsten, vet en cursief",
                    ));
                }
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Heading(_) => {
                    if let Some((kind, content)) = inlines.pop() {
                        let block = match kind {
                            InlineKind::Heading(level) => Block::Heading { level, content },
                            _ => Block::Paragraph(content),
                        };
                        push_block(&mut frames, block);
                    }
                }
                TagEnd::Strong | TagEnd::Emphasis | TagEnd::Link => {
                    if let Some((kind, content)) = inlines.pop() {
                        let inline = match kind {
                            InlineKind::Strong => Inline::Strong(content),
                            InlineKind::Link(url) => Inline::Link { url, content },
                            _ => Inline::Emphasis(content),
                        };
                        push_inline(&mut inlines, inline);
                    }
                }
                TagEnd::Item => {
                    close_implicit_paragraph(&mut inlines, &mut frames);
                    let item = frames.pop().map(|f| f.blocks).unwrap_or_default();
                    if let Some(Frame {
                        container: Container::List { items, .. },
                        ..
                    }) = frames.last_mut()
                    {
                        items.push(item);
                    }
                }
                TagEnd::List(_) => {
                    if let Some(Frame {
                        container:
                            Container::List {
                                ordered,
                                start,
                                items,
                            },
                        ..
                    }) = frames.pop()
                    {
                        push_block(
                            &mut frames,
                            Block::List {
                                ordered,
                                start,
                                items,
                            },
                        );
                    }
                }
                TagEnd::TableCell => {
                    let content = inlines.pop().map(|(_, c)| c).unwrap_or_default();
                    if let Some(Frame {
                        container:
                            Container::Table {
                                head,
                                rows,
                                in_head,
                            },
                        ..
                    }) = frames.last_mut()
                    {
                        match (in_head, rows.last_mut()) {
                            (true, _) => head.push(content),
                            (false, Some(row)) => row.push(content),
                            (false, None) => rows.push(vec![content]),
                        }
                    }
                }
                TagEnd::TableHead => {
                    if let Some(Frame {
                        container: Container::Table { in_head, .. },
                        ..
                    }) = frames.last_mut()
                    {
                        *in_head = false;
                    }
                }
                TagEnd::Table => {
                    if let Some(Frame {
                        container: Container::Table { head, rows, .. },
                        ..
                    }) = frames.pop()
                    {
                        push_block(&mut frames, Block::Table { head, rows });
                    }
                }
                TagEnd::BlockQuote(_) => {
                    close_implicit_paragraph(&mut inlines, &mut frames);
                    if let Some(frame) = frames.pop() {
                        push_block(&mut frames, Block::Aside(frame.blocks));
                    }
                }
                _ => {}
            },
            Event::Text(text) | Event::Code(text) => {
                push_inline(&mut inlines, Inline::Text(text.to_string()))
            }
            Event::SoftBreak => push_inline(&mut inlines, Inline::Text(" ".to_string())),
            Event::HardBreak => push_inline(&mut inlines, Inline::LineBreak),
            Event::Rule => push_block(&mut frames, Block::Rule),
            Event::Html(_) | Event::InlineHtml(_) => {
                return Err(refuse(range.start, "HTML is niet toegestaan in een brief"));
            }
            _ => return Err(refuse(range.start, "deze opmaak kan niet in een brief")),
        }
    }
    let root = frames
        .into_iter()
        .next()
        .map(|f| f.blocks)
        .unwrap_or_default();
    Ok(root.into_iter().map(merge_text).collect())
}

/// Parses one line of Markdown (a subject) into plain text.
pub fn inline_text(markdown: &str) -> String {
    let mut text = String::new();
    for event in parser(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn is_allowed_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

fn push_block(frames: &mut [Frame], block: Block) {
    if let Some(frame) = frames.last_mut() {
        frame.blocks.push(block);
    }
}

/// Text directly inside a tight list item has no paragraph of its own: open one.
fn push_inline(inlines: &mut Vec<(InlineKind, Vec<Inline>)>, inline: Inline) {
    if inlines.is_empty() {
        inlines.push((InlineKind::Paragraph, Vec::new()));
    }
    if let Some((_, content)) = inlines.last_mut() {
        content.push(inline);
    }
}

fn close_implicit_paragraph(inlines: &mut Vec<(InlineKind, Vec<Inline>)>, frames: &mut [Frame]) {
    if inlines.len() == 1 && matches!(inlines[0].0, InlineKind::Paragraph) && frames.len() > 1 {
        if let Some((_, content)) = inlines.pop() {
            push_block(frames, Block::Paragraph(content));
        }
    }
}

/// Joins neighbouring text pieces, so "Jansen" and "](x)" from an escape are one text.
fn merge_text(block: Block) -> Block {
    match block {
        Block::Heading { level, content } => Block::Heading {
            level,
            content: merge_inlines(content),
        },
        Block::Paragraph(content) => Block::Paragraph(merge_inlines(content)),
        Block::List {
            ordered,
            start,
            items,
        } => Block::List {
            ordered,
            start,
            items: items
                .into_iter()
                .map(|item| item.into_iter().map(merge_text).collect())
                .collect(),
        },
        Block::Aside(blocks) => Block::Aside(blocks.into_iter().map(merge_text).collect()),
        Block::Table { head, rows } => Block::Table {
            head: head.into_iter().map(merge_inlines).collect(),
            rows: rows
                .into_iter()
                .map(|row| row.into_iter().map(merge_inlines).collect())
                .collect(),
        },
        Block::Rule => Block::Rule,
    }
}

fn merge_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut merged: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        let inline = match inline {
            Inline::Strong(c) => Inline::Strong(merge_inlines(c)),
            Inline::Emphasis(c) => Inline::Emphasis(merge_inlines(c)),
            Inline::Link { url, content } => Inline::Link {
                url,
                content: merge_inlines(content),
            },
            other => other,
        };
        match (merged.last_mut(), inline) {
            (Some(Inline::Text(previous)), Inline::Text(next)) => previous.push_str(&next),
            (_, inline) => merged.push(inline),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    #[test]
    fn paragraphs_headings_lists_and_asides() {
        let blocks = parse_blocks("## Wat moet u doen?\n\nStuur dit **voor 1 december**.\n\n- loonstrook\n- huurcontract\n\n> Waarom mag de gemeente dit?\n").unwrap();
        assert_eq!(
            blocks,
            vec![
                Block::Heading {
                    level: 2,
                    content: vec![text("Wat moet u doen?")]
                },
                Block::Paragraph(vec![
                    text("Stuur dit "),
                    Inline::Strong(vec![text("voor 1 december")]),
                    text(".")
                ]),
                Block::List {
                    ordered: false,
                    start: 1,
                    items: vec![
                        vec![Block::Paragraph(vec![text("loonstrook")])],
                        vec![Block::Paragraph(vec![text("huurcontract")])]
                    ],
                },
                Block::Aside(vec![Block::Paragraph(vec![text(
                    "Waarom mag de gemeente dit?"
                )])]),
            ]
        );
    }

    #[test]
    fn escaped_markup_stays_text() {
        let blocks =
            parse_blocks("Beste Jansen\\](https://phish.example) \\<script\\> \\*\\*vet\\*\\*")
                .unwrap();
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![text(
                "Beste Jansen](https://phish.example) <script> **vet**"
            )])]
        );
    }

    #[test]
    fn html_code_blocks_images_and_bad_links_are_refused() {
        assert!(
            parse_blocks("tekst\n\n<div>x</div>\n")
                .unwrap_err()
                .message
                .contains("HTML")
        );
        assert_eq!(parse_blocks("a\n\n    ingesprongen\n").unwrap_err().line, 3);
        assert!(
            parse_blocks("![x](y.png)")
                .unwrap_err()
                .message
                .contains("afbeeldingen")
        );
        assert!(
            parse_blocks("[klik](javascript:alert(1))")
                .unwrap_err()
                .message
                .contains("link")
        );
        assert!(parse_blocks("[site](https://www.waalmonde.nl)").is_ok());
    }

    #[test]
    fn tables_keep_head_and_rows() {
        let blocks = parse_blocks(
            "| Wat | Bedrag |\n|---|---:|\n| Bijstand | € 1.398,74 |\n| Huur | € 612,00 |\n",
        )
        .unwrap();
        assert_eq!(
            blocks,
            vec![Block::Table {
                head: vec![vec![text("Wat")], vec![text("Bedrag")]],
                rows: vec![
                    vec![vec![text("Bijstand")], vec![text("€ 1.398,74")]],
                    vec![vec![text("Huur")], vec![text("€ 612,00")]]
                ],
            }]
        );
    }

    #[test]
    fn subject_becomes_plain_text() {
        assert_eq!(
            inline_text("Uw uitkering voor **december** \\*"),
            "Uw uitkering voor december *"
        );
    }
}
