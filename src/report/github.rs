//! GitHub Actions workflow commands: one `::error file=…,line=…::…` line a finding.
//! GitHub shows them as annotations on the changed lines of a pull request.

use super::{FileReport, full_message};
use crate::lint::Severity;

/// One workflow command a finding (error, warning or notice).
pub fn github(files: &[FileReport]) -> String {
    let mut out = String::new();
    for file in files {
        for (item, at) in file.findings.iter().zip(file.positions()) {
            let command = match item.finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = full_message(item);
            if let Some(suggestion) = &item.finding.suggestion {
                message.push('\n');
                message.push_str(suggestion);
            }
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                property(file.clean_path()),
                at.line,
                at.column,
                at.end_line,
                at.end_column,
                property(&format!("helder {}", item.finding.rule)),
                data(&message),
            ));
        }
    }
    out
}

/// Escapes the message part of a workflow command.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_newlines_are_escaped() {
        assert_eq!(data("50% korting\nnu"), "50%25 korting%0Anu");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
    }
}
