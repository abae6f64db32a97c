//! `helder serve` in a real headless Chromium (Debian `chromium` and
//! `chromium-driver`; `.ci/run` installs them), driven over WebDriver with
//! fantoccini, and its security checks over plain HTTP.

use crate::html::Page;
use crate::support::{assert_exit, root};
use serde_json::json;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A child process that is killed when the test ends, also on a panic.
pub(crate) struct Running(pub(crate) Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A settings file with its own copy of the templates, and a batch folder with one open task.
pub(crate) struct Setup {
    _dir: tempfile::TempDir,
    pub(crate) settings: PathBuf,
    pub(crate) templates: PathBuf,
    pub(crate) out: PathBuf,
}

pub(crate) fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let (settings, templates) = crate::support::settings_with_own_templates(dir.path());
    let out = dir.path().join("uit");
    let example = dir.path().join("sanction_reduction-reached.json");
    std::fs::write(&example, event_starting_after_today().to_string()).unwrap();
    let output = crate::support::batch_command(&settings, &example, &out)
        .args(["--format", "html"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    Setup {
        _dir: dir,
        settings,
        templates,
        out,
    }
}

/// The shipped example evt-2026-000601 (a sanction), with the measure starting a
/// month after today: a call recorded on the page dates its letter today, and a
/// decision that starts before the letter's date is refused unless it is marked
/// retroactive. The shipped example's fixed dates passed only until 1 December 2026.
fn event_starting_after_today() -> serde_json::Value {
    let path = root().join("letter-templates/examples/sanction_reduction-reached.json");
    let mut event: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let start = chrono::Local::now().date_naive() + chrono::Days::new(31);
    let end = start + chrono::Months::new(3) - chrono::Days::new(1);
    let data = &mut event["data"];
    data["decision"]["ingangsdatum"] = json!(start.to_string());
    data["measure"]["period_from"] = json!(start.to_string());
    data["measure"]["period_to"] = json!(end.to_string());
    event
}

/// Starts `helder serve` on a free port; returns the process and its base address.
fn serve(setup: &Setup) -> (Running, String) {
    serve_folder(&setup.settings, &setup.out)
}

/// Starts `helder serve --out OUT` with these settings on a free port; returns the process and its base address.
pub(crate) fn serve_folder(settings: &std::path::Path, out: &std::path::Path) -> (Running, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_helder"))
        .args([
            "--config",
            settings.to_str().unwrap(),
            "serve",
            "--port",
            "0",
        ])
        .arg("--out")
        .arg(out)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim_end_matches('/')
        .to_string();
    (Running(child), base)
}

/// A raw HTTP request; returns the status line and headers, and the body.
pub(crate) fn http(base: &str, request: &str) -> (String, String) {
    let address = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    (head.to_string(), body.to_string())
}

#[test]
fn a_foreign_host_and_a_post_without_the_token_are_refused() {
    let setup = setup();
    let (_server, base) = serve(&setup);
    let host = base.trim_start_matches("http://");
    let (head, _) = http(
        &base,
        "GET /templates HTTP/1.1\r\nHost: rebind.example\r\nConnection: close\r\n\r\n",
    );
    assert!(head.starts_with("HTTP/1.1 421"), "{head}");
    let (head, body) = http(
        &base,
        &format!("GET /templates HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    );
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let lower = head.to_lowercase();
    assert!(
        lower.contains("content-security-policy: default-src 'none'"),
        "{head}"
    );
    assert!(
        !body.contains("http://") && !body.contains("https://"),
        "nothing from elsewhere"
    );
    let form = "outcome=reached&note=test";
    let (head, _) = http(
        &base,
        &format!(
            "POST /tasks/evt-2026-000601/contact HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{form}",
            form.len()
        ),
    );
    assert!(head.starts_with("HTTP/1.1 403"), "{head}");
    let form = "outcome=reached&note=test&token=geraden";
    let (head, _) = http(
        &base,
        &format!(
            "POST /tasks/evt-2026-000601/contact HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{form}",
            form.len()
        ),
    );
    assert!(head.starts_with("HTTP/1.1 403"), "a wrong token: {head}");
    assert!(!setup.out.join("letters/evt-2026-000601.html").exists());
}

/// Starts chromedriver on a free port.
pub(crate) fn chromedriver() -> (Running, u16) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("chromedriver is needed for the browser tests ({e}): apt-get install chromium chromium-driver")
        });
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < BROWSER_DEADLINE,
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    (Running(child), port)
}

/// A headless Chromium session.
pub(crate) async fn browser(port: u16) -> fantoccini::Client {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_string(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1500"]
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    fantoccini::ClientBuilder::new(connector)
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a Chromium session")
}

/// Where a test keeps a screenshot (target/screenshots/).
pub(crate) fn screenshot_path(name: &str) -> PathBuf {
    let dir = root().join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// How long a browser test waits for a page or an element before it fails.
///
/// Generous on purpose. Recording a call in `helder serve` makes the letter
/// (PDF and HTML, debug build): 0.3 s on an idle machine, but 16 to 24 s
/// measured with the machine loaded by builds. And Chromium's driver does not
/// always wait for the page a form submits to: under load the click often
/// returns at once, so that work falls inside the wait for the next page. A
/// wait ends as soon as its condition holds, so a long deadline costs nothing
/// when all is well.
pub(crate) const BROWSER_DEADLINE: Duration = Duration::from_secs(120);

/// Waits (at most [`BROWSER_DEADLINE`]) until the page's source passes `check`.
pub(crate) async fn wait_for(
    client: &fantoccini::Client,
    what: &str,
    check: impl Fn(&str) -> bool,
) -> String {
    let started = Instant::now();
    loop {
        let source = client.source().await.unwrap_or_default();
        if check(&source) {
            return source;
        }
        assert!(
            started.elapsed() < BROWSER_DEADLINE,
            "waited {:?} for {what}",
            started.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The element `css` once it is on the page, waiting at most [`BROWSER_DEADLINE`]
/// (a page that a click or a form just asked for may still be loading).
pub(crate) async fn element(
    client: &fantoccini::Client,
    css: &str,
) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(BROWSER_DEADLINE)
        .every(Duration::from_millis(100))
        .for_element(fantoccini::Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("waited for {css}: {e}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_chromium_a_finding_is_marked_and_the_page_follows_the_file() {
    use fantoccini::Locator;
    if !crate::support::tool_available("chromedriver", "chromium chromium-driver") {
        return;
    }
    let setup = setup();
    // A sentence the formal-word rule flags, in the warning letter.
    let warning = setup.templates.join("warning.md");
    let source = std::fs::read_to_string(&warning).unwrap();
    std::fs::write(
        &warning,
        source.replace("## Waarom?", "Indien u vragen hebt, bel ons.\n\n## Waarom?"),
    )
    .unwrap();
    let (_server, base) = serve(&setup);
    let (_driver, port) = chromedriver();
    let client = browser(port).await;

    // The list, then one template with its marked finding.
    client.goto(&format!("{base}/templates")).await.unwrap();
    client
        .find(Locator::LinkText("warning"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&client, "the letter", |s| {
        Page::parse(s).has(".letter-frame")
    })
    .await;
    let mark = client
        .find(Locator::XPath(
            "//a[contains(@class, 'mark') and normalize-space(.)='Indien']",
        ))
        .await
        .expect("the formal word is marked in the letter");
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshot_path("template-top.png"), png).unwrap();
    let target = mark.attr("href").await.unwrap().unwrap();
    mark.click().await.unwrap();
    let finding = client.find(Locator::Css(&target)).await.unwrap();
    let text = finding.text().await.unwrap();
    assert!(
        text.contains("formele taal") && text.contains("Beter: Schrijf liever: als"),
        "{text}"
    );
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshot_path("templates.png"), png).unwrap();

    // Change the file on disk: the page follows by itself.
    let source = std::fs::read_to_string(&warning).unwrap();
    std::fs::write(
        &warning,
        source.replace(
            "Indien u vragen hebt, bel ons.",
            "Hebt u vragen? Bel ons gerust, dat helpt.",
        ),
    )
    .unwrap();
    let page = wait_for(&client, "the changed letter", |s| s.contains("dat helpt")).await;
    let page = Page::parse(&page);
    assert!(
        !page.texts("a.mark").iter().any(|word| word == "Indien"),
        "the mark went with the word"
    );
    assert!(!page.texts(".letter-frame").concat().contains("Indien"));

    // On a phone-sized window the letter and its findings stack, nothing runs off the side.
    client.set_window_size(420, 900).await.unwrap();
    client
        .goto(&format!("{base}/templates/warning"))
        .await
        .unwrap();
    wait_for(&client, "the letter", |s| {
        Page::parse(s).has(".letter-frame")
    })
    .await;
    let overflow = client
        .execute(
            "return document.documentElement.scrollWidth - window.innerWidth;",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        overflow.as_f64().unwrap_or(0.0) <= 1.0,
        "no sideways scrolling: {overflow}"
    );
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshot_path("phone.png"), png).unwrap();
    client.close().await.unwrap();
}
