//! One module per subcommand, each with a single `run` function.
//!
//! Commands return an [`Outcome`]; `main` turns it into an exit code. They
//! print only event ids, file paths and routing decisions, never personal data.

pub mod lint;
pub mod release;
pub mod render;
pub mod route;
pub mod templates;

/// How a command ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything worked (exit 0).
    Success,
    /// Some events ended as errors (exit 1).
    EventErrors,
}
