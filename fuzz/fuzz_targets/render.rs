//! A template rendered with arbitrary event values: the value shows up as
//! text (escaped), never as markup, and nothing panics.
#![no_main]
use helder::config::Config;
use helder::letter::{ComposeOptions, build_letter};
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

fuzz_target!(|value: &str| {
    let (config, templates, example) = setup();
    let mut event = example.clone();
    event["data"]["recipient"]["surname"] = serde_json::Value::String(value.to_string());
    event["data"]["decision"]["reasons"][0] = serde_json::Value::String(value.to_string());
    let origin = helder::event::Origin {
        file: "fuzz".into(),
        line: None,
    };
    let Ok(event) = helder::event::event_from_value(event, origin) else {
        return;
    };
    let options = ComposeOptions {
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        draft: false,
    };
    if let Ok(letter) = build_letter(&event, config, templates, options) {
        let html = String::from_utf8(
            helder::render::Renderer::render(&helder::render::html::HtmlRenderer, &letter).unwrap(),
        )
        .unwrap();
        // A value that would open a tag shows up escaped, never as markup.
        let opens_tag = value
            .as_bytes()
            .windows(2)
            .any(|w| w[0] == b'<' && w[1].is_ascii_alphabetic());
        if opens_tag && !value.contains(['\n', '\r', '\t']) {
            assert!(!html.contains(value), "raw value in the page");
        }
    }
});
