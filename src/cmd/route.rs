//! `helder route`: the routing decision of each event as JSON, one object a line.

use super::{Outcome, Terminal};
use crate::cli::RouteArgs;
use crate::config::Config;
use crate::event::read_events;
use crate::route::{RouteReport, route};

/// Routes every event; one JSON line per event on stdout, errors on stderr.
pub fn run(args: &RouteArgs, config: &Config, terminal: &mut dyn Terminal) -> Outcome {
    let mut outcome = Outcome::Success;
    for result in read_events(&args.events) {
        match result {
            Ok(event) => {
                let decision = route(&event, &config.policy);
                let report = RouteReport::new(&event, &decision);
                match serde_json::to_string(&report) {
                    Ok(json) => terminal.line(&json),
                    Err(e) => {
                        terminal.error(&format!(
                            "gebeurtenis {}: de uitkomst kan niet als JSON worden geschreven ({e})",
                            event.id
                        ));
                        outcome = Outcome::EventErrors;
                    }
                }
            }
            Err(e) => {
                terminal.error(&e.to_string());
                outcome = Outcome::EventErrors;
            }
        }
    }
    outcome
}
