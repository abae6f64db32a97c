//! `helder serve`: a page for template authors and one for the call-first list,
//! on the local machine.
//!
//! - `/templates`: every template with its level and findings; per template the
//!   letter for a chosen example beside its findings, the words marked, and
//!   the readability numbers as gauges. When a template or partial changes on
//!   disk, the page reloads itself (notify + server-sent events).
//! - `/tasks` (with `--out DIR`, a batch folder): the open call-first tasks
//!   ([`calls`]): filters, counts, fifty compact rows a page that open into
//!   their card, and a form to record the call and a person's decision
//!   ([`contact_form`]). After a confirmation that says what will happen, the
//!   form becomes a `contact_recorded` event that runs through the batch,
//!   exactly as a batch would: the held letter goes out, or it does not.
//!
//! Security: only a Host header of localhost, 127.0.0.1 or [::1] (or the
//! address given with --address, or a name given with --host) is served,
//! against DNS rebinding; off loopback every page needs a login ([`login`]);
//! a form needs this run's token; a call is recorded only while this process
//! holds the batch folder ([`crate::folder`]); every value is escaped; the
//! Content-Security-Policy allows nothing from elsewhere; and nothing is logged.

pub mod calls;
pub mod contact_form;
pub mod login;
pub mod pages;
pub mod preview;
mod record;

use crate::config::Config;
use axum::Router;
use axum::extract::{Form, Path as UrlPath, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use futures_util::Stream;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::broadcast;

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The address to listen on (127.0.0.1 unless told otherwise).
    pub address: IpAddr,
    /// The port (0: any free port).
    pub port: u16,
    /// A batch folder, for the call-first page.
    pub out: Option<PathBuf>,
    /// Host names colleagues use to reach this computer (besides its address).
    pub hosts: Vec<String>,
    /// The secret to log in with; required off loopback (see [`login`]).
    pub secret: Option<login::Secret>,
}

struct AppState {
    config: Config,
    token: String,
    out: Option<PathBuf>,
    reload: broadcast::Sender<()>,
    hosts: Vec<String>,
    secret: Option<login::Secret>,
    sessions: login::Sessions,
}

/// The token that state-changing requests need: 128 random bits from the system.
fn new_token() -> String {
    let mut bytes = [0u8; 16];
    if let Ok(mut random) = std::fs::File::open("/dev/urandom") {
        use std::io::Read;
        let _ = random.read_exact(&mut bytes);
    }
    let seed = format!(
        "{}{:?}{}",
        crate::output::sha256_hex(&bytes),
        std::time::SystemTime::now(),
        std::process::id()
    );
    crate::output::sha256_hex(seed.as_bytes())[..32].to_string()
}

/// Starts the server and serves until the process ends. `ready` gets the
/// address it listens on (useful with port 0).
pub fn run(
    options: ServeOptions,
    config: Config,
    ready: impl FnOnce(SocketAddr),
) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    if !options.address.is_loopback() && options.secret.is_none() {
        anyhow::bail!(
            "helder serve luistert niet op {}: dan kunnen andere computers de lijst met namen en telefoonnummers openen, en daarvoor is inloggen nodig. Zet een geheim van minstens {} tekens in een bestand en geef dat met --secret-file PAD, of zet het in de omgevingsvariabele {}. Of laat --address weg: dan luistert helder serve alleen op deze computer.",
            options.address,
            login::MIN_SECRET_CHARS,
            login::SECRET_VARIABLE
        );
    }
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind((options.address, options.port))
            .await
            .map_err(|e| {
                anyhow::anyhow!(
                    "helder serve kan niet luisteren op {}:{} ({e}). Kies een andere poort met --port.",
                    options.address,
                    options.port
                )
            })?;
        let address = listener.local_addr()?;
        let (reload, _) = broadcast::channel(16);
        let _watcher = watch(&config.templates_dir, reload.clone())?;
        let mut hosts = vec![
            "localhost".to_string(),
            "127.0.0.1".to_string(),
            "[::1]".to_string(),
        ];
        if !options.address.is_loopback() {
            hosts.push(match options.address {
                IpAddr::V6(v6) => format!("[{v6}]"),
                IpAddr::V4(v4) => v4.to_string(),
            });
        }
        hosts.extend(options.hosts.iter().map(|h| h.trim().to_ascii_lowercase()));
        let state = Arc::new(AppState {
            config,
            token: new_token(),
            out: options.out,
            reload,
            hosts,
            secret: options.secret,
            sessions: login::Sessions::default(),
        });
        let app = router(state);
        ready(address);
        axum::serve(listener, app).await?;
        Ok(())
    })
}

fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(|| async { Redirect::to("/templates") }))
        .route("/login", get(login::page).post(login::submit))
        .route("/style.css", get(style))
        .route("/app.js", get(script))
        .route("/letter.css", get(letter_style))
        .route("/events", get(events))
        .route("/templates", get(templates_page))
        .route("/templates/{event_type}", get(template_page))
        .route("/templates/{event_type}/pdf", get(template_pdf))
        .route("/tasks", get(tasks_page))
        .route("/tasks/{event_id}/draft", get(task_draft))
        .route("/tasks/{event_id}/contact", post(record_contact))
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .with_state(state)
}

/// Refuses foreign Host headers (DNS rebinding) and sets the security headers.
async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let name = if host.starts_with('[') {
        host.split(']')
            .next()
            .map(|h| format!("{h}]"))
            .unwrap_or_default()
    } else {
        host.split(':').next().unwrap_or_default().to_string()
    };
    if !state.hosts.contains(&name.to_ascii_lowercase()) {
        return (
            StatusCode::MISDIRECTED_REQUEST,
            "helder serve antwoordt alleen op localhost, 127.0.0.1 en de namen die bij --host staan.",
        )
            .into_response();
    }
    if let Some(refused) = login::refuse(&state, &request) {
        return refused;
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Watches the templates folder; every change is one reload message.
fn watch(
    dir: &std::path::Path,
    reload: broadcast::Sender<()>,
) -> anyhow::Result<notify::RecommendedWatcher> {
    use notify::Watcher;
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        if let Ok(event) = result
            && !matches!(event.kind, notify::EventKind::Access(_))
        {
            let _ = reload.send(());
        }
    })?;
    watcher
        .watch(dir, notify::RecursiveMode::Recursive)
        .map_err(|e| anyhow::anyhow!("de map {} kan niet worden gevolgd ({e})", dir.display()))?;
    Ok(watcher)
}

async fn style() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        format!("{}{}", pages::STYLE, calls::STYLE),
    )
}

async fn letter_style() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        crate::render::html::STYLE,
    )
}

async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        pages::SCRIPT,
    )
}

async fn events(
    State(state): State<Arc<AppState>>,
) -> Sse<impl Stream<Item = Result<Event, std::convert::Infallible>>> {
    use futures_util::StreamExt;
    let stream = tokio_stream::wrappers::BroadcastStream::new(state.reload.subscribe())
        .map(|_| Ok(Event::default().data("reload")));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

fn load_templates(state: &AppState) -> crate::template::TemplateSet {
    crate::template::TemplateSet::load_lenient(
        &state.config.templates_dir,
        &state.config.letter.greeting,
    )
    .0
}

async fn templates_page(State(state): State<Arc<AppState>>) -> Html<String> {
    let state2 = state.clone();
    let reports = tokio::task::spawn_blocking(move || {
        crate::template_ci::check(
            &state2.config.templates_dir,
            &state2.config,
            &crate::template_ci::Selection::All,
        )
    })
    .await
    .unwrap_or_default();
    Html(pages::templates(&reports, state.out.is_some()))
}

async fn template_page(
    State(state): State<Arc<AppState>>,
    UrlPath(event_type): UrlPath<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let result = tokio::task::spawn_blocking(move || {
        let (templates, problems) = crate::template::TemplateSet::load_lenient(
            &state.config.templates_dir,
            &state.config.letter.greeting,
        );
        let Some(template) = templates
            .iter()
            .find(|t| t.front_matter.event_type.as_str() == event_type)
        else {
            return Err(preview::not_loaded(
                &state.config.templates_dir,
                &event_type,
                &problems,
            ));
        };
        let example = query
            .get("example")
            .filter(|e| template.front_matter.examples.contains(e))
            .cloned()
            .or_else(|| template.front_matter.examples.first().cloned());
        let reports = crate::template_ci::check(
            &state.config.templates_dir,
            &state.config,
            &crate::template_ci::Selection::Only([template.path.clone()].into()),
        );
        let preview = example
            .as_deref()
            .map(|e| preview::preview(&state.config, &templates, template, e));
        Ok(pages::template(
            &state.config.templates_dir,
            template,
            example.as_deref(),
            preview,
            &reports,
            state.out.is_some(),
        ))
    })
    .await;
    match result {
        Ok(Ok(page)) => Html(page).into_response(),
        Ok(Err((status, message))) => (status, Html(pages::message(&message))).into_response(),
        Err(_) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            Html(pages::message("Er ging iets mis.")),
        )
            .into_response(),
    }
}

async fn template_pdf(
    State(state): State<Arc<AppState>>,
    UrlPath(event_type): UrlPath<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let result = tokio::task::spawn_blocking(move || -> Result<Vec<u8>, String> {
        let templates = load_templates(&state);
        let template = templates
            .iter()
            .find(|t| t.front_matter.event_type.as_str() == event_type)
            .ok_or_else(|| format!("Er is geen sjabloon voor {event_type}."))?;
        let example = query
            .get("example")
            .filter(|e| template.front_matter.examples.contains(e))
            .or_else(|| template.front_matter.examples.first())
            .ok_or_else(|| "Dit sjabloon heeft geen voorbeeld.".to_string())?;
        let preview = preview::preview(&state.config, &templates, template, example)
            .map_err(|e| e.to_string())?;
        let renderer = crate::render::Format::Pdf.renderer(&state.config);
        renderer.render(&preview.letter).map_err(|e| e.to_string())
    })
    .await;
    match result {
        Ok(Ok(bytes)) => ([(header::CONTENT_TYPE, "application/pdf")], bytes).into_response(),
        Ok(Err(message)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(pages::message(&message)),
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

async fn tasks_page(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(out) = state.out.clone() else {
        return Html(pages::message(
            "Start helder serve met --out MAP (de map van helder batch) om de lijst van mensen om te bellen te zien.",
        ))
        .into_response();
    };
    let remembered = cookie(&headers, calls::CONTACT_COOKIE);
    let filter = calls::Filter::from_query(&query, remembered.as_deref());
    let today = chrono::Local::now().date_naive();
    let tasks = tokio::task::spawn_blocking(move || crate::batch::open_tasks(&out))
        .await
        .map_err(|_| "Er ging iets mis.".to_string())
        .and_then(|tasks| tasks.map_err(|problem| problem.to_string()));
    let notice = query.get("klaar").map(|id| {
        let what = match query.get("gevolg").map(String::as_str) {
            Some("brief") => " De brief is verstuurd.",
            Some("geen-brief") => " Er is geen brief verstuurd.",
            _ => "",
        };
        format!("Het gesprek voor {id} is vastgelegd.{what}")
    });
    let mut response = match tasks {
        Ok(tasks) => Html(calls::page(
            &tasks,
            &filter,
            today,
            &state.token,
            notice.as_deref(),
        ))
        .into_response(),
        Err(message) => {
            return (StatusCode::NOT_FOUND, Html(pages::message(&message))).into_response();
        }
    };
    // Choosing a contact person remembers the choice for the next visit.
    if let Some(chosen) = query.get("contact") {
        let value = if chosen.trim().is_empty() {
            format!(
                "{}=; Path=/tasks; Max-Age=0; SameSite=Strict; HttpOnly",
                calls::CONTACT_COOKIE
            )
        } else {
            format!(
                "{}={}; Path=/tasks; Max-Age=31536000; SameSite=Strict; HttpOnly",
                calls::CONTACT_COOKIE,
                url_encode(chosen.trim())
            )
        };
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(header::SET_COOKIE, value);
        }
    }
    response
}

/// A cookie's value from the request, percent-decoded.
fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .flat_map(|h| h.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| url_decode(value))
}

/// Decodes `%XX` escapes (and `+` as a space); a broken escape stays as it is.
fn url_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

async fn task_draft(
    State(state): State<Arc<AppState>>,
    UrlPath(event_id): UrlPath<String>,
) -> Response {
    let Some(out) = state.out.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let path = out.join(crate::output::task_draft(
        &crate::output::file_stem(&event_id),
        "html",
    ));
    match std::fs::read_to_string(&path) {
        Ok(html) => Html(html).into_response(),
        Err(_) => (
            StatusCode::NOT_FOUND,
            Html(pages::message("Er is geen concept in HTML voor deze taak.")),
        )
            .into_response(),
    }
}

async fn record_contact(
    State(state): State<Arc<AppState>>,
    UrlPath(event_id): UrlPath<String>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    if form.get("token") != Some(&state.token) {
        return (
            StatusCode::FORBIDDEN,
            Html(pages::message(
                "Dit formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.",
            )),
        )
            .into_response();
    }
    let Some(out) = state.out.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let state2 = state.clone();
    let id = event_id.clone();
    let result = tokio::task::spawn_blocking(move || contact(&state2, &out, &id, &form)).await;
    match result {
        Ok(Ok(Recording::Confirm(page))) => Html(page).into_response(),
        Ok(Ok(Recording::Done(sent))) => Redirect::to(&format!(
            "/tasks?klaar={}&gevolg={}",
            url_encode(&event_id),
            if sent { "brief" } else { "geen-brief" }
        ))
        .into_response(),
        Ok(Err((status, page))) => (status, Html(page)).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// What a posted form led to.
enum Recording {
    /// The confirmation page to show.
    Confirm(String),
    /// Recorded; whether a letter went out.
    Done(bool),
}

/// The form of one task: checked and shown for confirmation, or, confirmed,
/// recorded. The error is a page that says what to fix, with the form again
/// (422), or that a batch holds the folder (409: try again shortly).
fn contact(
    state: &AppState,
    out: &std::path::Path,
    event_id: &str,
    form: &HashMap<String, String>,
) -> Result<Recording, (StatusCode, String)> {
    contact_page(state, out, event_id, form)
        .map_err(|page| (StatusCode::UNPROCESSABLE_ENTITY, page))?
}

fn contact_page(
    state: &AppState,
    out: &std::path::Path,
    event_id: &str,
    form: &HashMap<String, String>,
) -> Result<Result<Recording, (StatusCode, String)>, String> {
    let tasks =
        crate::batch::open_tasks(out).map_err(|problem| pages::message(&problem.to_string()))?;
    let Some(task) = tasks.iter().find(|t| t.event_id == event_id) else {
        return Err(pages::message(
            "Deze taak staat niet meer open. Misschien heeft iemand anders het gesprek al vastgelegd.",
        ));
    };
    let recorded = contact_form::parse(form).map_err(|problem| {
        let body = format!(
            "<h1>Nog niet vastgelegd</h1>\n<p class=\"problem\" role=\"alert\">{}</p>\n<div class=\"task\">\n{}</div>\n",
            crate::render::html::esc(&problem.to_string()),
            calls::card(task, 0, &state.token)
        );
        pages::layout("Nog niet vastgelegd", &body, false, true)
    })?;
    let now = chrono::Local::now();
    if form.get("confirm").map(String::as_str) != Some("1") {
        let preview = contact_form::preview(
            task,
            &recorded,
            now.date_naive(),
            state.config.policy.min_deadline_working_days(),
        );
        let contact_id = contact_form::new_contact_id(now, &new_token());
        let body = contact_form::confirmation(task, &recorded, &preview, &contact_id, &state.token);
        return Ok(Ok(Recording::Confirm(pages::layout(
            "Klopt dit?",
            &body,
            false,
            true,
        ))));
    }
    let contact_id = form.get("contact_id").cloned().unwrap_or_default();
    let Some(at) = contact_form::contact_time(&contact_id) else {
        return Err(pages::message(
            "Dit formulier is niet compleet. Open de taak opnieuw en vul het formulier in.",
        ));
    };
    // The batch folder is held while the call is recorded: a running batch goes first.
    let lock = match crate::folder::lock(out, false, &mut || {}) {
        Ok(lock) => lock,
        Err(e @ crate::folder::FolderError::Busy(_)) => {
            return Ok(Err((StatusCode::CONFLICT, pages::message(&e.to_string()))));
        }
        Err(e) => return Err(pages::message(&e.to_string())),
    };
    record::record(&state.config, &lock, task, &recorded, &contact_id, at)
        .map(Ok)
        .map_err(|e| pages::message(&e.to_string()))
}

fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_survive_a_cookie() {
        for name in ["Ilse Verhoef", "Jeroen Ćosić", "a%zz+b", "100%"] {
            assert_eq!(url_decode(&url_encode(name)), name);
        }
        assert_eq!(url_decode("%E2%82"), "\u{fffd}");
        assert_eq!(url_decode("50%"), "50%");
    }
}
