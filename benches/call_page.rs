//! The call page of `helder serve` with 500 open tasks: how long a page takes.
//!
//! Run: `cargo bench --bench call_page`. It makes a batch folder of 500 open
//! call-first tasks (five contact persons, four kinds of letter, half of them
//! overdue) in `target/bench/call-page/`, starts `helder serve` on it in this
//! process, and times whole HTTP requests from a client on the same machine
//! (connect, request, the full response read), in rounds, back to back:
//!
//! 1. the floor: `/style.css`, a fixed file through the same server and checks;
//! 2. `/tasks`: all 500 tasks, the first 50 rows with their cards and forms;
//! 3. `/tasks` for one contact person's overdue calls (the remembered cookie and "Te laat");
//! 4. `/tasks?pagina=10`: the last page;
//! 5. reading the 500 tasks from the journal and the task files alone (`open_tasks`).
//!
//! It prints the median, the 95th percentile and the slowest of each, and the
//! ratio of each page to the floor measured in the same round.
#![allow(clippy::print_stdout)] // a benchmark reports on stdout

use chrono::{Days, NaiveDate};
use helder::batch::{BatchOptions, run};
use helder::config::Config;
use helder::output::Disk;
use helder::render::Format;
use helder::template::TemplateSet;
use serde_json::Value;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const TASKS: usize = 500;
const ROUNDS: usize = 31;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn held(example: &str, id: &str, case: &str, contact: &str, start: NaiveDate) -> Value {
    let path = root().join("letter-templates/examples").join(example);
    let mut event: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    event["id"] = id.into();
    event["subject"] = case.into();
    event["data"]["case"]["zaak_id"] = case.into();
    event["data"]["contact"]["name"] = contact.into();
    event["data"]
        .as_object_mut()
        .unwrap()
        .remove("prior_contact");
    if let Some(decision) = event["data"].get_mut("decision") {
        decision["ingangsdatum"] = start.format("%Y-%m-%d").to_string().into();
    }
    event
}

/// A batch folder with `TASKS` open tasks, half of them overdue.
fn folder(config: &Config, templates: &TemplateSet) -> PathBuf {
    let dir = root().join("target/bench/call-page");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("uit");
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
    let today = chrono::Local::now().date_naive();
    for (half, date) in [("oud", today - Days::new(14)), ("nieuw", today)] {
        let input = dir.join(format!("{half}.ndjson"));
        let mut text = String::new();
        for i in 0..TASKS / 2 {
            let event = held(
                kinds[i % kinds.len()],
                &format!("evt-{half}-{i:03}"),
                &format!("Z-{half}-{i:03}"),
                people[i % people.len()],
                today + Days::new(60),
            );
            text.push_str(&event.to_string());
            text.push('\n');
        }
        std::fs::write(&input, text).unwrap();
        let options = BatchOptions {
            input,
            out: out.clone(),
            formats: vec![Format::Html],
            date,
            dry_run: false,
            contacts_only: false,
        };
        let summary = run(&options, config, templates, &Disk, &mut |_| {}).unwrap();
        assert_eq!(summary.counts.tasks, TASKS / 2, "{:?}", summary.counts);
    }
    out
}

/// One whole request: connect, send, read the response to the end. Returns the time and the body size.
fn request(address: SocketAddr, path: &str, cookie: Option<&str>) -> (Duration, usize) {
    let started = Instant::now();
    let mut stream = TcpStream::connect(address).unwrap();
    let cookie = cookie
        .map(|c| format!("Cookie: {c}\r\n"))
        .unwrap_or_default();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\n{cookie}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let elapsed = started.elapsed();
    assert!(
        response.starts_with(b"HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&response[..response.len().min(200)])
    );
    (elapsed, response.len())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Stats {
    median: f64,
    p95: f64,
    max: f64,
}

fn stats(mut values: Vec<f64>) -> Stats {
    values.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
    Stats {
        median: at(0.5),
        p95: at(0.95),
        max: *values.last().unwrap(),
    }
}

fn main() {
    let config = Config::load(&root().join("helder.toml")).unwrap();
    let templates = TemplateSet::load(&config.templates_dir, &config.letter.greeting).unwrap();
    let made = Instant::now();
    let out = folder(&config, &templates);
    println!(
        "made {TASKS} open tasks in {:.1} s ({})",
        made.elapsed().as_secs_f64(),
        out.display()
    );
    let (sender, receiver) = std::sync::mpsc::channel();
    let options = helder::serve::ServeOptions {
        address: "127.0.0.1".parse().unwrap(),
        port: 0,
        out: Some(out.clone()),
        hosts: Vec::new(),
        secret: None,
    };
    let serve_config = config.clone();
    std::thread::spawn(move || {
        helder::serve::run(options, serve_config, |address| {
            sender.send(address).unwrap();
        })
        .unwrap();
    });
    let address = receiver.recv().unwrap();
    let cookie = "helder-contactpersoon=Sanne%20de%20Wit";
    let pages: [(&str, &str, Option<&str>); 4] = [
        ("floor: /style.css", "/style.css", None),
        ("/tasks, 500 tasks, page 1", "/tasks", None),
        (
            "/tasks, one person's overdue",
            "/tasks?te-laat=1",
            Some(cookie),
        ),
        ("/tasks?pagina=10", "/tasks?pagina=10", None),
    ];
    // Warm up: the first requests start the runtime's threads and fill the page cache.
    for (_, path, cookie) in &pages {
        for _ in 0..3 {
            request(address, path, *cookie);
        }
    }
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); pages.len()];
    let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); pages.len()];
    let mut sizes = vec![0; pages.len()];
    let mut reading = Vec::new();
    for _ in 0..ROUNDS {
        let mut round = Vec::new();
        for (i, (_, path, cookie)) in pages.iter().enumerate() {
            let (elapsed, size) = request(address, path, *cookie);
            sizes[i] = size;
            round.push(ms(elapsed));
        }
        for (i, t) in round.iter().enumerate() {
            times[i].push(*t);
            ratios[i].push(t / round[0]);
        }
        let started = Instant::now();
        let tasks = helder::batch::open_tasks(&out).unwrap();
        reading.push(ms(started.elapsed()));
        assert_eq!(tasks.len(), TASKS);
    }
    println!(
        "\n{:<32} {:>9} {:>9} {:>9} {:>10} {:>9}",
        "request", "median ms", "p95 ms", "max ms", "× floor", "bytes"
    );
    for (i, (name, _, _)) in pages.iter().enumerate() {
        let s = stats(times[i].clone());
        let r = stats(ratios[i].clone());
        println!(
            "{:<32} {:>9.2} {:>9.2} {:>9.2} {:>10.1} {:>9}",
            name, s.median, s.p95, s.max, r.median, sizes[i]
        );
    }
    let s = stats(reading);
    println!(
        "{:<32} {:>9.2} {:>9.2} {:>9.2}",
        "open_tasks alone (500)", s.median, s.p95, s.max
    );
    let page = stats(times[1].clone());
    println!(
        "\ntarget: the page with 500 open tasks in under 300 ms: {} (median {:.1} ms, slowest {:.1} ms of {ROUNDS})",
        if page.max < 300.0 { "met" } else { "NOT met" },
        page.median,
        page.max
    );
}
