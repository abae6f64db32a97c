//! One shape for an error a person has to act on: what is wrong, where, and
//! how to fix it (DESIGN.md: "clear error (what, where, how to fix)").
//!
//! The pipeline's own errors carry more ([`crate::event::EventError`] names
//! the event and the JSON path, [`crate::template::TemplateError`] the file,
//! line and field); [`Problem`] is the shape for everything else that used to
//! be a bare `String`: a settings or data file, a folder, an example event.
//! Like every error in helder it never holds a value from an event.

/// Something wrong that a person can fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{place}: {problem}. {fix}")]
pub struct Problem {
    /// Where: a file (and line), a folder, an example.
    pub place: String,
    /// What is wrong, in Dutch, without a full stop.
    pub problem: String,
    /// How to fix it, in Dutch: a whole sentence.
    pub fix: String,
}

impl Problem {
    /// A problem at a place, with its fix.
    pub fn new(
        place: impl Into<String>,
        problem: impl Into<String>,
        fix: impl Into<String>,
    ) -> Problem {
        Problem {
            place: place.into(),
            problem: problem.into(),
            fix: fix.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_reads_place_problem_fix() {
        let problem = Problem::new(
            "letter-templates/talking-points.toml",
            "het soort gebeurtenis \"parkeren\" bestaat niet",
            "Gebruik de namen uit DESIGN.md §3.",
        );
        assert_eq!(
            problem.to_string(),
            "letter-templates/talking-points.toml: het soort gebeurtenis \"parkeren\" bestaat niet. Gebruik de namen uit DESIGN.md §3."
        );
    }
}
