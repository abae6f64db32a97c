//! A template rendered with arbitrary event values: the value shows up as
//! text (escaped), never as markup, and nothing panics.
#![no_main]
use helder::config::Config;
use helder::compose::{ComposeOptions, build_letter};
use helder::template::TemplateSet;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn setup() -> &'static (Config, TemplateSet, serde_json::Value) {
    static SETUP: OnceLock<(Config, TemplateSet, serde_json::Value)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let config = Config::load(&root.join("helder.toml")).unwrap();
        let templates = TemplateSet::load(&config.templates_dir, &config.letter.greeting).unwrap();
        let example = std::fs::read_to_string(
            root.join("letter-templates/examples/benefit_granted-awkward.json"),
        )
        .unwrap();
        (config, templates, serde_json::from_str(&example).unwrap())
    })
}

/// The HTML of the example letter with `value` as surname and first reason.
fn page(value: &str) -> Option<String> {
    let (config, templates, example) = setup();
    let mut event = example.clone();
    event["data"]["recipient"]["surname"] = serde_json::Value::String(value.to_string());
    event["data"]["decision"]["reasons"][0] = serde_json::Value::String(value.to_string());
    let origin = helder::event::Origin {
        file: "fuzz".into(),
        line: None,
    };
    let event = helder::event::event_from_value(event, origin).ok()?;
    let options = ComposeOptions {
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        draft: false,
    };
    let letter = build_letter(&event, config, templates, options).ok()?;
    let bytes =
        helder::render::Renderer::render(&helder::render::html::HtmlRenderer, &letter).ok()?;
    Some(String::from_utf8(bytes).unwrap())
}

fuzz_target!(|value: &str| {
    // A value never adds markup: the page has as many tags as with a plain name.
    if let (Some(html), Some(plain)) = (page(value), page("Jansen")) {
        assert_eq!(
            html.matches('<').count(),
            plain.matches('<').count(),
            "the value added markup"
        );
    }
});
