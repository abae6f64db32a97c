//! A hostile template: loops nested at will, texts doubled, lists doubled,
//! filters that multiply, comprehensions, loops over a text, with the fuzzer's
//! own text in between. Whatever it builds, making the letter ends (a letter
//! or a template error) within the render budget: the fuzzer's `-timeout`
//! and `-rss_limit_mb` catch a render that runs away, and the target itself
//! fails one that takes more than three seconds.
#![no_main]
use helder::config::Config;
use helder::compose::{ComposeOptions, build_letter};
use helder::template::TemplateSet;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

struct Setup {
    config: Config,
    dir: PathBuf,
    event: helder::event::CaseEvent,
}

fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let config = Config::load(&root.join("helder.toml")).unwrap();
        // A templates folder of its own: the shipped partials, one template.
        let dir = std::env::temp_dir().join(format!("helder-fuzz-budget-{}", std::process::id()));
        let partials = dir.join("_partials");
        std::fs::create_dir_all(&partials).unwrap();
        for entry in std::fs::read_dir(root.join("letter-templates/_partials")).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), partials.join(entry.file_name())).unwrap();
        }
        let text = std::fs::read_to_string(
            root.join("letter-templates/examples/application_received-plain.json"),
        )
        .unwrap();
        let origin = helder::event::Origin {
            file: "fuzz".into(),
            line: None,
        };
        let event =
            helder::event::event_from_value(serde_json::from_str(&text).unwrap(), origin).unwrap();
        Setup { config, dir, event }
    })
}

/// Builds a template body from the fuzzer's bytes: each byte picks a step.
fn body(data: &[u8]) -> String {
    let mut out = String::from(
        "{{ recipient | salutation }},\n\n{%- set_global s = \"ab\" -%}{%- set_global l = [1] -%}\n",
    );
    let mut open = 0usize;
    let mut bytes = data.iter().copied();
    while let Some(step) = bytes.next() {
        let n = usize::from(bytes.next().unwrap_or(0)) * 4;
        match step % 16 {
            0 => {
                out.push_str(&format!("{{%- for i{open} in range(end={}) -%}}", n.min(1000)));
                open += 1;
            }
            1 if open > 0 => {
                out.push_str("{%- endfor -%}");
                open -= 1;
            }
            2 => out.push_str("{%- set_global s = s ~ s -%}"),
            3 => out.push_str("{{ s }}"),
            4 => out.push_str("{{ s | replace(from=\"a\", to=s) }}"),
            5 => out.push_str("{%- set_global l = [l, l] -%}"),
            6 => out.push_str("{{ l | join(sep=s) }}"),
            7 => out.push_str("{{ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s }}"),
            8 => out.push_str("{% if s | length > 3 %}x{% endif %}"),
            9 => out.push_str("{% include \"_partials/help.md\" %}"),
            10 => out.push_str("{{ [x for x in range(end=10)] }}"),
            11 => out.push_str("{%- for c in s -%}{{ c }}{%- endfor -%}"),
            12 => out.push_str("{%- set x = s ~ s -%}{{ x | length }}"),
            13 => out.push_str("{{ l }}"),
            14 => out.push_str("{{ s | upper | lower | title }}"),
            _ => {
                // The fuzzer's own text, as it is: syntax errors are fine.
                let take = (n / 4).min(16);
                let text: Vec<u8> = bytes.by_ref().take(take).collect();
                out.push_str(&String::from_utf8_lossy(&text));
            }
        }
    }
    for _ in 0..open {
        out.push_str("{%- endfor -%}");
    }
    out.push('\n');
    out
}

fuzz_target!(|data: &[u8]| {
    let setup = setup();
    let source = format!(
        "+++\nevent-type = \"application_received\"\nsubject = \"x\"\nbesluit = false\n+++\n{}",
        body(data)
    );
    std::fs::write(setup.dir.join("application_received.md"), source).unwrap();
    let started = Instant::now();
    if let Ok(templates) = TemplateSet::load(&setup.dir, "Beste") {
        let options = ComposeOptions {
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            draft: false,
        };
        let _ = build_letter(&setup.event, &setup.config, &templates, options);
    }
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "a template ran for {:?}",
        started.elapsed()
    );
});
