//! `helder serve` off loopback. With `--address`, a forged `Host: localhost`
//! from the network got the call list with phone numbers and the form token,
//! while colleagues using the real host name got 421. Off loopback, serve now
//! needs a login (a secret from a file or the environment) and accepts the
//! host name it is given; without a secret it does not start.

use super::{finish_within, limited, text};
use crate::serve::{Running, Setup};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

/// A settings file with its own templates and a batch folder with one open task
/// (evt-2026-000601, a sanction: the person's number is 06 12 34 56 78).
pub(crate) fn folder_with_a_task() -> Setup {
    crate::serve::setup()
}

/// The person's phone number on the call list.
const PHONE: &str = "06 12 34 56 78";

fn command(setup: &Setup, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_helder"));
    command
        .args(["--config", setup.settings.to_str().unwrap(), "serve"])
        .args(["--port", "0", "--out", setup.out.to_str().unwrap()])
        .args(args)
        .env_remove("HELDER_SERVE_SECRET");
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

/// Starts `helder serve` with more arguments and environment; returns the
/// process and the address to reach it on this machine (`http://127.0.0.1:PORT`).
pub(crate) fn start(setup: &Setup, args: &[&str], env: &[(&str, &str)]) -> (Running, String) {
    spawn(command(setup, args, env))
}

/// Like [`start`], with the server's data memory capped (see [`limited`]).
pub(crate) fn start_limited(
    setup: &Setup,
    args: &[&str],
    env: &[(&str, &str)],
) -> (Running, String) {
    spawn(limited(&command(setup, args, env)))
}

fn spawn(mut command: Command) -> (Running, String) {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .and_then(|w| w.trim_end_matches('/').rsplit(':').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    (Running(child), format!("http://127.0.0.1:{port}"))
}

/// A raw HTTP request; returns the status line and headers, and the body. A
/// server that does not answer within a minute fails the test.
fn http(base: &str, request: &str) -> (String, String) {
    let address = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    if let Err(e) = stream.read_to_end(&mut response) {
        panic!("no answer from helder serve ({e})");
    }
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    (head.to_string(), body.to_string())
}

/// GET `path` with a Host header and, when given, a cookie.
pub(crate) fn get(base: &str, host: &str, path: &str, cookie: Option<&str>) -> (String, String) {
    let cookie = cookie.map_or(String::new(), |c| format!("Cookie: {c}\r\n"));
    http(
        base,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n{cookie}Connection: close\r\n\r\n"),
    )
}

/// POST a form to `path`.
pub(crate) fn post(
    base: &str,
    host: &str,
    path: &str,
    form: &str,
    cookie: Option<&str>,
) -> (String, String) {
    let cookie = cookie.map_or(String::new(), |c| format!("Cookie: {c}\r\n"));
    http(
        base,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: {host}\r\n{cookie}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{form}",
            form.len()
        ),
    )
}

/// Records a call for `event_id` on the call page.
pub(crate) fn post_contact(
    base: &str,
    host: &str,
    event_id: &str,
    form: &str,
    cookie: Option<&str>,
) -> (String, String) {
    post(
        base,
        host,
        &format!("/tasks/{event_id}/contact"),
        form,
        cookie,
    )
}

/// The form token on the call list.
pub(crate) fn form_token(base: &str, host: &str) -> String {
    let (head, body) = get(base, host, "/tasks", None);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    token_in(&body)
}

fn token_in(body: &str) -> String {
    body.split("name=\"token\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no form token in {body}"))
        .to_string()
}

#[test]
fn off_loopback_without_a_secret_serve_does_not_start() {
    let setup = folder_with_a_task();
    let child = command(&setup, &["--address", "0.0.0.0"], &[])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let output = finish_within(child, Duration::from_secs(30), "helder serve off loopback");
    assert_eq!(output.status.code(), Some(2));
    let message = text(&output.stderr);
    assert!(
        message.contains("HELDER_SERVE_SECRET") && message.contains("--secret-file"),
        "the message says how to give a secret: {message}"
    );
}

#[test]
fn off_loopback_a_forged_host_without_a_login_gets_no_call_list_and_the_real_name_works() {
    let setup = folder_with_a_task();
    let secret = "een-lang-geheim-voor-de-test-0123456789";
    let (_server, base) = start(
        &setup,
        &["--address", "0.0.0.0", "--host", "helder.waalmonde.local"],
        &[("HELDER_SERVE_SECRET", secret)],
    );
    for host in ["localhost", "helder.waalmonde.local"] {
        let (head, body) = get(&base, host, "/tasks", None);
        assert!(
            head.starts_with("HTTP/1.1 401") || head.starts_with("HTTP/1.1 303"),
            "{host}: {head}"
        );
        assert!(
            !body.contains(PHONE) && !body.contains("name=\"token\""),
            "{host}: {body}"
        );
        let (head, _) = get(&base, host, "/templates", None);
        assert!(
            head.starts_with("HTTP/1.1 401") || head.starts_with("HTTP/1.1 303"),
            "{host}: {head}"
        );
    }
    let (head, _) = get(&base, "rebind.example", "/login", None);
    assert!(head.starts_with("HTTP/1.1 421"), "{head}");

    // A wrong secret gives no session.
    let (head, _) = post(
        &base,
        "helder.waalmonde.local",
        "/login",
        "secret=geraden",
        None,
    );
    assert!(!head.to_lowercase().contains("set-cookie"), "{head}");

    // The right one does: a cookie that scripts cannot read and other sites cannot send.
    let (head, _) = post(
        &base,
        "helder.waalmonde.local",
        "/login",
        &format!("secret={secret}"),
        None,
    );
    let cookie_line = head
        .lines()
        .find(|l| l.to_lowercase().starts_with("set-cookie:"))
        .unwrap_or_else(|| panic!("no session cookie: {head}"));
    assert!(cookie_line.contains("HttpOnly"), "{cookie_line}");
    assert!(cookie_line.contains("SameSite=Strict"), "{cookie_line}");
    let cookie = cookie_line
        .split_once(':')
        .unwrap()
        .1
        .split(';')
        .next()
        .unwrap()
        .trim()
        .to_string();
    let (head, body) = get(&base, "helder.waalmonde.local", "/tasks", Some(&cookie));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(
        body.contains(PHONE),
        "the call list, for the member of staff who calls"
    );
    // A session does not make a forged host acceptable.
    let (head, _) = get(&base, "rebind.example", "/tasks", Some(&cookie));
    assert!(head.starts_with("HTTP/1.1 421"), "{head}");
}

#[test]
fn off_loopback_the_secret_can_come_from_a_file() {
    let setup = folder_with_a_task();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("geheim");
    std::fs::write(&file, "geheim-uit-een-bestand-0123456789\n").unwrap();
    let (_server, base) = start(
        &setup,
        &[
            "--address",
            "0.0.0.0",
            "--host",
            "helder.waalmonde.local",
            "--secret-file",
            file.to_str().unwrap(),
        ],
        &[],
    );
    let (head, _) = post(
        &base,
        "helder.waalmonde.local",
        "/login",
        "secret=geheim-uit-een-bestand-0123456789",
        None,
    );
    assert!(
        head.to_lowercase().contains("set-cookie:"),
        "the secret without its line end logs in: {head}"
    );
}
