//! `helder route`: the routing decision of each event as JSON, one object a line.

use super::Outcome;
use crate::cli::RouteArgs;
use crate::config::Config;
use crate::event::read_events;
use crate::route::{RouteReport, route};

/// Routes every event; prints one JSON line per event on `out`, errors on `err`.
pub fn run(
    args: &RouteArgs,
    config: &Config,
    out: &mut dyn FnMut(String),
    err: &mut dyn FnMut(String),
) -> Outcome {
    let mut outcome = Outcome::Success;
    for result in read_events(&args.events) {
        match result {
            Ok(event) => {
                let decision = route(&event, &config.policy);
                let report = RouteReport::new(&event, &decision);
                match serde_json::to_string(&report) {
                    Ok(json) => out(json),
                    Err(e) => {
                        err(format!(
                            "gebeurtenis {}: de uitkomst kan niet als JSON worden geschreven ({e})",
                            event.id
                        ));
                        outcome = Outcome::EventErrors;
                    }
                }
            }
            Err(e) => {
                err(e.to_string());
                outcome = Outcome::EventErrors;
            }
        }
    }
    outcome
}
