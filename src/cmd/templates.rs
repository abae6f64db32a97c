//! `helder templates`: the templates with their event type, besluit and call-first policy.

use super::Terminal;
use crate::config::Config;
use crate::event::EventType;
use crate::template::TemplateSet;

/// The table of templates, one line each, and a line for event types without a template.
pub fn run(
    config: &Config,
    templates: &TemplateSet,
    terminal: &mut dyn Terminal,
) -> super::Outcome {
    for line in table(config, templates) {
        terminal.line(&line);
    }
    super::Outcome::Success
}

fn table(config: &Config, templates: &TemplateSet) -> Vec<String> {
    let mut lines = vec![format!(
        "{:<28} {:<8} {:<12} {:<9} {}",
        "EVENT TYPE", "BESLUIT", "CALL FIRST", "EXAMPLES", "DESCRIPTION"
    )];
    for template in templates.iter() {
        let front = &template.front_matter;
        lines.push(format!(
            "{:<28} {:<8} {:<12} {:<9} {}",
            front.event_type.as_str(),
            if front.besluit { "ja" } else { "nee" },
            config.policy.level(front.event_type).to_string(),
            front.examples.len(),
            front
                .description
                .as_deref()
                .unwrap_or(front.event_type.dutch_name())
        ));
    }
    let missing: Vec<&str> = EventType::ALL
        .iter()
        .filter(|t| **t != EventType::ContactRecorded && templates.get(**t).is_none())
        .map(|t| t.as_str())
        .collect();
    if !missing.is_empty() {
        lines.push(String::new());
        lines.push(format!(
            "No template yet ({}): {}",
            missing.len(),
            missing.join(", ")
        ));
    }
    lines
}
