//! The call page of `helder serve` (`/tasks`): the open call-first tasks of a
//! batch folder, for a team with hundreds of calls.
//!
//! One compact row per task, "niet bereikt" first and then the earliest
//! deadline, that opens into the card with the form to record the call.
//! Filters: the contact person (remembered in a cookie, so a contact person
//! sees their own calls), overdue, "niet bereikt", the event type, and a search
//! on the case id; each filter shows how many tasks it would leave. Fifty rows
//! a page. Everything is server-side HTML; every value is escaped.

use super::contact_form;
use crate::dutch::plural;
use crate::event::EventType;
use crate::render::html::esc;
use crate::task::{CallFirstTask, TaskStatus};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// Rows on one page.
pub const PAGE_SIZE: usize = 50;

/// The cookie that remembers the chosen contact person.
pub const CONTACT_COOKIE: &str = "helder-contactpersoon";

/// The extra styles of the call page.
pub const STYLE: &str = r#"
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin-bottom: .75rem; }
.filters label { display: block; font-weight: 600; font-size: .95rem; }
.filters select, .filters input[type=search] { font: inherit; padding: .3rem .4rem; min-width: 12rem; }
.quick { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.quick a { display: inline-block; padding: .3rem .8rem; border: 1px solid var(--blue); border-radius: 1rem; text-decoration: none; }
.quick a[aria-current] { background: var(--blue); color: #fff; }
details.call { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin-bottom: .4rem; }
details.call > summary { cursor: pointer; padding: .45rem .75rem .45rem 1.75rem; display: grid; grid-template-columns: 13rem minmax(8rem, 2fr) minmax(8rem, 2fr) 8rem minmax(6rem, 1fr); gap: .25rem .75rem; align-items: baseline; position: relative; list-style: none; }
details.call > summary::-webkit-details-marker { display: none; }
details.call > summary::before { content: "▸"; position: absolute; left: .6rem; color: var(--blue); }
details.call[open] > summary::before { content: "▾"; }
details.call > summary .when, details.call > summary .case { white-space: nowrap; }
details.call > summary .who { font-weight: 700; }
details.call[open] > summary { border-bottom: 1px solid var(--line); background: #f7f8fa; }
details.call .card { padding: .75rem 1rem 1rem; }
@media (max-width: 50rem) { details.call > summary { grid-template-columns: 1fr; } }
.tag { display: inline-block; padding: 0 .45rem; border-radius: .3rem; font-size: .85rem; font-weight: 700; margin-right: .25rem; }
.tag.late { background: #fbe9ea; color: var(--error); border: 1px solid var(--error); }
.tag.unreached { background: #fff4d6; color: var(--warning); border: 1px solid var(--warning); }
.pages { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
.task dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 .75rem; }
.task dt { color: var(--muted); }
.choice label { display: block; margin: .2rem 0; }
.outcome { font-size: 1.15rem; font-weight: 700; border-left: 6px solid var(--blue); padding: .5rem .9rem; background: #e8eef7; }
.outcome.none { border-color: #2e7d32; background: #e7f4e8; }
.problem { border-left: 6px solid var(--error); padding: .5rem .9rem; background: #fbe9ea; }
"#;

/// What the list shows: the filters from the address (and the remembered contact person).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this contact person's tasks (matched without regard to case).
    pub contact: Option<String>,
    /// Only tasks whose call deadline has passed.
    pub overdue: bool,
    /// Only tasks nobody was reached for, waiting for a decision.
    pub unreached: bool,
    /// Only this event type.
    pub event_type: Option<EventType>,
    /// Part of a case id.
    pub case: String,
    /// The page, from 1.
    pub page: usize,
}

impl Filter {
    /// The filter of a request: its query, and the remembered contact person
    /// when the query does not choose one (`contact=` chooses "everyone").
    pub fn from_query(query: &HashMap<String, String>, remembered: Option<&str>) -> Filter {
        let contact = match query.get("contact") {
            Some(chosen) => chosen.trim().to_string(),
            None => remembered.unwrap_or_default().trim().to_string(),
        };
        Filter {
            contact: (!contact.is_empty()).then_some(contact),
            overdue: query.get("te-laat").is_some_and(|v| v == "1"),
            unreached: query.get("niet-bereikt").is_some_and(|v| v == "1"),
            event_type: query
                .get("soort")
                .and_then(|name| EventType::from_name(name)),
            case: query
                .get("zaak")
                .map(|z| z.trim().to_string())
                .unwrap_or_default(),
            page: query
                .get("pagina")
                .and_then(|p| p.parse().ok())
                .unwrap_or(1)
                .max(1),
        }
    }

    /// The address of the list with this filter (always naming the contact
    /// person, so a link never falls back on the cookie by surprise).
    pub fn href(&self) -> String {
        let mut parts = vec![format!(
            "contact={}",
            super::url_encode(self.contact.as_deref().unwrap_or_default())
        )];
        if self.overdue {
            parts.push("te-laat=1".to_string());
        }
        if self.unreached {
            parts.push("niet-bereikt=1".to_string());
        }
        if let Some(t) = self.event_type {
            parts.push(format!("soort={}", t.as_str()));
        }
        if !self.case.is_empty() {
            parts.push(format!("zaak={}", super::url_encode(&self.case)));
        }
        if self.page > 1 {
            parts.push(format!("pagina={}", self.page));
        }
        format!("/tasks?{}", parts.join("&"))
    }

    fn with(&self, change: impl FnOnce(&mut Filter)) -> Filter {
        let mut next = self.clone();
        next.page = 1;
        change(&mut next);
        next
    }
}

/// Which of the filter's parts a task passes.
struct Passes {
    contact: bool,
    overdue: bool,
    unreached: bool,
    event_type: bool,
    case: bool,
}

impl Passes {
    fn new(task: &CallFirstTask, filter: &Filter, today: NaiveDate) -> Passes {
        Passes {
            contact: filter
                .contact
                .as_deref()
                .is_none_or(|c| task.is_for_contact_person(c)),
            overdue: !filter.overdue || task.is_overdue(today),
            unreached: !filter.unreached || task.status == TaskStatus::Unreached,
            event_type: filter.event_type.is_none_or(|t| task.event_type == t),
            case: filter.case.is_empty()
                || task
                    .case_id
                    .to_lowercase()
                    .contains(&filter.case.to_lowercase()),
        }
    }

    fn all(&self) -> bool {
        self.contact && self.overdue && self.unreached && self.event_type && self.case
    }
}

/// Whether two names are the same person's, without regard to case or extra spaces.
pub fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// The tasks a filter shows, and how many each choice would show.
#[derive(Debug, Default)]
pub struct Selection<'a> {
    /// The matching tasks, in the list's order.
    pub matching: Vec<&'a CallFirstTask>,
    /// Per contact person (as written in the tasks), with the other filters applied.
    pub by_contact: BTreeMap<String, usize>,
    /// Per event type, with the other filters applied.
    pub by_type: BTreeMap<EventType, usize>,
    /// Overdue tasks, with the other filters applied.
    pub overdue: usize,
    /// "Niet bereikt" tasks, with the other filters applied.
    pub unreached: usize,
    /// Tasks with every filter but overdue and "niet bereikt".
    pub without_quick: usize,
}

/// Applies a filter; `tasks` are in the list's order already.
pub fn select<'a>(tasks: &'a [CallFirstTask], filter: &Filter, today: NaiveDate) -> Selection<'a> {
    let mut selection = Selection::default();
    for task in tasks {
        let p = Passes::new(task, filter, today);
        if p.overdue && p.unreached && p.event_type && p.case {
            *selection
                .by_contact
                .entry(task.contact_person.name.clone())
                .or_default() += 1;
        }
        if p.contact && p.overdue && p.unreached && p.case {
            *selection.by_type.entry(task.event_type).or_default() += 1;
        }
        if p.contact && p.event_type && p.case {
            selection.without_quick += 1;
            if task.is_overdue(today) && p.unreached {
                selection.overdue += 1;
            }
            if task.status == TaskStatus::Unreached && p.overdue {
                selection.unreached += 1;
            }
        }
        if p.all() {
            selection.matching.push(task);
        }
    }
    selection
}

/// The call page.
pub fn page(
    tasks: &[CallFirstTask],
    filter: &Filter,
    today: NaiveDate,
    token: &str,
    notice: Option<&str>,
) -> String {
    let selection = select(tasks, filter, today);
    let mut body = String::from("<h1>Mensen om te bellen</h1>\n");
    if let Some(notice) = notice {
        body.push_str(&format!(
            "<p class=\"notice\" role=\"status\">{}</p>\n",
            esc(notice)
        ));
    }
    body.push_str(&filters(filter, &selection));
    let total = selection.matching.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let current = filter.page.min(pages);
    if total == 0 {
        body.push_str(if tasks.is_empty() {
            "<p>Er staat niemand op de lijst. Goed werk.</p>\n"
        } else {
            "<p>Geen taken met deze keuze. Kies een andere contactpersoon of haal een filter weg.</p>\n"
        });
    } else {
        let of_all = if total < tasks.len() {
            format!(" van de {} in deze map", tasks.len())
        } else {
            String::new()
        };
        body.push_str(&format!(
            "<p id=\"aantal\">{total} open {}{of_all}{}. Niet bereikt eerst, dan de vroegste datum. Klik op een regel om de kaart te openen.</p>\n",
            plural(total, "taak", "taken"),
            if pages > 1 {
                format!(", pagina {current} van {pages}")
            } else {
                String::new()
            }
        ));
    }
    let start = (current - 1) * PAGE_SIZE;
    for (n, task) in selection
        .matching
        .iter()
        .enumerate()
        .skip(start)
        .take(PAGE_SIZE)
    {
        body.push_str(&row(task, n, today, token));
    }
    if pages > 1 {
        body.push_str("<nav class=\"pages\" aria-label=\"Pagina's\">");
        if current > 1 {
            let previous = Filter {
                page: current - 1,
                ..filter.clone()
            };
            body.push_str(&format!(
                "<a href=\"{}\" rel=\"prev\">Vorige 50</a>",
                esc(&previous.href())
            ));
        }
        body.push_str(&format!("<span>Pagina {current} van {pages}</span>"));
        if current < pages {
            let next = Filter {
                page: current + 1,
                ..filter.clone()
            };
            body.push_str(&format!(
                "<a href=\"{}\" rel=\"next\">Volgende 50</a>",
                esc(&next.href())
            ));
        }
        body.push_str("</nav>\n");
    }
    super::pages::layout("Mensen om te bellen", &body, false, true)
}

fn filters(filter: &Filter, selection: &Selection<'_>) -> String {
    let mut out = String::from(
        "<form class=\"filters\" method=\"get\" action=\"/tasks\" role=\"search\" aria-label=\"Filters\">\n",
    );
    out.push_str("<div><label for=\"contact\">Contactpersoon</label><select id=\"contact\" name=\"contact\">");
    out.push_str("<option value=\"\">Alle contactpersonen</option>");
    let mut contacts: Vec<(&String, &usize)> = selection.by_contact.iter().collect();
    let chosen_missing = filter
        .contact
        .as_deref()
        .is_some_and(|c| !contacts.iter().any(|(name, _)| same_name(name, c)));
    contacts.sort_by_key(|(name, _)| name.to_lowercase());
    for (name, count) in contacts {
        let selected = if filter
            .contact
            .as_deref()
            .is_some_and(|c| same_name(name, c))
        {
            " selected"
        } else {
            ""
        };
        out.push_str(&format!(
            "<option value=\"{}\"{selected}>{} ({count})</option>",
            esc(name),
            esc(name)
        ));
    }
    if chosen_missing && let Some(c) = &filter.contact {
        out.push_str(&format!(
            "<option value=\"{}\" selected>{} (0)</option>",
            esc(c),
            esc(c)
        ));
    }
    out.push_str("</select></div>\n");
    out.push_str("<div><label for=\"soort\">Soort</label><select id=\"soort\" name=\"soort\"><option value=\"\">Alle soorten</option>");
    for (event_type, count) in &selection.by_type {
        let selected = if filter.event_type == Some(*event_type) {
            " selected"
        } else {
            ""
        };
        out.push_str(&format!(
            "<option value=\"{}\"{selected}>{} ({count})</option>",
            event_type.as_str(),
            esc(event_type.dutch_name())
        ));
    }
    out.push_str("</select></div>\n");
    out.push_str(&format!(
        "<div><label for=\"zaak\">Zaaknummer</label><input type=\"search\" id=\"zaak\" name=\"zaak\" value=\"{}\" placeholder=\"bijvoorbeeld Z-2026\"></div>\n",
        esc(&filter.case)
    ));
    if filter.overdue {
        out.push_str("<input type=\"hidden\" name=\"te-laat\" value=\"1\">");
    }
    if filter.unreached {
        out.push_str("<input type=\"hidden\" name=\"niet-bereikt\" value=\"1\">");
    }
    out.push_str("<div><button type=\"submit\">Toon</button></div>\n</form>\n");
    // One click to one's overdue calls, or to the ones that wait for a decision.
    let quick = [
        (
            "Alles",
            filter.with(|f| {
                f.overdue = false;
                f.unreached = false;
            }),
            selection.without_quick,
            !filter.overdue && !filter.unreached,
        ),
        (
            "Te laat",
            filter.with(|f| {
                f.overdue = true;
                f.unreached = false;
            }),
            selection.overdue,
            filter.overdue && !filter.unreached,
        ),
        (
            "Niet bereikt",
            filter.with(|f| {
                f.unreached = true;
                f.overdue = false;
            }),
            selection.unreached,
            filter.unreached && !filter.overdue,
        ),
    ];
    out.push_str("<ul class=\"quick\" aria-label=\"Snel kiezen\">");
    for (label, target, count, current) in quick {
        out.push_str(&format!(
            "<li><a href=\"{}\"{}>{label} ({count})</a></li>",
            esc(&target.href()),
            if current {
                " aria-current=\"page\""
            } else {
                ""
            }
        ));
    }
    out.push_str("</ul>\n");
    out
}

/// A date in a row: "25 nov." (the year only when it is not this one's).
fn short_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.",
        "dec.",
    ];
    let this_year = chrono::Local::now().date_naive().year();
    let month = MONTHS[date.month0() as usize];
    if date.year() == this_year {
        format!("{}\u{a0}{month}", date.day())
    } else {
        format!("{}\u{a0}{month} {}", date.day(), date.year())
    }
}

/// One task: a compact row that opens into its card and form.
fn row(task: &CallFirstTask, n: usize, today: NaiveDate, token: &str) -> String {
    let deadline =
        crate::event::parse_iso_date(&task.deadline).map_or(task.deadline.clone(), short_date);
    let mut tags = String::new();
    if task.status == TaskStatus::Unreached {
        tags.push_str("<span class=\"tag unreached\">niet bereikt</span>");
    }
    if task.is_overdue(today) {
        tags.push_str("<span class=\"tag late\">te laat</span>");
    }
    format!(
        "<details class=\"call\" id=\"taak-{n}\" data-event=\"{event}\">\n<summary><span class=\"when\">{tags}uiterlijk {deadline}</span><span class=\"who\">{name}</span><span>{kind}</span><span class=\"case\">{case}</span><span>{contact}</span></summary>\n<div class=\"card task\">\n{card}</div>\n</details>\n",
        event = esc(&task.event_id),
        deadline = esc(&deadline),
        name = esc(&task.person.name),
        kind = esc(task.event_type.dutch_name()),
        case = esc(&task.case_id),
        contact = esc(&task.contact_person.name),
        card = card(task, n, token),
    )
}

/// The card of an open task, with the form.
pub fn card(task: &CallFirstTask, n: usize, token: &str) -> String {
    let mut out = format!(
        "<p><strong>{}</strong></p>\n<dl>\n",
        esc(&task.status_line())
    );
    let phone = match &task.person.phone {
        Some(phone) => format!(
            "<a href=\"tel:{}\">{}</a>",
            esc(&phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect::<String>()),
            esc(phone)
        ),
        None => "onbekend: zoek het nummer op in het zaaksysteem".to_string(),
    };
    out.push_str(&format!(
        "<dt>Telefoon</dt><dd>{phone}</dd>\n<dt>Zaak</dt><dd>{} · gebeurtenis {}</dd>\n<dt>Contactpersoon</dt><dd>{}, {}</dd>\n</dl>\n",
        esc(&task.case_id),
        esc(&task.event_id),
        esc(&task.contact_person.name),
        esc(&task.contact_person.phone),
    ));
    let facts = task.held_facts();
    if !facts.is_empty() {
        out.push_str("<h3>Wat de brief zou besluiten</h3>\n<ul>\n");
        for fact in facts {
            out.push_str(&format!("<li>{}</li>\n", esc(&fact)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h3>Waarom eerst bellen?</h3>\n<ul>\n");
    for reason in task.why() {
        out.push_str(&format!("<li>{}</li>\n", esc(reason)));
    }
    out.push_str("</ul>\n<h3>Eerdere pogingen</h3>\n<ul>\n");
    if task.attempts.is_empty() {
        out.push_str("<li>Nog geen.</li>\n");
    }
    for attempt in &task.attempts {
        out.push_str(&format!(
            "<li>{}</li>\n",
            esc(&crate::task::attempt_line(attempt))
        ));
    }
    out.push_str("</ul>\n<h3>Gesprekspunten</h3>\n<ol>\n");
    for point in &task.talking_points {
        out.push_str(&format!("<li>{}</li>\n", esc(point)));
    }
    out.push_str("</ol>\n");
    if !task.good_reason.is_empty() {
        out.push_str(&format!(
            "<h3>Heeft de persoon een goede reden?</h3>\n<p>{}</p>\n",
            esc(&task.good_reason)
        ));
    }
    out.push_str(&format!(
        "<h3>Neemt niemand op?</h3>\n<p>{}</p>\n",
        esc(&task.when_nobody_answers())
    ));
    if !task.do_not_say.is_empty() {
        out.push_str("<h3>Zeg dit niet</h3>\n<ul>\n");
        for line in &task.do_not_say {
            out.push_str(&format!("<li>{}</li>\n", esc(line)));
        }
        out.push_str("</ul>\n");
    }
    if task.held_letter.is_some() {
        out.push_str(&format!(
            "<p><a href=\"/tasks/{}/draft\">Bekijk de brief die wacht</a></p>\n",
            esc(&super::url_encode(&task.event_id))
        ));
    }
    out.push_str(&contact_form::form(task, n, token));
    out
}
