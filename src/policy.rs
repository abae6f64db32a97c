//! The call-first policy: which event types and flags need a call before a letter.
//!
//! The policy is data (`call-first-policy.toml`). helder ships the national
//! baseline; a municipality may load a stricter copy. A row that is less strict
//! than the baseline, or a dropped flag, needs a `[[loosen]]` entry with a reason
//! and who decided it; [`Policy::warnings`] then names it on every run.
//!
//! The same file says what happens after the call: per event type, whether a
//! held letter goes out when nobody could be reached (`[after-no-contact]`,
//! `send` or `decide`), and how many working days a letter leaves before its
//! first deadline (`min-deadline-working-days`).

use crate::after_call::AfterNoContact;
use crate::event::EventType;
use crate::letter_dates::DEFAULT_MIN_DEADLINE_WORKING_DAYS;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// The shipped baseline policy.
pub const BASELINE_TOML: &str = include_str!("../call-first-policy.toml");

/// How strictly an event type asks for a call first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The letter goes out.
    Never,
    /// A call first when the event type's condition holds.
    Conditional,
    /// Always a call first.
    Always,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Never => "never",
            Level::Conditional => "conditional",
            Level::Always => "always",
        })
    }
}

/// A flag on an event that forces a call first whatever the type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallFirstFlag {
    /// `flags.sanction`
    Sanction,
    /// `flags.fraud_suspicion`
    FraudSuspicion,
    /// `flags.vulnerable`
    Vulnerable,
    /// `flags.retroactive`
    Retroactive,
}

impl CallFirstFlag {
    /// The flag's name in events and in the policy file.
    pub fn as_str(self) -> &'static str {
        match self {
            CallFirstFlag::Sanction => "sanction",
            CallFirstFlag::FraudSuspicion => "fraud_suspicion",
            CallFirstFlag::Vulnerable => "vulnerable",
            CallFirstFlag::Retroactive => "retroactive",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PolicyFile {
    version: u32,
    call_first_flags: Vec<CallFirstFlag>,
    event_types: BTreeMap<String, Level>,
    #[serde(default)]
    min_deadline_working_days: Option<u32>,
    after_no_contact: BTreeMap<String, AfterNoContact>,
    #[serde(default)]
    loosen: Vec<Loosening>,
}

/// An explicit, recorded decision to be less strict than the baseline.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Loosening {
    /// The event type made less strict (or none, for a flag).
    #[serde(default)]
    pub event_type: Option<String>,
    /// The flag dropped (or none, for an event type).
    #[serde(default)]
    pub flag: Option<CallFirstFlag>,
    /// The setting made less strict: `after-no-contact` (with `event-type`) or
    /// `min-deadline-working-days`; none for an event type's call-first row or a flag.
    #[serde(default)]
    pub setting: Option<LooseSetting>,
    /// Why.
    pub reason: String,
    /// Who decided it (a role or a decision number, not a private person's data).
    pub decided_by: String,
}

/// A setting of the policy other than a call-first row that a `[[loosen]]` entry can make less strict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LooseSetting {
    /// `[after-no-contact]`: "send" where the baseline says "decide".
    AfterNoContact,
    /// `min-deadline-working-days` below the baseline.
    MinDeadlineWorkingDays,
}

/// A loaded, checked policy.
#[derive(Debug, Clone)]
pub struct Policy {
    levels: BTreeMap<EventType, Level>,
    flags: Vec<CallFirstFlag>,
    after_no_contact: BTreeMap<EventType, AfterNoContact>,
    min_deadline_working_days: u32,
    warnings: Vec<String>,
}

/// Why a policy file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("beleidsbestand {file}: {problem}. {fix}")]
pub struct PolicyError {
    /// The policy file.
    pub file: String,
    /// What is wrong, in Dutch.
    pub problem: String,
    /// How to fix it, in Dutch.
    pub fix: String,
}

impl Policy {
    /// The baseline policy shipped with helder.
    pub fn baseline() -> Policy {
        // The baseline is tested to load; fall back to the strictest policy rather than panic.
        Self::parse_unchecked(BASELINE_TOML, "call-first-policy.toml").unwrap_or_else(|_| Policy {
            levels: EventType::ALL.iter().map(|t| (*t, Level::Always)).collect(),
            flags: vec![CallFirstFlag::Sanction, CallFirstFlag::FraudSuspicion],
            after_no_contact: EventType::ALL
                .iter()
                .map(|t| (*t, AfterNoContact::Decide))
                .collect(),
            min_deadline_working_days: DEFAULT_MIN_DEADLINE_WORKING_DAYS,
            warnings: Vec::new(),
        })
    }

    /// Loads a municipality's policy and checks it against the baseline.
    pub fn from_toml(text: &str, file: &str) -> Result<Policy, PolicyError> {
        let mut policy = Self::parse_unchecked(text, file)?;
        let baseline = Policy::baseline();
        let file_data: PolicyFile = toml::from_str(text).map_err(|e| toml_error(file, &e))?;
        let error = |problem: String, fix: &str| PolicyError {
            file: file.to_string(),
            problem,
            fix: fix.to_string(),
        };
        for loosening in &file_data.loosen {
            if loosening.reason.trim().is_empty() || loosening.decided_by.trim().is_empty() {
                return Err(error(
                    "een [[loosen]]-regel heeft geen reden of geen beslisser".to_string(),
                    "Vul reason en decided-by in, of haal de regel weg.",
                ));
            }
        }
        for event_type in EventType::ALL
            .iter()
            .copied()
            .filter(|t| *t != EventType::ContactRecorded)
        {
            let wanted = policy.level(event_type);
            let minimum = baseline.level(event_type);
            if wanted < minimum {
                let allowed = file_data.loosen.iter().find(|l| {
                    l.setting.is_none() && l.event_type.as_deref() == Some(event_type.as_str())
                });
                match allowed {
                    Some(l) => policy.warnings.push(format!(
                        "let op: {event_type} staat op \"{wanted}\", minder streng dan de basis \"{minimum}\" (besluit van {}: {})",
                        l.decided_by, l.reason
                    )),
                    None => {
                        return Err(error(
                            format!("{event_type} staat op \"{wanted}\", maar de basis is \"{minimum}\""),
                            "Maak de regel weer zo streng als de basis, of leg de keuze vast in een [[loosen]]-regel met event-type, reason en decided-by.",
                        ));
                    }
                }
            }
        }
        for event_type in EventType::ALL
            .iter()
            .copied()
            .filter(|t| *t != EventType::ContactRecorded)
        {
            if policy.after_no_contact(event_type) == AfterNoContact::Send
                && baseline.after_no_contact(event_type) == AfterNoContact::Decide
            {
                let allowed = file_data.loosen.iter().find(|l| {
                    l.setting == Some(LooseSetting::AfterNoContact)
                        && l.event_type.as_deref() == Some(event_type.as_str())
                });
                match allowed {
                    Some(l) => policy.warnings.push(format!(
                        "let op: bij {event_type} gaat de brief weg als niemand wordt bereikt, waar de basis wacht op een besluit (besluit van {}: {})",
                        l.decided_by, l.reason
                    )),
                    None => {
                        return Err(error(
                            format!(
                                "[after-no-contact] zet {event_type} op \"send\", maar de basis is \"decide\": dan gaat een brief weg zonder dat iemand de persoon sprak of iets besloot"
                            ),
                            "Zet de regel terug op \"decide\", of leg de keuze vast in een [[loosen]]-regel met event-type, setting = \"after-no-contact\", reason en decided-by.",
                        ));
                    }
                }
            }
        }
        if policy.min_deadline_working_days < baseline.min_deadline_working_days {
            let allowed = file_data
                .loosen
                .iter()
                .find(|l| l.setting == Some(LooseSetting::MinDeadlineWorkingDays));
            match allowed {
                Some(l) => policy.warnings.push(format!(
                    "let op: een brief laat {} werkdagen tot de eerste termijn, minder dan de basis {} (besluit van {}: {})",
                    policy.min_deadline_working_days,
                    baseline.min_deadline_working_days,
                    l.decided_by,
                    l.reason
                )),
                None => {
                    return Err(error(
                        format!(
                            "min-deadline-working-days is {}, minder dan de basis {}",
                            policy.min_deadline_working_days, baseline.min_deadline_working_days
                        ),
                        "Geef mensen de tijd om de brief te lezen: zet het getal terug, of leg de keuze vast in een [[loosen]]-regel met setting = \"min-deadline-working-days\", reason en decided-by.",
                    ));
                }
            }
        }
        for flag in &baseline.flags {
            if !policy.flags.contains(flag) {
                match file_data.loosen.iter().find(|l| l.flag == Some(*flag)) {
                    Some(l) => policy.warnings.push(format!(
                        "let op: de vlag {} leidt niet meer tot eerst bellen (besluit van {}: {})",
                        flag.as_str(),
                        l.decided_by,
                        l.reason
                    )),
                    None => {
                        return Err(error(
                            format!("de vlag {} ontbreekt in call-first-flags", flag.as_str()),
                            "Zet de vlag terug, of leg de keuze vast in een [[loosen]]-regel met flag, reason en decided-by.",
                        ));
                    }
                }
            }
        }
        Ok(policy)
    }

    fn parse_unchecked(text: &str, file: &str) -> Result<Policy, PolicyError> {
        let data: PolicyFile = toml::from_str(text).map_err(|e| toml_error(file, &e))?;
        let error = |problem: String, fix: String| PolicyError {
            file: file.to_string(),
            problem,
            fix,
        };
        if data.version != 1 {
            return Err(error(
                format!("versie {} ken ik niet", data.version),
                "Zet version = 1.".to_string(),
            ));
        }
        let mut levels = BTreeMap::new();
        for (name, level) in &data.event_types {
            let event_type = EventType::from_name(name).ok_or_else(|| {
                let hint = EventType::closest(name)
                    .map(|t| format!("Bedoelt u {t}? "))
                    .unwrap_or_default();
                error(
                    format!("het soort gebeurtenis \"{name}\" bestaat niet"),
                    format!("{hint}Gebruik de namen uit DESIGN.md §3."),
                )
            })?;
            if event_type == EventType::ContactRecorded {
                return Err(error(
                    "contact_recorded hoort niet in het beleid".to_string(),
                    "Haal de regel weg: contact_recorded geeft een vastgehouden brief vrij en is nooit zelf een brief.".to_string(),
                ));
            }
            if *level == Level::Conditional && !event_type.is_conditional() {
                return Err(error(
                    format!(
                        "{event_type} heeft geen voorwaarde, dus \"conditional\" kan hier niet"
                    ),
                    "Kies \"always\" of \"never\".".to_string(),
                ));
            }
            levels.insert(event_type, *level);
        }
        if let Some(missing) = EventType::ALL
            .iter()
            .find(|t| **t != EventType::ContactRecorded && !levels.contains_key(t))
        {
            return Err(error(
                format!("het soort gebeurtenis {missing} ontbreekt"),
                "Geef voor elk soort gebeurtenis een regel, zodat niemand hoeft te raden."
                    .to_string(),
            ));
        }
        let mut after_no_contact = BTreeMap::new();
        for (name, rule) in &data.after_no_contact {
            let event_type = EventType::from_name(name)
                .filter(|t| *t != EventType::ContactRecorded)
                .ok_or_else(|| {
                    let hint = EventType::closest(name)
                        .map(|t| format!("Bedoelt u {t}? "))
                        .unwrap_or_default();
                    error(
                        format!(
                            "[after-no-contact]: het soort gebeurtenis \"{name}\" kan hier niet"
                        ),
                        format!("{hint}Gebruik de namen uit [event-types]."),
                    )
                })?;
            after_no_contact.insert(event_type, *rule);
        }
        if let Some(missing) = EventType::ALL
            .iter()
            .find(|t| **t != EventType::ContactRecorded && !after_no_contact.contains_key(t))
        {
            return Err(error(
                format!("[after-no-contact]: het soort gebeurtenis {missing} ontbreekt"),
                "Zeg voor elk soort gebeurtenis wat er gebeurt als niemand wordt bereikt: \"send\" of \"decide\"."
                    .to_string(),
            ));
        }
        let min_deadline_working_days = data
            .min_deadline_working_days
            .unwrap_or(DEFAULT_MIN_DEADLINE_WORKING_DAYS);
        if min_deadline_working_days == 0 {
            return Err(error(
                "min-deadline-working-days is 0: dan kan een termijn op de dag van de brief vallen"
                    .to_string(),
                format!("Zet het op {DEFAULT_MIN_DEADLINE_WORKING_DAYS} (de basis) of hoger."),
            ));
        }
        let mut flags = data.call_first_flags.clone();
        flags.sort();
        flags.dedup();
        Ok(Policy {
            levels,
            flags,
            after_no_contact,
            min_deadline_working_days,
            warnings: Vec::new(),
        })
    }

    /// How strictly `event_type` asks for a call first.
    pub fn level(&self, event_type: EventType) -> Level {
        self.levels
            .get(&event_type)
            .copied()
            .unwrap_or(Level::Always)
    }

    /// The flags that force a call first.
    pub fn flags(&self) -> &[CallFirstFlag] {
        &self.flags
    }

    /// What happens to a held letter of this type when nobody can be reached.
    pub fn after_no_contact(&self, event_type: EventType) -> AfterNoContact {
        self.after_no_contact
            .get(&event_type)
            .copied()
            .unwrap_or(AfterNoContact::Decide)
    }

    /// The working days a letter leaves between its date and its first deadline.
    pub fn min_deadline_working_days(&self) -> u32 {
        self.min_deadline_working_days
    }

    /// Warnings about loosened rows, to show on every run.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
}

fn toml_error(file: &str, e: &toml::de::Error) -> PolicyError {
    PolicyError {
        file: file.to_string(),
        problem: format!("het bestand is geen geldig beleid: {}", e.message()),
        fix: "Vergelijk het met call-first-policy.toml van helder.".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baseline_loads_and_covers_every_type() {
        let policy = Policy::from_toml(BASELINE_TOML, "call-first-policy.toml").unwrap();
        assert!(policy.warnings().is_empty());
        assert_eq!(policy.level(EventType::AppointmentMissed), Level::Always);
        assert_eq!(policy.level(EventType::BenefitGranted), Level::Never);
        assert_eq!(
            policy.flags(),
            &[CallFirstFlag::Sanction, CallFirstFlag::FraudSuspicion]
        );
    }

    #[test]
    fn the_baseline_is_conditional_exactly_where_the_event_type_has_a_condition() {
        let policy = Policy::baseline();
        for event_type in EventType::ALL
            .iter()
            .copied()
            .filter(|t| *t != EventType::ContactRecorded)
        {
            assert_eq!(
                policy.level(event_type) == Level::Conditional,
                event_type.is_conditional(),
                "{event_type}"
            );
        }
    }

    #[test]
    fn tightening_is_allowed() {
        let text = BASELINE_TOML.replace(
            "benefit_granted = \"never\"",
            "benefit_granted = \"always\"",
        );
        let policy = Policy::from_toml(&text, "p.toml").unwrap();
        assert_eq!(policy.level(EventType::BenefitGranted), Level::Always);
        assert!(policy.warnings().is_empty());
    }

    #[test]
    fn loosening_without_a_record_is_refused() {
        let text = BASELINE_TOML.replace("warning = \"always\"", "warning = \"never\"");
        let err = Policy::from_toml(&text, "p.toml").unwrap_err();
        assert_eq!(
            err.to_string(),
            "beleidsbestand p.toml: warning staat op \"never\", maar de basis is \"always\". Maak de regel weer zo streng als de basis, of leg de keuze vast in een [[loosen]]-regel met event-type, reason en decided-by."
        );
    }

    #[test]
    fn loosening_with_a_record_warns() {
        let text = BASELINE_TOML.replace("warning = \"always\"", "warning = \"never\"")
            + "\n[[loosen]]\nevent-type = \"warning\"\nreason = \"proef met brief na afspraak aan de balie\"\ndecided-by = \"college B&W, besluit 2026-114\"\n";
        let policy = Policy::from_toml(&text, "p.toml").unwrap();
        assert_eq!(policy.level(EventType::Warning), Level::Never);
        assert_eq!(policy.warnings().len(), 1);
        assert!(policy.warnings()[0].starts_with("let op: warning staat op \"never\""));
    }

    #[test]
    fn after_no_contact_waits_for_a_person_on_hard_letters() {
        let policy = Policy::baseline();
        for event_type in [
            EventType::SanctionReduction,
            EventType::AdministrativeFine,
            EventType::Recovery,
            EventType::RevocationRevision,
            EventType::PaymentSuspended,
            EventType::FraudSuspicion,
            EventType::HomeVisit,
        ] {
            assert_eq!(
                policy.after_no_contact(event_type),
                AfterNoContact::Decide,
                "{event_type}"
            );
        }
        assert_eq!(
            policy.after_no_contact(EventType::AppointmentMissed),
            AfterNoContact::Send
        );
        assert_eq!(policy.min_deadline_working_days(), 5);
    }

    #[test]
    fn sending_unheard_where_the_baseline_decides_needs_a_record() {
        let text = BASELINE_TOML.replace("recovery = \"decide\"", "recovery = \"send\"");
        let err = Policy::from_toml(&text, "p.toml").unwrap_err();
        assert!(err.problem.contains("recovery"), "{err}");
        let recorded = text
            + "\n[[loosen]]\nevent-type = \"recovery\"\nsetting = \"after-no-contact\"\nreason = \"proef\"\ndecided-by = \"college B&W, besluit 2026-120\"\n";
        let policy = Policy::from_toml(&recorded, "p.toml").unwrap();
        assert_eq!(
            policy.after_no_contact(EventType::Recovery),
            AfterNoContact::Send
        );
        assert_eq!(policy.warnings().len(), 1);
        // A record for the call-first row does not loosen what happens after no contact.
        let wrong = BASELINE_TOML.replace("recovery = \"decide\"", "recovery = \"send\"")
            + "\n[[loosen]]\nevent-type = \"recovery\"\nreason = \"proef\"\ndecided-by = \"college\"\n";
        assert!(Policy::from_toml(&wrong, "p.toml").is_err());
    }

    #[test]
    fn fewer_days_before_a_deadline_needs_a_record_and_zero_is_refused() {
        let text = BASELINE_TOML.replace(
            "min-deadline-working-days = 5",
            "min-deadline-working-days = 3",
        );
        let err = Policy::from_toml(&text, "p.toml").unwrap_err();
        assert!(err.problem.contains("min-deadline-working-days"), "{err}");
        let recorded = text
            + "\n[[loosen]]\nsetting = \"min-deadline-working-days\"\nreason = \"spoed\"\ndecided-by = \"college\"\n";
        assert_eq!(
            Policy::from_toml(&recorded, "p.toml")
                .unwrap()
                .min_deadline_working_days(),
            3
        );
        let stricter = BASELINE_TOML.replace(
            "min-deadline-working-days = 5",
            "min-deadline-working-days = 10",
        );
        assert_eq!(
            Policy::from_toml(&stricter, "p.toml")
                .unwrap()
                .min_deadline_working_days(),
            10
        );
        let zero = BASELINE_TOML.replace(
            "min-deadline-working-days = 5",
            "min-deadline-working-days = 0",
        ) + "\n[[loosen]]\nsetting = \"min-deadline-working-days\"\nreason = \"x\"\ndecided-by = \"y\"\n";
        assert!(Policy::from_toml(&zero, "p.toml").is_err());
    }

    #[test]
    fn dropping_a_flag_is_refused() {
        let text = BASELINE_TOML.replace("[\"sanction\", \"fraud_suspicion\"]", "[\"sanction\"]");
        let err = Policy::from_toml(&text, "p.toml").unwrap_err();
        assert!(err.problem.contains("fraud_suspicion"), "{err}");
    }

    #[test]
    fn conditional_needs_a_condition() {
        let text = BASELINE_TOML.replace(
            "benefit_granted = \"never\"",
            "benefit_granted = \"conditional\"",
        );
        let err = Policy::from_toml(&text, "p.toml").unwrap_err();
        assert!(err.problem.contains("geen voorwaarde"), "{err}");
    }

    #[test]
    fn unknown_keys_and_types_are_refused() {
        let err = Policy::from_toml(&(BASELINE_TOML.to_string() + "\nextra = 1\n"), "p.toml");
        assert!(err.is_err());
        let text = BASELINE_TOML.replace("warning = \"always\"", "warnig = \"always\"");
        let err = Policy::from_toml(&text, "p.toml").unwrap_err();
        assert!(err.fix.contains("Bedoelt u warning?"), "{err}");
    }
}
