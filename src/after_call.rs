//! What a recorded contact does to its task (DESIGN.md §3, "After the call").
//!
//! The call decides, helder never guesses: when the person was reached, the
//! contact carries a person's decision (send the letter, withdraw it, or
//! change the case first), and helder carries it out. When nobody was
//! reached, attempts are counted per distinct contact; after the policy's
//! number of them, a type whose policy says `after-no-contact = "send"` goes
//! out with the offer of a home visit or the neighbourhood team, and every
//! other type waits as "niet bereikt" until a person decides.
//!
//! [`decide`] is a pure function of the attempts so far and the new contact;
//! finding the task, keeping a contact from counting twice and storing the
//! outcome are the release path's work.

use crate::event::{ContactDecision, ContactOutcome};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What happens to a held letter when nobody can be reached (policy `after-no-contact`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AfterNoContact {
    /// After enough attempts the letter goes out, with the offer of a home
    /// visit or the neighbourhood team.
    Send,
    /// The task stays open as "niet bereikt" until a person decides.
    Decide,
}

impl fmt::Display for AfterNoContact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AfterNoContact::Send => "send",
            AfterNoContact::Decide => "decide",
        })
    }
}

/// One attempt to reach the person, as far as counting goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Try<'a> {
    /// The contact's id in the case system: attempts count per distinct id.
    pub contact_id: &'a str,
    /// Reached or not.
    pub outcome: ContactOutcome,
}

/// The rules for one task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// What happens when nobody is reached.
    pub after_no_contact: AfterNoContact,
    /// Distinct unreached attempts before that happens (at least 2).
    pub attempts_needed: u32,
}

/// What a contact does to its task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nobody reached yet; try again. The letter keeps waiting.
    Waiting {
        /// Distinct unreached attempts so far.
        unreached: usize,
        /// Attempts after which the policy applies.
        of: u32,
    },
    /// Nobody reached after enough attempts, and this type waits for a person's decision.
    Unreached {
        /// Distinct unreached attempts so far.
        unreached: usize,
    },
    /// The held letter goes out, made again with this contact.
    Send {
        /// Whether the person was reached (otherwise the letter says we could not reach them).
        reached: bool,
    },
    /// No letter goes out: the person gave a good reason, or the facts were wrong.
    Withdraw,
    /// No letter goes out: the case is changed first, and a new event follows.
    Revise,
}

impl Effect {
    /// Whether the task is closed by this effect (released, withdrawn or revised).
    pub fn closes(self) -> bool {
        matches!(
            self,
            Effect::Send { .. } | Effect::Withdraw | Effect::Revise
        )
    }
}

/// Decides what the newest contact does, given every attempt on the task with
/// the newest one included (each contact id once).
pub fn decide(
    attempts: &[Try<'_>],
    outcome: ContactOutcome,
    decision: Option<ContactDecision>,
    rules: Rules,
) -> Effect {
    match decision {
        Some(ContactDecision::Send) => Effect::Send {
            reached: outcome == ContactOutcome::Reached,
        },
        Some(ContactDecision::Withdraw) => Effect::Withdraw,
        Some(ContactDecision::Revise) => Effect::Revise,
        None => {
            let unreached = unreached_attempts(attempts);
            if unreached < rules.attempts_needed as usize {
                Effect::Waiting {
                    unreached,
                    of: rules.attempts_needed,
                }
            } else {
                match rules.after_no_contact {
                    AfterNoContact::Send => Effect::Send { reached: false },
                    AfterNoContact::Decide => Effect::Unreached { unreached },
                }
            }
        }
    }
}

/// Distinct contact ids among the unreached attempts.
pub fn unreached_attempts(attempts: &[Try<'_>]) -> usize {
    let mut ids: Vec<&str> = attempts
        .iter()
        .filter(|a| a.outcome == ContactOutcome::NoContact)
        .map(|a| a.contact_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ContactOutcome::{NoContact, Reached};

    const SEND_AFTER_TWO: Rules = Rules {
        after_no_contact: AfterNoContact::Send,
        attempts_needed: 2,
    };
    const DECIDE_AFTER_TWO: Rules = Rules {
        after_no_contact: AfterNoContact::Decide,
        attempts_needed: 2,
    };

    fn tries<'a>(ids: &[&'a str]) -> Vec<Try<'a>> {
        ids.iter()
            .map(|id| Try {
                contact_id: id,
                outcome: NoContact,
            })
            .collect()
    }

    #[test]
    fn a_decision_is_carried_out_whatever_the_attempts() {
        let none = tries(&[]);
        assert_eq!(
            decide(
                &none,
                Reached,
                Some(ContactDecision::Send),
                DECIDE_AFTER_TWO
            ),
            Effect::Send { reached: true }
        );
        assert_eq!(
            decide(
                &none,
                Reached,
                Some(ContactDecision::Withdraw),
                SEND_AFTER_TWO
            ),
            Effect::Withdraw
        );
        assert_eq!(
            decide(
                &none,
                Reached,
                Some(ContactDecision::Revise),
                SEND_AFTER_TWO
            ),
            Effect::Revise
        );
        // A person may decide after nobody answered, too.
        assert_eq!(
            decide(
                &tries(&["C-1"]),
                NoContact,
                Some(ContactDecision::Send),
                DECIDE_AFTER_TWO
            ),
            Effect::Send { reached: false }
        );
    }

    #[test]
    fn attempts_count_per_distinct_contact() {
        assert_eq!(
            decide(&tries(&["C-1", "C-1"]), NoContact, None, SEND_AFTER_TWO),
            Effect::Waiting {
                unreached: 1,
                of: 2
            }
        );
        assert_eq!(
            decide(&tries(&["C-1", "C-2"]), NoContact, None, SEND_AFTER_TWO),
            Effect::Send { reached: false }
        );
    }

    #[test]
    fn decide_types_wait_for_a_person_after_enough_attempts() {
        assert_eq!(
            decide(
                &tries(&["C-1", "C-2", "C-3"]),
                NoContact,
                None,
                DECIDE_AFTER_TWO
            ),
            Effect::Unreached { unreached: 3 }
        );
        assert!(!Effect::Unreached { unreached: 3 }.closes());
        assert!(Effect::Withdraw.closes());
    }
}
