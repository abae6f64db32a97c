//! The lint rules: one file a rule, one line a rule in [`all`] (keep it alphabetical).

mod above_b1;
mod appeal_incomplete;
mod conditional_sanction;
mod consequence_first;
mod decision_without_college;
mod difficult_word;
mod distrust;
mod double_negative;
mod formal_word;
mod future_with_zullen;
mod impersonal_subject;
mod intimidating_typography;
mod law_article_in_text;
mod long_lead_clause;
mod long_paragraph;
mod long_sentence;
mod long_word;
mod missing_action;
mod missing_contact;
mod missing_objection_clause;
mod misspelled_word;
mod nominalisation;
mod objection_call_keeps_running;
mod objection_how;
mod objection_period;
mod objection_where;
mod objection_without_interim_relief;
mod passive_voice;
mod passive_with_worden;
mod proof_demand;
mod report_call;
mod rising_costs;
mod sanction_statement;
mod structure;
mod subordinate_clauses;
mod surveillance;
mod tang_construction;
#[cfg(test)]
pub(crate) mod testing;
mod tone_phrase;
mod unexplained_jargon;
mod vague_deadline;

use super::Rule;

/// Every rule, in alphabetical order of id.
pub fn all() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(above_b1::AboveB1),
        Box::new(appeal_incomplete::AppealIncomplete),
        Box::new(tone_phrase::TonePhrase::new("coercive-command")),
        Box::new(conditional_sanction::ConditionalSanction),
        Box::new(consequence_first::ConsequenceFirst),
        Box::new(tone_phrase::TonePhrase::new("cost-threat")),
        Box::new(decision_without_college::DecisionWithoutCollege),
        Box::new(difficult_word::DifficultWord),
        Box::new(distrust::Distrust),
        Box::new(double_negative::DoubleNegative),
        Box::new(formal_word::FormalWord),
        Box::new(tone_phrase::TonePhrase::new("fraud-framing")),
        Box::new(future_with_zullen::FutureWithZullen),
        Box::new(impersonal_subject::ImpersonalSubject),
        Box::new(intimidating_typography::IntimidatingTypography),
        Box::new(law_article_in_text::LawArticleInText),
        Box::new(long_lead_clause::LongLeadClause),
        Box::new(long_paragraph::LongParagraph),
        Box::new(long_sentence::LongSentence),
        Box::new(long_word::LongWord),
        Box::new(missing_action::MissingAction),
        Box::new(missing_contact::MissingContact),
        Box::new(missing_objection_clause::MissingObjectionClause),
        Box::new(misspelled_word::MisspelledWord),
        Box::new(nominalisation::Nominalisation),
        Box::new(objection_call_keeps_running::ObjectionCallKeepsRunning),
        Box::new(objection_how::ObjectionHow),
        Box::new(objection_period::ObjectionPeriod),
        Box::new(objection_where::ObjectionWhere),
        Box::new(objection_without_interim_relief::ObjectionWithoutInterimRelief),
        Box::new(passive_voice::PassiveVoice),
        Box::new(passive_with_worden::PassiveWithWorden),
        Box::new(proof_demand::ProofDemand),
        Box::new(tone_phrase::TonePhrase::new("punishment-vocabulary")),
        Box::new(report_call::ReportCall),
        Box::new(rising_costs::RisingCosts),
        Box::new(sanction_statement::SanctionStatement),
        Box::new(subordinate_clauses::SubordinateClauses),
        Box::new(surveillance::Surveillance),
        Box::new(tone_phrase::TonePhrase::new("suspicion-surveillance")),
        Box::new(tang_construction::TangConstruction),
        Box::new(unexplained_jargon::UnexplainedJargon),
        Box::new(vague_deadline::VagueDeadline),
    ]
}

/// The rule with this id, if there is one.
pub fn by_id(id: &str) -> Option<Box<dyn Rule>> {
    all().into_iter().find(|rule| rule.id() == id)
}

#[cfg(test)]
mod tests {
    use super::testing::findings_of;
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_alphabetical() {
        let ids: Vec<&str> = all().iter().map(|r| r.id()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(ids, sorted, "ids are unique and the list is alphabetical");
        for id in ids {
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{id} is kebab-case"
            );
        }
    }

    #[test]
    fn every_rule_flags_its_bad_example_and_passes_its_good_one() {
        for rule in all() {
            let docs = rule.docs();
            let bad = findings_of(rule.as_ref(), docs.bad);
            assert!(
                !bad.is_empty(),
                "{} does not flag its bad example",
                rule.id()
            );
            let good = findings_of(rule.as_ref(), docs.good);
            assert!(
                good.is_empty(),
                "{} flags its good example: {good:?}",
                rule.id()
            );
        }
    }

    #[test]
    fn every_finding_has_a_dutch_message_and_a_valid_span() {
        for rule in all() {
            let docs = rule.docs();
            for finding in findings_of(rule.as_ref(), docs.bad) {
                assert!(!finding.message.is_empty());
                assert!(
                    finding.span.start <= finding.span.end && finding.span.end <= docs.bad.len(),
                    "{finding:?}"
                );
                assert!(
                    docs.bad.is_char_boundary(finding.span.start)
                        && docs.bad.is_char_boundary(finding.span.end)
                );
            }
        }
    }
}
