//! The call page of `helder serve` (`/tasks`) in a real headless Chromium: a
//! person records what happened and decides, a confirmation says what will
//! happen, and the contact goes through the same release path as a batch.
//! Also a list of 500 tasks: filters, counts, pages and the remembered contact person.

use crate::html::Page;
use crate::serve::{browser, chromedriver, element, http, screenshot_path, serve_folder, wait_for};
use crate::support::{assert_exit, root, tool_available};
use chrono::{Datelike, Days, NaiveDate};
use fantoccini::{Client, Locator};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A batch folder made today, in a temporary directory, with the shipped settings.
struct Folder {
    dir: tempfile::TempDir,
    out: PathBuf,
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn settings() -> PathBuf {
    root().join("helder.toml")
}

/// A shipped example as a held event: its own id and case, no contact yet.
fn held(example: &str, id: &str, case: &str) -> Value {
    let path = root().join("letter-templates/examples").join(example);
    let mut event: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    event["id"] = id.into();
    event["subject"] = case.into();
    event["data"]["case"]["zaak_id"] = case.into();
    event["data"]
        .as_object_mut()
        .unwrap()
        .remove("prior_contact");
    event
}

impl Folder {
    /// Runs a batch of these events dated `date`.
    fn batch(&self, name: &str, events: &[Value], date: NaiveDate) {
        let input = self.dir.path().join(name);
        let text: String = events.iter().map(|e| format!("{e}\n")).collect();
        std::fs::write(&input, text).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_helder"))
            .args(["--config", settings().to_str().unwrap(), "batch"])
            .arg(&input)
            .arg("--out")
            .arg(&self.out)
            .args(["--date", &iso(date), "--format", "html"])
            .output()
            .unwrap();
        assert_exit(&output, 0);
    }

    fn task(&self, id: &str) -> Value {
        let text = std::fs::read_to_string(self.out.join(format!("tasks/{id}.json"))).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    fn letter(&self, id: &str) -> Option<String> {
        std::fs::read_to_string(self.out.join(format!("letters/{id}.html"))).ok()
    }
}

fn folder() -> Folder {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("uit");
    Folder { dir, out }
}

/// Opens the row of a task and returns nothing; the card is then visible.
async fn open_row(client: &Client, event_id: &str) {
    element(
        client,
        &format!("details[data-event='{event_id}'] > summary"),
    )
    .await
    .click()
    .await
    .unwrap();
}

/// Clicks an element inside the card of a task (or the page, for `None`),
/// once it is there.
async fn click(client: &Client, scope: Option<&str>, css: &str) {
    let selector = match scope {
        Some(event_id) => format!("details[data-event='{event_id}'] {css}"),
        None => css.to_string(),
    };
    element(client, &selector).await.click().await.unwrap();
}

async fn type_into(client: &Client, scope: Option<&str>, css: &str, text: &str) {
    let selector = match scope {
        Some(event_id) => format!("details[data-event='{event_id}'] {css}"),
        None => css.to_string(),
    };
    element(client, &selector)
        .await
        .send_keys(text)
        .await
        .unwrap();
}

/// The text of the element `css`, once it is on the page.
async fn text_of(client: &Client, css: &str) -> String {
    element(client, css).await.text().await.unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_chromium_the_call_decides_for_two_tasks_on_one_case() {
    if !tool_available("chromedriver", "chromium chromium-driver") {
        return;
    }
    let folder = folder();
    let today = today();
    // A missed appointment whose deadline is tomorrow: too close for a letter sent today.
    let mut appointment = held(
        "appointment_missed-no-contact.json",
        "evt-a",
        "Z-2026-08001",
    );
    let close = today + Days::new(1);
    appointment["data"]["deadlines"][0]["date"] = iso(close).into();
    let mut sanction = held("sanction_reduction-reached.json", "evt-s", "Z-2026-08001");
    sanction["data"]["decision"]["ingangsdatum"] = iso(today + Days::new(40)).into();
    sanction["data"]["measure"]["period_from"] = iso(today + Days::new(40)).into();
    sanction["data"]["measure"]["period_to"] = iso(today + Days::new(120)).into();
    folder.batch("dag.ndjson", &[appointment, sanction], today);

    let (_server, base) = serve_folder(&settings(), &folder.out);
    let (_driver, port) = chromedriver();
    let client = browser(port).await;
    client.goto(&format!("{base}/tasks")).await.unwrap();
    let page = wait_for(&client, "the list", |s| {
        Page::parse(s).has("details[data-event=evt-s]")
    })
    .await;
    assert!(
        Page::parse(&page).has("details[data-event=evt-a]"),
        "two tasks on one case"
    );

    // The sanction: the person was in hospital. A good reason: no letter.
    open_row(&client, "evt-s").await;
    click(&client, Some("evt-s"), "input[name=outcome][value=reached]").await;
    type_into(
        &client,
        Some("evt-s"),
        "textarea[name=heard]",
        "Ik lag in het ziekenhuis.",
    )
    .await;
    click(&client, Some("evt-s"), "input[name=reason_given]").await;
    click(
        &client,
        Some("evt-s"),
        "input[name=decision][value=withdraw]",
    )
    .await;
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshot_path("call-card.png"), png).unwrap();
    click(&client, Some("evt-s"), "button[type=submit]").await;
    wait_for(&client, "the confirmation", |s| s.contains("Klopt dit?")).await;
    assert_eq!(text_of(&client, "#gevolg").await, "Er gaat geen brief weg.");
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshot_path("call-confirm-withdraw.png"), png).unwrap();
    click(&client, None, "form button[type=submit]").await;
    let page = wait_for(&client, "the list again", |s| s.contains("is vastgelegd")).await;
    assert!(page.contains("Er is geen brief verstuurd."), "{page}");
    assert!(
        !Page::parse(&page).has("[data-event=evt-s]"),
        "the task left the list"
    );
    assert!(folder.letter("evt-s").is_none(), "nothing was sent");
    assert_eq!(folder.task("evt-s")["status"], "withdrawn");
    assert!(
        folder.out.join("tasks/evt-s.concept.html").exists(),
        "the draft stays"
    );
    let recorded: Vec<Value> = std::fs::read_dir(folder.out.join("contacts"))
        .unwrap()
        .map(|e| {
            serde_json::from_str(&std::fs::read_to_string(e.unwrap().path()).unwrap()).unwrap()
        })
        .collect();
    assert_eq!(recorded.len(), 1);
    assert_eq!(
        recorded[0]["data"]["prior_contact"]["event_id"], "evt-s",
        "the page names the task it answers: a contact from the page is never ambiguous"
    );
    assert_eq!(recorded[0]["data"]["prior_contact"]["reason_given"], true);

    // The appointment: reached, but no decision chosen. Refused; nothing is written.
    open_row(&client, "evt-a").await;
    click(&client, Some("evt-a"), "input[name=outcome][value=reached]").await;
    type_into(
        &client,
        Some("evt-a"),
        "textarea[name=heard]",
        "Mijn moeder was ziek.",
    )
    .await;
    click(&client, Some("evt-a"), "button[type=submit]").await;
    let page = wait_for(&client, "the refusal", |s| {
        s.contains("Nog niet vastgelegd")
    })
    .await;
    assert!(
        page.contains("Kies dan wat er met de brief gebeurt"),
        "{page}"
    );
    assert_eq!(
        std::fs::read_dir(folder.out.join("contacts"))
            .unwrap()
            .count(),
        1
    );

    // Again, with the decision to send: the letter goes out today, its deadline moved.
    click(&client, None, "input[name=outcome][value=reached]").await;
    type_into(
        &client,
        None,
        "textarea[name=heard]",
        "Mijn moeder was ziek, ik was bij haar.",
    )
    .await;
    click(&client, None, "input[name=reason_given]").await;
    click(&client, None, "input[name=decision][value=send]").await;
    click(&client, None, "button[type=submit]").await;
    let page = wait_for(&client, "the confirmation", |s| s.contains("Klopt dit?"))
        .await
        .replace("&nbsp;", "\u{a0}");
    assert_eq!(
        text_of(&client, "#gevolg").await,
        "De brief gaat vandaag weg."
    );
    let moved_to = helder::letter_dates::earliest_deadline(today, 5);
    let long = |d: NaiveDate| helder::dutch::long_date(d, false);
    assert!(
        page.contains(&format!(
            "schuift van {} naar {}",
            long(close),
            long(moved_to)
        )),
        "{page}"
    );
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshot_path("call-confirm-send.png"), png).unwrap();
    click(&client, None, "form button[type=submit]").await;
    let page = wait_for(&client, "the list again", |s| s.contains("is vastgelegd")).await;
    assert!(page.contains("De brief is verstuurd."), "{page}");
    let letter = folder.letter("evt-a").expect("the right letter went out");
    assert!(
        letter.contains("Mijn moeder was ziek, ik was bij haar."),
        "{letter}"
    );
    // Dates are joined by no-break spaces in the letter; compare with plain ones.
    let plain = |text: &str| text.replace('\u{a0}', " ");
    assert!(
        plain(&letter).contains(&plain(&helder::dutch::long_date(moved_to, true))),
        "the moved deadline is in the letter: {letter}"
    );
    assert!(
        !plain(&letter).contains(&plain(&long(close))),
        "the old deadline is not"
    );
    assert!(
        folder.letter("evt-s").is_none(),
        "the withdrawn one stays held"
    );
    let task = folder.task("evt-a");
    assert_eq!(task["status"], "released");
    assert_eq!(task["deadline_moves"][0]["from"], iso(close));
    assert_eq!(task["deadline_moves"][0]["to"], iso(moved_to));
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(folder.out.join("summary.json")).unwrap())
            .unwrap();
    assert_eq!(summary["deadline_moves"][0]["event_id"], "evt-a");
    assert!(page.contains("Er staat niemand op de lijst"), "{page}");
    client.close().await.unwrap();
}

/// The hidden fields of the confirmation form in a page, as a form body.
fn confirmation_form(page: &str) -> String {
    let page = Page::parse(page);
    let forms = page.select("form:has(input[name=confirm])");
    assert_eq!(forms.len(), 1, "one confirmation");
    let hidden = scraper::Selector::parse("input[type=hidden]").unwrap();
    forms[0]
        .select(&hidden)
        .map(|input| {
            let name = input.value().attr("name").unwrap();
            let value = input.value().attr("value").unwrap_or_default();
            format!("{name}={}", url_encode(value))
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn url_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn post(base: &str, path: &str, body: &str) -> (String, String) {
    let host = base.trim_start_matches("http://");
    http(
        base,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

fn get(base: &str, path: &str, cookie: Option<&str>) -> (String, String) {
    let host = base.trim_start_matches("http://");
    let cookie = cookie
        .map(|c| format!("Cookie: {c}\r\n"))
        .unwrap_or_default();
    http(
        base,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n{cookie}Connection: close\r\n\r\n"),
    )
}

#[test]
fn a_confirmation_sent_twice_counts_the_call_once() {
    let folder = folder();
    folder.batch(
        "dag.ndjson",
        &[held(
            "appointment_missed-no-contact.json",
            "evt-a",
            "Z-2026-08002",
        )],
        today(),
    );
    let (_server, base) = serve_folder(&settings(), &folder.out);
    let (_, list) = get(&base, "/tasks", None);
    let token = Page::parse(&list).attrs("input[name=token]", "value")[0].clone();
    let (head, page) = post(
        &base,
        "/tasks/evt-a/contact",
        &format!("token={token}&outcome=no_contact&decision="),
    );
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(page.contains("Er gaat geen brief weg."), "{page}");
    assert!(page.contains("poging 1 van 2"), "{page}");
    let body = confirmation_form(&page);
    for _ in 0..2 {
        let (head, _) = post(&base, "/tasks/evt-a/contact", &body);
        assert!(head.starts_with("HTTP/1.1 303"), "{head}");
    }
    let task = folder.task("evt-a");
    assert_eq!(task["attempts"].as_array().unwrap().len(), 1, "one call");
    assert_eq!(task["status"], "open");
    assert!(folder.letter("evt-a").is_none());
}

/// 500 open tasks for five contact persons and four kinds, half of them overdue.
fn five_hundred(folder: &Folder) {
    let kinds = [
        "appointment_missed-no-contact.json",
        "sanction_reduction-reached.json",
        "recovery-reached.json",
        "warning-reached.json",
    ];
    let people = [
        "Ilse Verhoef",
        "Jeroen Ćosić",
        "Fatima el Amrani",
        "Sanne de Wit",
        "Bram Hoekstra",
    ];
    let today = today();
    for (half, date) in [("oud", today - Days::new(14)), ("nieuw", today)] {
        let events: Vec<Value> = (0..250)
            .map(|i| {
                let mut event = held(
                    kinds[i % kinds.len()],
                    &format!("evt-{half}-{i:03}"),
                    &format!("Z-{}-{half}-{i:03}", date.year()),
                );
                event["data"]["contact"]["name"] = people[i % people.len()].into();
                // Dates well ahead of both batch dates, so no letter is refused.
                if let Some(decision) = event["data"].get_mut("decision") {
                    decision["ingangsdatum"] = iso(today + Days::new(60)).into();
                }
                event
            })
            .collect();
        folder.batch(&format!("{half}.ndjson"), &events, date);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_chromium_500_tasks_are_paged_filtered_and_a_contact_person_finds_their_overdue_calls() {
    if !tool_available("chromedriver", "chromium chromium-driver") {
        return;
    }
    let folder = folder();
    five_hundred(&folder);
    let (_server, base) = serve_folder(&settings(), &folder.out);
    let (_driver, port) = chromedriver();
    let client = browser(port).await;
    client.goto(&format!("{base}/tasks")).await.unwrap();
    wait_for(&client, "the list", |s| Page::parse(s).has("#aantal")).await;
    assert!(
        text_of(&client, "#aantal")
            .await
            .starts_with("500 open taken, pagina 1 van 10"),
        "{}",
        text_of(&client, "#aantal").await
    );
    let rows = client.find_all(Locator::Css("details.call")).await.unwrap();
    assert_eq!(rows.len(), 50, "fifty compact rows a page");
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshot_path("calls-500.png"), png).unwrap();

    // The contact person picks herself: her 100 tasks, counted in the filters.
    let select = client.find(Locator::Css("select#contact")).await.unwrap();
    let option = select
        .find(Locator::XPath("option[starts-with(., 'Sanne de Wit')]"))
        .await
        .unwrap();
    assert_eq!(option.text().await.unwrap(), "Sanne de Wit (100)");
    option.click().await.unwrap();
    click(&client, None, ".filters button[type=submit]").await;
    wait_for(&client, "her list", |s| {
        s.contains("van de 500 in deze map")
    })
    .await;
    assert!(
        text_of(&client, "#aantal")
            .await
            .starts_with("100 open taken van de 500")
    );

    // Another day, the page remembers her; one click gives her overdue calls.
    client.goto(&format!("{base}/tasks")).await.unwrap();
    wait_for(&client, "her list", |s| {
        s.contains("van de 500 in deze map")
    })
    .await;
    let overdue = client
        .find(Locator::XPath(
            "//ul[@class='quick']//a[starts-with(., 'Te laat')]",
        ))
        .await
        .unwrap();
    assert_eq!(overdue.text().await.unwrap(), "Te laat (50)");
    overdue.click().await.unwrap();
    wait_for(&client, "her overdue calls", |s| {
        s.contains("te-laat=1") && s.contains("50 open taken")
    })
    .await;
    let rows = client.find_all(Locator::Css("details.call")).await.unwrap();
    assert_eq!(rows.len(), 50);
    for row in &rows {
        let text = row.text().await.unwrap();
        assert!(
            text.contains("te laat") && text.contains("Sanne de Wit"),
            "{text}"
        );
    }
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshot_path("calls-overdue.png"), png).unwrap();

    // By kind, for everyone, and the second page.
    client
        .goto(&format!("{base}/tasks?contact=&soort=recovery"))
        .await
        .unwrap();
    wait_for(&client, "recoveries", |s| Page::parse(s).has("#aantal")).await;
    let count = text_of(&client, "#aantal").await;
    assert!(
        count.starts_with("124 open taken van de 500 in deze map, pagina 1 van 3"),
        "{count}"
    );
    click(&client, None, "a[rel=next]").await;
    wait_for(&client, "page 2", |s| s.contains("Pagina 2 van 3")).await;
    let rows = client.find_all(Locator::Css("details.call")).await.unwrap();
    assert_eq!(rows.len(), 50);

    // A case id finds its one task.
    client
        .goto(&format!("{base}/tasks?contact="))
        .await
        .unwrap();
    wait_for(&client, "the list", |s| Page::parse(s).has("#zaak")).await;
    type_into(&client, None, "input#zaak", "nieuw-123").await;
    click(&client, None, ".filters button[type=submit]").await;
    wait_for(&client, "one task", |s| {
        s.contains("1 open taak van de 500")
    })
    .await;
    let rows = client.find_all(Locator::Css("details.call")).await.unwrap();
    assert_eq!(rows.len(), 1);
    client.close().await.unwrap();

    // Without a browser: "contact=" forgets the remembered person.
    let (head, _) = get(
        &base,
        "/tasks?contact=",
        Some("helder-contactpersoon=Sanne%20de%20Wit"),
    );
    assert!(
        head.contains("helder-contactpersoon=; Path=/tasks; Max-Age=0"),
        "{head}"
    );
    let (_, page) = get(
        &base,
        "/tasks",
        Some("helder-contactpersoon=Sanne%20de%20Wit"),
    );
    assert!(
        page.contains("100 open taken van de 500"),
        "the cookie chooses her"
    );
    assert!(!Path::new(&folder.out.join("letters/evt-oud-000.html")).exists());
}
