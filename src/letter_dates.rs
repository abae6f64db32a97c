//! The dates in a letter that goes out (DESIGN.md §3, "Dates").
//!
//! A letter is dated the day it is made. Whatever it asks of the person must
//! leave time to read it and act: every deadline lies at least
//! `min-deadline-working-days` working days (policy, default 5) after the
//! letter's date. A held letter that is released later has its close
//! deadlines moved to that minimum, and the moves are recorded; a first
//! letter with a deadline that is already too close is refused, because
//! nobody decided to change it. A planned appointment cannot be moved by
//! helder (someone has to be there), so one that is too close is refused too.
//! A measure or change that starts before the letter's date is refused unless
//! the event says it works back in time (`flags.retroactive`).
//!
//! Problems name the field and the dates, never another value of the event.

use crate::calendar::add_working_days;
use crate::dutch::long_date;
use crate::event::EventType;
use crate::event::{CaseEvent, EventData, IsoDate};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The working days between a letter's date and its first deadline, unless the policy says more.
pub const DEFAULT_MIN_DEADLINE_WORKING_DAYS: u32 = 5;

/// A deadline moved at release, so that the letter leaves time to act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineMove {
    /// What has to happen by then (the deadline's label).
    pub label: String,
    /// The date in the event.
    pub from: IsoDate,
    /// The date in the letter.
    pub to: IsoDate,
}

/// Why a letter cannot go out with these dates: the field, what is wrong, how to fix it (Dutch).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem {
    /// The JSON path, e.g. `data.deadlines[0].date`.
    pub field: String,
    /// What is wrong.
    pub problem: String,
    /// How to fix it.
    pub fix: String,
}

/// The first day a deadline may fall on, in a letter dated `letter_date`.
pub fn earliest_deadline(letter_date: NaiveDate, min_working_days: u32) -> NaiveDate {
    add_working_days(letter_date, min_working_days)
}

/// Moves every deadline earlier than the minimum to the minimum, and says which moved.
pub fn move_close_deadlines(
    data: &mut EventData,
    letter_date: NaiveDate,
    min_working_days: u32,
) -> Vec<DeadlineMove> {
    let earliest = earliest_deadline(letter_date, min_working_days);
    let mut moves = Vec::new();
    for deadline in &mut data.deadlines {
        if deadline.date.0 < earliest {
            moves.push(DeadlineMove {
                label: deadline.label.to_string(),
                from: deadline.date,
                to: IsoDate(earliest),
            });
            deadline.date = IsoDate(earliest);
        }
    }
    moves
}

/// Checks the dates of a letter that goes out as it is, dated `letter_date`.
pub fn check(
    event: &CaseEvent,
    letter_date: NaiveDate,
    min_working_days: u32,
) -> Result<(), DateProblem> {
    let earliest = earliest_deadline(letter_date, min_working_days);
    let day = |d: NaiveDate| long_date(d, false).replace('\u{a0}', " ");
    let data = &event.data;
    for (i, deadline) in data.deadlines.iter().enumerate() {
        if deadline.date.0 < earliest {
            return Err(DateProblem {
                field: format!("data.deadlines[{i}].date"),
                problem: format!(
                    "de termijn van {} ligt minder dan {min_working_days} werkdagen na de datum van de brief ({}). Dan heeft de persoon te weinig tijd",
                    day(deadline.date.0),
                    day(letter_date)
                ),
                fix: format!(
                    "Geef in het zaaksysteem een datum op of na {} en stuur de gebeurtenis opnieuw. Moet de persoon sneller iets doen? Bel dan eerst.",
                    day(earliest)
                ),
            });
        }
    }
    if let Some(appointment) = &data.appointment
        && event.event_type != EventType::AppointmentMissed
    {
        let on = appointment.start.0.date_naive();
        if on < earliest {
            return Err(DateProblem {
                field: "data.appointment.start".to_string(),
                problem: format!(
                    "de afspraak is op {}, minder dan {min_working_days} werkdagen na de datum van de brief ({}). De brief komt dan te laat",
                    day(on),
                    day(letter_date)
                ),
                fix: format!(
                    "Plan de afspraak op of na {} en stuur een nieuwe gebeurtenis. Is de afspraak al in een gesprek gemaakt? Dan is een brief niet nodig: kies na het gesprek \"geen brief\" (withdraw).",
                    day(earliest)
                ),
            });
        }
    }
    if let Some(start) = data.decision.as_ref().and_then(|d| d.ingangsdatum)
        && takes_effect_against_the_person(event.event_type)
        && start.0 < letter_date
        && !data.flags.retroactive
    {
        return Err(DateProblem {
            field: "data.decision.ingangsdatum".to_string(),
            problem: format!(
                "het besluit gaat in op {}, vóór de datum van de brief ({}), maar flags.retroactive staat niet aan",
                day(start.0),
                day(letter_date)
            ),
            fix: "Werkt het besluit echt terug in de tijd? Zet dan flags.retroactive op true: de brief zegt dan vanaf wanneer, en wat dat betekent voor geld dat al is betaald. Anders: kies een ingangsdatum op of na de datum van de brief.".to_string(),
        });
    }
    Ok(())
}

/// Whether a decision of this type lowers, stops or takes back money, so that
/// a start before the letter's date reaches into money already paid.
fn takes_effect_against_the_person(event_type: EventType) -> bool {
    use EventType as T;
    matches!(
        event_type,
        T::PaymentSuspended
            | T::BenefitChanged
            | T::SanctionReduction
            | T::Recovery
            | T::RevocationRevision
            | T::AdministrativeFine
            | T::Collection
            | T::Termination
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{Origin, event_from_value};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn event(edit: impl FnOnce(&mut serde_json::Value)) -> CaseEvent {
        let mut value: serde_json::Value = serde_json::from_str(include_str!(
            "../tests/fixtures/events/benefit_changed.json"
        ))
        .unwrap();
        value["data"]["decision"]["ingangsdatum"] = "2027-01-01".into();
        edit(&mut value);
        event_from_value(
            value,
            Origin {
                file: "t.json".into(),
                line: None,
            },
        )
        .unwrap()
    }

    #[test]
    fn the_earliest_deadline_skips_weekends_and_holidays() {
        // Thursday 3 December 2026 + 5 working days: Thursday 10 December.
        assert_eq!(earliest_deadline(d(2026, 12, 3), 5), d(2026, 12, 10));
        // Friday 18 December + 5: Monday to Thursday, then Christmas (Friday) and
        // the weekend do not count, so Monday 28 December.
        assert_eq!(earliest_deadline(d(2026, 12, 18), 5), d(2026, 12, 28));
    }

    #[test]
    fn only_close_deadlines_move() {
        let mut e = event(|v| {
            v["data"]["deadlines"] = serde_json::json!([
                {"label": "Papieren sturen", "date": "2026-12-04"},
                {"label": "Bellen", "date": "2026-12-10"},
                {"label": "Later", "date": "2027-01-15"}
            ]);
        });
        let moves = move_close_deadlines(&mut e.data, d(2026, 12, 3), 5);
        assert_eq!(
            moves,
            vec![DeadlineMove {
                label: "Papieren sturen".into(),
                from: IsoDate(d(2026, 12, 4)),
                to: IsoDate(d(2026, 12, 10)),
            }]
        );
        let dates: Vec<NaiveDate> = e.data.deadlines.iter().map(|x| x.date.0).collect();
        assert_eq!(dates, [d(2026, 12, 10), d(2026, 12, 10), d(2027, 1, 15)]);
        assert_eq!(check(&e, d(2026, 12, 3), 5), Ok(()));
    }

    #[test]
    fn a_close_deadline_names_the_field_and_the_first_allowed_day() {
        let e = event(|v| {
            v["data"]["deadlines"] =
                serde_json::json!([{"label": "Papieren sturen", "date": "2026-12-04"}]);
        });
        let problem = check(&e, d(2026, 12, 3), 5).unwrap_err();
        assert_eq!(problem.field, "data.deadlines[0].date");
        assert!(
            problem.problem.contains("4 december 2026")
                && problem.problem.contains("3 december 2026"),
            "{problem:?}"
        );
        assert!(problem.fix.contains("10 december 2026"), "{problem:?}");
        assert!(
            !problem.problem.contains("Papieren"),
            "no values from the event"
        );
    }

    #[test]
    fn a_start_before_the_letter_needs_the_retroactive_flag() {
        let past = event(|v| v["data"]["decision"]["ingangsdatum"] = "2026-12-01".into());
        let problem = check(&past, d(2026, 12, 3), 5).unwrap_err();
        assert_eq!(problem.field, "data.decision.ingangsdatum");
        let flagged = event(|v| {
            v["data"]["decision"]["ingangsdatum"] = "2026-12-01".into();
            v["data"]["flags"]["retroactive"] = true.into();
        });
        assert_eq!(check(&flagged, d(2026, 12, 3), 5), Ok(()));
        assert_eq!(check(&past, d(2026, 11, 23), 5), Ok(()), "not yet started");
    }

    #[test]
    fn a_planned_appointment_too_close_is_refused_a_missed_one_is_not() {
        let mut value: serde_json::Value =
            serde_json::from_str(include_str!("../tests/fixtures/events/home_visit.json")).unwrap();
        value["data"]["appointment"]["start"] = "2026-12-04T10:00:00+01:00".into();
        let origin = Origin {
            file: "t.json".into(),
            line: None,
        };
        let visit = event_from_value(value.clone(), origin.clone()).unwrap();
        let problem = check(&visit, d(2026, 12, 3), 5).unwrap_err();
        assert_eq!(problem.field, "data.appointment.start");

        let mut missed: serde_json::Value = serde_json::from_str(include_str!(
            "../tests/fixtures/events/appointment_missed.json"
        ))
        .unwrap();
        missed["data"]["appointment"]["start"] = "2026-11-17T09:30:00+01:00".into();
        let missed = event_from_value(missed, origin).unwrap();
        assert_eq!(check(&missed, d(2026, 12, 3), 5), Ok(()));
    }
}
