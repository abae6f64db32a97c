//! Integration tests: one binary for the whole suite, one module per feature.

mod architecture;
mod baseline;
mod batch;
mod call_flow;
mod call_page;
mod cli;
mod events;
mod hardening;
mod letters;
mod lint;
mod morphology;
mod paths;
mod pdf;
mod readability;
mod release;
mod routing;
mod schema;
mod serve;
mod settings;
mod spelling;
mod support;
mod tasks;
mod template_ci;
mod templates;
mod tone;
mod tone_corpus;
