//! `helder serve`: a page for template authors and one for the call-first list,
//! on the local machine.
//!
//! - `/templates`: every template with its level and findings; per template the
//!   letter for a chosen example beside its findings, the words marked, and
//!   the readability numbers as gauges. When a template or partial changes on
//!   disk, the page reloads itself (notify + server-sent events).
//! - `/tasks` (with `--out DIR`, a batch folder): the open call-first tasks,
//!   oldest deadline first, with a form to record the call. Recording writes a
//!   `contact_recorded` event and runs it through the batch, exactly as a batch
//!   would: the held letter is released or keeps waiting.
//!
//! Security: only a Host header of localhost, 127.0.0.1 or [::1] (or the
//! address given with --address) is served, against DNS rebinding; a form
//! needs this run's token; every value is escaped; the Content-Security-Policy
//! allows nothing from elsewhere; and nothing is logged.

pub mod pages;
pub mod preview;

use crate::config::Config;
use axum::Router;
use axum::extract::{Form, Path as UrlPath, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
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
}

struct AppState {
    config: Config,
    token: String,
    out: Option<PathBuf>,
    reload: broadcast::Sender<()>,
    hosts: Vec<String>,
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
        let state = Arc::new(AppState {
            config,
            token: new_token(),
            out: options.out,
            reload,
            hosts,
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
    if !state.hosts.contains(&name) {
        return (
            StatusCode::MISDIRECTED_REQUEST,
            "helder serve antwoordt alleen op localhost en 127.0.0.1.",
        )
            .into_response();
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
        pages::STYLE,
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
        let templates = load_templates(&state);
        let Some(template) = templates
            .iter()
            .find(|t| t.front_matter.event_type.as_str() == event_type)
        else {
            return Err((
                StatusCode::NOT_FOUND,
                format!("Er is geen sjabloon voor {event_type}."),
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
        let preview = preview::preview(&state.config, &templates, template, example)?;
        let renderer = crate::render::Format::Pdf.renderer(&state.config);
        renderer.render(&preview.letter).map_err(|e| e.0)
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
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(out) = state.out.clone() else {
        return Html(pages::message(
            "Start helder serve met --out MAP (de map van helder batch) om de lijst van mensen om te bellen te zien.",
        ))
        .into_response();
    };
    let tasks = tokio::task::spawn_blocking(move || crate::batch::open_tasks(&out))
        .await
        .unwrap_or_else(|_| Err("Er ging iets mis.".to_string()));
    match tasks {
        Ok(tasks) => Html(pages::tasks(
            &tasks,
            &state.token,
            query.get("klaar").map(String::as_str),
        ))
        .into_response(),
        Err(message) => (StatusCode::NOT_FOUND, Html(pages::message(&message))).into_response(),
    }
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
    let reached = form.get("outcome").map(String::as_str) == Some("reached");
    let note = form
        .get("note")
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let state2 = state.clone();
    let id = event_id.clone();
    let result =
        tokio::task::spawn_blocking(move || record(&state2.config, &out, &id, reached, note)).await;
    match result {
        Ok(Ok(())) => {
            Redirect::to(&format!("/tasks?klaar={}", url_encode(&event_id))).into_response()
        }
        Ok(Err(message)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(pages::message(&message)),
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
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

/// Writes a `contact_recorded` event for the task of `event_id` and runs it
/// through the batch in `out`, so the journal releases or keeps the letter.
fn record(
    config: &Config,
    out: &std::path::Path,
    event_id: &str,
    reached: bool,
    note: Option<String>,
) -> Result<(), String> {
    let tasks = crate::batch::open_tasks(out)?;
    let task = tasks
        .iter()
        .find(|t| t.event_id == event_id)
        .ok_or_else(|| "Deze taak staat niet meer open.".to_string())?;
    let now = chrono::Local::now();
    let stamp = now.format("%Y%m%dT%H%M%S%.3f").to_string();
    let data = &task.event["data"];
    let mut prior = serde_json::json!({
        "contact_id": format!("serve-{stamp}"),
        "at": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        "channel": "phone",
        "outcome": if reached { "reached" } else { "no_contact" },
    });
    if reached {
        // The page has no choice yet: reaching the person sends the letter.
        prior["decision"] = serde_json::Value::String("send".to_string());
    }
    if let Some(note) = note.filter(|_| reached) {
        prior["heard"] = serde_json::Value::String(note);
    }
    let contact = serde_json::json!({
        "specversion": "1.0",
        "id": format!("contact-{}-{stamp}", task.event_id),
        "source": "urn:helder:serve",
        "type": "nl.participatiewet.bijstand.contact_recorded",
        "subject": task.case_id,
        "time": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        "datacontenttype": "application/json",
        "data": {
            "event_type": "contact_recorded",
            "occurred_on": now.format("%Y-%m-%d").to_string(),
            "case": data["case"],
            "recipient": data["recipient"],
            "contact": data["contact"],
            "flags": { "sanction": false, "fraud_suspicion": false },
            "prior_contact": prior,
        }
    });
    let dir = out.join(crate::output::CONTACTS_DIR);
    crate::fs::create_private_dir(&dir)
        .map_err(|e| format!("de map {} kan niet worden gemaakt ({e})", dir.display()))?;
    let path = dir.join(format!(
        "{}.json",
        crate::output::file_stem(&format!("contact-{}-{stamp}", task.event_id))
    ));
    crate::fs::write_private(&path, contact.to_string().as_bytes())
        .map_err(|e| format!("{} kan niet worden geschreven ({e})", path.display()))?;
    let templates =
        crate::template::TemplateSet::load(&config.templates_dir, &config.letter.greeting)
            .map_err(|errors| {
                format!(
                    "de sjablonen kloppen niet: {}",
                    errors.first().map(ToString::to_string).unwrap_or_default()
                )
            })?;
    let options = crate::batch::BatchOptions {
        input: path,
        out: out.to_path_buf(),
        formats: vec![crate::render::Format::Pdf, crate::render::Format::Html],
        date: now.date_naive(),
        dry_run: false,
    };
    let summary = crate::batch::run(
        &options,
        config,
        &templates,
        &crate::output::Disk,
        &mut |_| {},
    )
    .map_err(|e| e.to_string())?;
    if summary.counts.errors > 0 {
        let errors =
            std::fs::read_to_string(out.join(crate::output::ERRORS_FILE)).unwrap_or_default();
        let last = errors.lines().last().unwrap_or_default().to_string();
        return Err(format!("Het gesprek kon niet worden verwerkt: {last}"));
    }
    Ok(())
}
