//! The lint rules: one file a rule, one line a rule in [`all`] (keep it alphabetical).

mod above_b1;
mod appeal_incomplete;
mod assistance_form_unstated;
mod conditional_sanction;
mod consequence_first;
mod contact_name_repeated;
pub(crate) mod cues;
mod decision_not_first;
mod decision_subject;
mod decision_without_college;
mod decision_without_reasons;
mod deduction_without_protected_income;
mod difficult_word;
mod distrust;
mod double_negative;
mod duty_pressure;
mod formal_word;
mod future_with_zullen;
mod greeting_mismatch;
mod impersonal_subject;
mod intimidating_typography;
mod law_article_in_text;
mod long_lead_clause;
mod long_paragraph;
mod long_sentence;
mod long_word;
mod measure_without_obligation;
mod measure_without_size;
mod missing_action;
mod missing_contact;
mod missing_objection_clause;
mod misspelled_word;
mod money_owed_without_payment_details;
mod money_without_gross_net;
mod money_without_old_amount;
mod money_without_payment_day;
mod nominalisation;
mod objection_call_keeps_running;
mod objection_decision_incomplete;
mod objection_how;
mod objection_period;
mod objection_where;
mod objection_without_interim_relief;
mod passive_voice;
mod passive_with_worden;
mod planned_measure_incomplete;
mod proof_demand;
mod recovery_without_basis;
mod repeated_offer;
mod report_call;
mod request_consequence_not_once;
mod request_without_where;
mod retroactive_without_explanation;
mod rising_costs;
mod sanction_statement;
mod shown;
mod structure;
mod subordinate_clauses;
mod surveillance;
mod tang_construction;
#[cfg(test)]
pub(crate) mod testing;
mod tone_phrase;
mod ultimatum;
mod unbacked_claim;
mod unexplained_jargon;
mod vague_deadline;

use super::Rule;

/// Every rule, in alphabetical order of id.
pub fn all() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(above_b1::AboveB1),
        Box::new(appeal_incomplete::AppealIncomplete),
        Box::new(assistance_form_unstated::AssistanceFormUnstated),
        Box::new(tone_phrase::TonePhrase::new("coercive-command")),
        Box::new(conditional_sanction::ConditionalSanction),
        Box::new(consequence_first::ConsequenceFirst),
        Box::new(contact_name_repeated::ContactNameRepeated),
        Box::new(tone_phrase::TonePhrase::new("cost-threat")),
        Box::new(decision_not_first::DecisionNotFirst),
        Box::new(decision_subject::DecisionSubject),
        Box::new(decision_without_college::DecisionWithoutCollege),
        Box::new(decision_without_reasons::DecisionWithoutReasons),
        Box::new(deduction_without_protected_income::DeductionWithoutProtectedIncome),
        Box::new(difficult_word::DifficultWord),
        Box::new(distrust::Distrust),
        Box::new(double_negative::DoubleNegative),
        Box::new(duty_pressure::DutyPressure),
        Box::new(formal_word::FormalWord),
        Box::new(tone_phrase::TonePhrase::new("fraud-framing")),
        Box::new(future_with_zullen::FutureWithZullen),
        Box::new(greeting_mismatch::GreetingMismatch),
        Box::new(impersonal_subject::ImpersonalSubject),
        Box::new(intimidating_typography::IntimidatingTypography),
        Box::new(law_article_in_text::LawArticleInText),
        Box::new(long_lead_clause::LongLeadClause),
        Box::new(long_paragraph::LongParagraph),
        Box::new(long_sentence::LongSentence),
        Box::new(long_word::LongWord),
        Box::new(measure_without_obligation::MeasureWithoutObligation),
        Box::new(measure_without_size::MeasureWithoutSize),
        Box::new(missing_action::MissingAction),
        Box::new(missing_contact::MissingContact),
        Box::new(missing_objection_clause::MissingObjectionClause),
        Box::new(misspelled_word::MisspelledWord),
        Box::new(money_owed_without_payment_details::MoneyOwedWithoutPaymentDetails),
        Box::new(money_without_gross_net::MoneyWithoutGrossNet),
        Box::new(money_without_old_amount::MoneyWithoutOldAmount),
        Box::new(money_without_payment_day::MoneyWithoutPaymentDay),
        Box::new(nominalisation::Nominalisation),
        Box::new(objection_call_keeps_running::ObjectionCallKeepsRunning),
        Box::new(objection_decision_incomplete::ObjectionDecisionIncomplete),
        Box::new(objection_how::ObjectionHow),
        Box::new(objection_period::ObjectionPeriod),
        Box::new(objection_where::ObjectionWhere),
        Box::new(objection_without_interim_relief::ObjectionWithoutInterimRelief),
        Box::new(passive_voice::PassiveVoice),
        Box::new(passive_with_worden::PassiveWithWorden),
        Box::new(planned_measure_incomplete::PlannedMeasureIncomplete),
        Box::new(proof_demand::ProofDemand),
        Box::new(tone_phrase::TonePhrase::new("punishment-vocabulary")),
        Box::new(recovery_without_basis::RecoveryWithoutBasis),
        Box::new(repeated_offer::RepeatedOffer),
        Box::new(report_call::ReportCall),
        Box::new(request_consequence_not_once::RequestConsequenceNotOnce),
        Box::new(request_without_where::RequestWithoutWhere),
        Box::new(retroactive_without_explanation::RetroactiveWithoutExplanation),
        Box::new(rising_costs::RisingCosts),
        Box::new(sanction_statement::SanctionStatement),
        Box::new(subordinate_clauses::SubordinateClauses),
        Box::new(surveillance::Surveillance),
        Box::new(tone_phrase::TonePhrase::new("suspicion-surveillance")),
        Box::new(tang_construction::TangConstruction),
        Box::new(ultimatum::Ultimatum),
        Box::new(unbacked_claim::UnbackedClaim),
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
    use super::testing::findings_of_example;
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
            let bad = findings_of_example(rule.as_ref(), true);
            assert!(
                !bad.is_empty(),
                "{} does not flag its bad example",
                rule.id()
            );
            let good = findings_of_example(rule.as_ref(), false);
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
            for finding in findings_of_example(rule.as_ref(), true) {
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
