//! ## What it flags
//! A letter that asks for papers (`documents_requested`) without saying where to send them — by post to the papers address (`municipality.papers_address`) and online (`municipality.upload_page`) — or by when (`deadlines`).
//!
//! ## Why it matters to the reader
//! "Stuur de papieren op" leaves the reader to find an address, and papers sent to the wrong place or too late can cost them their benefit. Two ways to send, and one date, make it doable.
//!
//! ## Example
//! See `BAD` with its facts: no address, no page, no date.
//!
//! ## Use instead
//! See `GOOD`: "Stuur de papieren uiterlijk op maandag 7 december 2026 naar Postbus 4120, 6500 AB Waalmonde. Of zet ze op www.waalmonde.nl/papieren."
//!
//! ## Options
//! Checks rendered letters whose event carries `documents_requested`.

use super::shown::{Shown, anchor, facts, missing};
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\n## Wat vragen we van u?\n\n- Uw huurcontract\n\nStuur de papieren op.";
const GOOD: &str = "Beste mevrouw Bakker,\n\n## Wat vragen we van u?\n\n- Uw huurcontract\n\nStuur de papieren uiterlijk op maandag 7 december 2026 naar Postbus 4120, 6500 AB Waalmonde. Of zet ze op www.waalmonde.nl/papieren.";
const FACTS: &str = r#"{"event_type": "information_requested", "settings": {"papers_address": "Postbus 4120, 6500 AB Waalmonde", "upload_page": "www.waalmonde.nl/papieren"}, "data": {"documents_requested": ["Uw huurcontract"], "deadlines": [{"label": "Papieren sturen", "date": "2026-12-07"}]}}"#;

/// Papers asked for without where to send them or by when.
pub(crate) struct RequestWithoutWhere;

impl Rule for RequestWithoutWhere {
    fn id(&self) -> &'static str {
        "request-without-where"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "De brief vraagt papieren (documents_requested), maar zegt niet waar ze heen moeten: per post naar het adres voor papieren (municipality.papers_address) en online (municipality.upload_page); of niet wanneer (deadlines).",
            why: "\"Stuur de papieren op\" laat de lezer zelf een adres zoeken. Papieren die verkeerd of te laat aankomen, kunnen iemand de uitkering kosten. Twee manieren om te sturen, en één datum, maken het te doen.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn example_facts(&self) -> Option<ExampleFacts> {
        Some(ExampleFacts {
            bad: FACTS,
            good: FACTS,
        })
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let Some(facts) = facts(doc) else { return };
        if facts.texts("documents_requested").is_empty() {
            return;
        }
        let shown = Shown::of(doc);
        let mut lacking = Vec::new();
        match facts.settings.papers_address.as_deref() {
            Some(address) if shown.has(address) => {}
            _ => lacking.push("het postadres voor papieren (municipality.papers_address)"),
        }
        match facts.settings.upload_page.as_deref() {
            Some(page) if shown.has(page) => {}
            _ => lacking.push("de pagina om papieren online te sturen (municipality.upload_page)"),
        }
        let deadline = facts
            .items("deadlines")
            .first()
            .and_then(|d| d.get("date"))
            .and_then(|d| d.as_str())
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        if deadline.is_none_or(|d| !shown.has_date(d)) {
            lacking.push("de datum waarop de papieren er moeten zijn (deadlines)");
        }
        if lacking.is_empty() {
            return;
        }
        out.push(missing(
            self.id(),
            anchor(doc, &["vragen", "sturen", "doen"]),
            format!("De brief vraagt papieren, maar noemt niet: {}.", lacking.join("; ")),
            "Zeg waar en wanneer: \"Stuur de papieren uiterlijk op {{ deadlines[0].date | date(weekday=true) }} naar {{ municipality.papers_address }}. Of zet ze op {{ municipality.upload_page }}.\"".to_string(),
        ));
    }
}
