//! A page of HTML as a browser reads it (scraper, on html5ever), so a test
//! says what it means: "there is no script element", "the draft mark is a
//! note", "the letter says 3 december 2026", not how the markup happens to be
//! spelled (entities, a non-breaking space, the order of attributes).

use scraper::{ElementRef, Html, Selector};

/// A parsed HTML page.
pub(crate) struct Page(Html);

impl Page {
    /// Parses a whole page (a letter, a page of `helder serve`).
    pub(crate) fn parse(html: &str) -> Page {
        Page(Html::parse_document(html))
    }

    /// Every element that matches a CSS selector.
    #[track_caller]
    pub(crate) fn select(&self, css: &str) -> Vec<ElementRef<'_>> {
        let selector =
            Selector::parse(css).unwrap_or_else(|e| panic!("a valid selector {css:?}: {e:?}"));
        self.0.select(&selector).collect()
    }

    /// Whether any element matches.
    #[track_caller]
    pub(crate) fn has(&self, css: &str) -> bool {
        !self.select(css).is_empty()
    }

    /// The text of each matching element, as a reader sees it.
    #[track_caller]
    pub(crate) fn texts(&self, css: &str) -> Vec<String> {
        self.select(css).into_iter().map(text_of).collect()
    }

    /// An attribute of each matching element that has it.
    #[track_caller]
    pub(crate) fn attrs(&self, css: &str, name: &str) -> Vec<String> {
        self.select(css)
            .into_iter()
            .filter_map(|e| e.value().attr(name).map(str::to_string))
            .collect()
    }

    /// The text of the page's body, as a reader sees it: whitespace (also a
    /// non-breaking space) as one space. Text nodes are joined as they are
    /// written, so blocks need whitespace between them, as helder's pages have.
    pub(crate) fn text(&self) -> String {
        self.texts("body").join(" ")
    }

    /// Whether the page starts with `<!DOCTYPE html>`, so a browser reads it
    /// in standards mode.
    pub(crate) fn is_standards_mode(&self) -> bool {
        let starts_with_doctype = self
            .0
            .tree
            .root()
            .first_child()
            .and_then(|node| node.value().as_doctype().map(|d| d.name() == "html"))
            .unwrap_or(false);
        starts_with_doctype && format!("{:?}", self.0.quirks_mode) == "NoQuirks"
    }
}

/// The text of an element, whitespace and non-breaking spaces as one space.
fn text_of(element: ElementRef<'_>) -> String {
    element
        .text()
        .collect::<String>()
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_page_reads_as_a_browser_reads_it() {
    let page = Page::parse(
        "<!DOCTYPE html>\n<html lang=\"nl\"><body><p class=\"a\" id=\"x\">3&nbsp;december &amp;\n  <b>meer</b></p>\n<a href=\"/b\">b</a></body></html>",
    );
    assert!(page.is_standards_mode());
    assert_eq!(page.texts("p.a"), vec!["3 december & meer"]);
    assert_eq!(page.attrs("a", "href"), vec!["/b"]);
    assert!(page.has("#x") && !page.has("script"));
    assert_eq!(page.text(), "3 december & meer b");
    assert!(!Page::parse("<html><body></body></html>").is_standards_mode());
}
