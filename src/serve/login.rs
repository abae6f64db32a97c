//! Logging in to `helder serve` when it is reachable from other computers.
//!
//! On 127.0.0.1 only the person at this computer can reach the pages. With
//! `--address` others can, and the call list shows people's names and phone
//! numbers; so off loopback serve needs a secret (from `--secret-file` or
//! `HELDER_SERVE_SECRET`) and does not start without one. A colleague types
//! the secret once on `/login`; the answer is a session cookie (`HttpOnly`,
//! so no script reads it; `SameSite=Strict`, so no other site sends it), and
//! every request is checked against the sessions, each comparison in
//! constant time. A wrong secret waits a second before it is answered.

use super::{AppState, pages};
use axum::extract::{Form, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The environment variable that may hold the secret.
pub const SECRET_VARIABLE: &str = "HELDER_SERVE_SECRET";
/// The name of the session cookie.
pub const COOKIE: &str = "helder_sessie";
/// How long a session lasts: a working day.
pub const SESSION_TIME: Duration = Duration::from_secs(12 * 60 * 60);
/// The shortest secret helder accepts.
pub const MIN_SECRET_CHARS: usize = 16;

/// The secret colleagues log in with. Its `Debug` never shows it.
#[derive(Clone)]
pub struct Secret(String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl Secret {
    /// The secret from `file` (its first line), or else from the environment;
    /// `None` when neither gives one. A secret shorter than
    /// [`MIN_SECRET_CHARS`] or a file that cannot be read is an error.
    pub fn load(file: Option<&Path>) -> Result<Option<Secret>, String> {
        let text = match file {
            Some(file) => std::fs::read_to_string(file).map_err(|e| {
                format!(
                    "het bestand met het geheim {} kan niet worden gelezen ({}). Controleer het pad bij --secret-file.",
                    file.display(),
                    crate::fs::io_reason(&e)
                )
            })?,
            None => match std::env::var(SECRET_VARIABLE) {
                Ok(text) => text,
                Err(_) => return Ok(None),
            },
        };
        let secret = text.lines().next().unwrap_or_default().trim().to_string();
        if secret.chars().count() < MIN_SECRET_CHARS {
            return Err(format!(
                "het geheim voor helder serve is korter dan {MIN_SECRET_CHARS} tekens; kies een langer geheim (bijvoorbeeld vier losse woorden)."
            ));
        }
        Ok(Some(Secret(secret)))
    }

    /// Whether `typed` is the secret, compared in constant time.
    pub fn matches(&self, typed: &str) -> bool {
        constant_time_eq(self.0.as_bytes(), typed.as_bytes())
    }
}

/// Whether two byte strings are equal, in a time that does not depend on
/// where they differ: both are hashed (SHA-256, so their lengths do not
/// matter either), and every byte of the hashes is compared.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    use sha2::{Digest, Sha256};
    let (a, b) = (Sha256::digest(a), Sha256::digest(b));
    let difference = a
        .iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| std::hint::black_box(acc | (x ^ y)));
    difference == 0
}

/// The sessions of logged-in colleagues.
#[derive(Debug, Default)]
pub struct Sessions {
    started: Mutex<HashMap<String, Instant>>,
}

impl Sessions {
    /// Starts a session and returns its id: 128 random bits from the system.
    pub fn start(&self) -> std::io::Result<String> {
        use std::io::Read;
        let mut bytes = [0u8; 16];
        std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
        let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let mut started = self.lock();
        started.retain(|_, at| at.elapsed() < SESSION_TIME);
        started.insert(id.clone(), Instant::now());
        Ok(id)
    }

    /// Whether `id` is a session that has not run out; every session is
    /// compared, in constant time.
    pub fn is_valid(&self, id: &str) -> bool {
        self.lock()
            .iter()
            .filter(|(_, at)| at.elapsed() < SESSION_TIME)
            .fold(false, |found, (known, _)| {
                found | constant_time_eq(known.as_bytes(), id.as_bytes())
            })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Instant>> {
        self.started
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The session id in a request's cookies, if there is one.
pub fn session_cookie(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == COOKIE).then(|| value.to_string())
        })
}

/// The `Set-Cookie` value for a new session.
pub fn set_cookie(id: &str) -> String {
    format!(
        "{COOKIE}={id}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}",
        SESSION_TIME.as_secs()
    )
}

/// `GET /login`: the form (or the templates, when no login is needed).
pub(super) async fn page(State(state): State<Arc<AppState>>) -> Response {
    if state.secret.is_none() {
        return Redirect::to("/templates").into_response();
    }
    Html(pages::login(None)).into_response()
}

/// `POST /login`: checks the secret; a right one starts a session, a wrong one waits a second.
pub(super) async fn submit(
    State(state): State<Arc<AppState>>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let Some(secret) = &state.secret else {
        return Redirect::to("/templates").into_response();
    };
    let typed = form.get("secret").map(String::as_str).unwrap_or_default();
    if !secret.matches(typed) {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        return (
            StatusCode::UNAUTHORIZED,
            Html(pages::login(Some(
                "Dat geheim klopt niet. Probeer het nog eens.",
            ))),
        )
            .into_response();
    }
    match state.sessions.start() {
        Ok(id) => {
            let mut response = Redirect::to("/tasks").into_response();
            if let Ok(cookie) = HeaderValue::from_str(&set_cookie(&id)) {
                response.headers_mut().insert(header::SET_COOKIE, cookie);
            }
            response
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The answer for a request that needs a login and has none: to the login
/// page for a page, 401 for a form. `None` when the request may go on (no
/// secret is set, the session is valid, or it asks for the login page).
pub(super) fn refuse(state: &AppState, request: &Request) -> Option<Response> {
    let open_path = matches!(request.uri().path(), "/login" | "/style.css");
    let logged_in = state.secret.is_none()
        || session_cookie(request.headers()).is_some_and(|id| state.sessions.is_valid(&id));
    if logged_in || open_path {
        return None;
    }
    let mut response = if request.method() == axum::http::Method::GET {
        Redirect::to("/login").into_response()
    } else {
        (
            StatusCode::UNAUTHORIZED,
            Html(pages::message("Log eerst in op /login.")),
        )
            .into_response()
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Some(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole_and_sessions_run_out() {
        let secret = Secret("een-lang-geheim-van-zestien".to_string());
        assert!(secret.matches("een-lang-geheim-van-zestien"));
        assert!(!secret.matches("een-lang-geheim-van-zestie"));
        assert!(!secret.matches(""));
        assert_eq!(format!("{secret:?}"), "Secret(…)");
        let sessions = Sessions::default();
        let id = sessions.start().unwrap();
        assert_eq!(id.len(), 32);
        assert!(sessions.is_valid(&id));
        assert!(!sessions.is_valid("0".repeat(32).as_str()));
    }

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let mut headers = axum::http::HeaderMap::new();
        headers.insert(
            axum::http::header::COOKIE,
            "a=1; helder_sessie=abc; b=2".parse().unwrap(),
        );
        assert_eq!(session_cookie(&headers).as_deref(), Some("abc"));
        assert!(set_cookie("abc").contains("HttpOnly; SameSite=Strict"));
    }
}
