//! The facts a decision letter needs beyond the base event (DESIGN.md §4, "A
//! decision must hold up with the municipality's lawyer"): the decision a
//! letter follows, the outcome of an objection, the measure and the duty it
//! answers, what happened, a revision, the payment day, a debt and its
//! deduction, and whether special assistance is a gift or a loan.
//!
//! All are optional in the shape of `data`; [`validate`] says which an event
//! type needs, and what else must hold, in Dutch, naming the JSON path and
//! never the value.

use super::event_type::EventType;
use super::schema::EventData;
use super::validate::Invalid;
use super::values::{Cents, IsoDate, Text, optional_text};
use serde::{Deserialize, Serialize};

/// The decision this letter is about or follows: the decision objected to,
/// the revision a recovery follows, the decision a debt comes from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlierDecision {
    /// The date of that decision.
    pub date: IsoDate,
    /// What it was about, in plain words, to follow "ons besluit over …"
    /// ("uw lagere bijstand").
    pub subject: Text,
    /// Its kenmerk, when it had one.
    #[serde(default, deserialize_with = "optional_text")]
    pub reference: Option<Text>,
}

/// The outcome of an objection (Awb 7:11), in the words of the law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The objection succeeds: the decision is revoked or changed.
    Gegrond,
    /// The objection succeeds in part.
    DeelsGegrond,
    /// The objection does not succeed: the decision stands.
    Ongegrond,
    /// The objection cannot be dealt with (too late, not signed, no interest).
    NietOntvankelijk,
}

impl Outcome {
    /// Whether the objection succeeds, wholly or in part.
    pub fn succeeds(self) -> bool {
        matches!(self, Outcome::Gegrond | Outcome::DeelsGegrond)
    }
}

/// The costs of an objection that succeeds (Awb 7:15).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Costs {
    /// Whether the person asked for their costs to be paid.
    pub requested: bool,
    /// What the municipality pays (0 when asked and refused; the reason is in `decision.reasons`).
    #[serde(default)]
    pub amount_cents: Option<Cents>,
}

/// The decision on an objection.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objection {
    /// The outcome.
    pub outcome: Outcome,
    /// What changes, one line each, in plain words; for an objection that succeeds.
    #[serde(default)]
    pub changes: Vec<Text>,
    /// The costs; for an objection that succeeds.
    #[serde(default)]
    pub costs: Option<Costs>,
}

/// A measure (Pw 18), a fine or a warning (Pw 18a), or a planned measure (Awb 4:8).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The duty that was not met, in plain words, to follow "Als u bijstand
    /// krijgt, moet u …" ("naar afspraken over werk komen"; "zich bij het UWV
    /// inschrijven"): no subject of its own.
    pub obligation: Text,
    /// The article of that duty, for the box only ("artikel 9 lid 1 onderdeel b Participatiewet").
    pub obligation_basis: Text,
    /// For a planned measure: the article that sets the reduction, for the box
    /// ("artikel 18 lid 4 onder a en lid 5 Participatiewet" for a duty the law
    /// itself sanctions). Absent, the letter names artikel 18 lid 2 (the
    /// verordening sets the reduction), or artikel 18b for the taaleis.
    #[serde(default)]
    pub reduction_basis: Option<Text>,
    /// How much lower the benefit is, in percent of the norm (1–100).
    #[serde(default)]
    pub percentage: Option<u8>,
    /// The amount: per month for a reduction, the fine itself for a fine.
    #[serde(default)]
    pub amount_cents: Option<Cents>,
    /// The first day of the measure.
    #[serde(default)]
    pub period_from: Option<IsoDate>,
    /// The last day of the measure.
    #[serde(default)]
    pub period_to: Option<IsoDate>,
    /// How the size was set, one line each, in plain words (the verordening's
    /// category, the degree of blame, what the person can pay).
    #[serde(default)]
    pub how_set: Vec<Text>,
    /// For a fine: the amount paid too much, asked back by its own decision.
    #[serde(default)]
    pub overpaid_cents: Option<Cents>,
}

/// Whether a decision revises the benefit or revokes it (Pw 54 lid 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RevisionKind {
    /// The benefit is set again at another amount (herziening).
    Herziening,
    /// The right to the benefit is taken away (intrekking).
    Intrekking,
}

/// A revision or revocation of the benefit.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// Herziening or intrekking.
    pub kind: RevisionKind,
    /// The first day it covers.
    pub period_from: IsoDate,
    /// The last day it covers; absent when it has no end.
    #[serde(default)]
    pub period_to: Option<IsoDate>,
}

/// When money is paid.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    /// The day the (first or next) payment is on the person's account.
    pub date: IsoDate,
}

/// Money deducted from the benefit (verrekening, Pw 60 lid 3 en 4).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deduction {
    /// The amount deducted each month.
    pub amount_cents: Cents,
    /// The first month.
    pub from: IsoDate,
    /// What the person always keeps each month: the beslagvrije voet.
    pub protected_income_cents: Cents,
}

/// Money the person owes the municipality.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Debt {
    /// The whole amount owed.
    pub total_cents: Cents,
    /// The last day to pay; not needed when the money is deducted.
    #[serde(default)]
    pub due_date: Option<IsoDate>,
    /// The kenmerk to put with a payment; the letter's kenmerk when absent.
    #[serde(default, deserialize_with = "optional_text")]
    pub payment_reference: Option<Text>,
    /// The deduction from the benefit, when that is how it is paid.
    #[serde(default)]
    pub deduction: Option<Deduction>,
}

/// Whether special assistance is a gift or a loan (Pw 48).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssistanceForm {
    /// It need not be paid back.
    Gift,
    /// It is paid back.
    Lening,
}

/// Special assistance that is granted.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assistance {
    /// Gift or loan.
    pub form: AssistanceForm,
    /// For a loan: what the person pays back each month.
    #[serde(default)]
    pub repay_cents: Option<Cents>,
    /// For a loan: the first month of paying back.
    #[serde(default)]
    pub repay_from: Option<IsoDate>,
}

/// Whether an amount is gross or net.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrossNet {
    /// Before tax and premiums.
    Bruto,
    /// What is paid out.
    Netto,
}

fn invalid(path: &str, problem: &str, fix: &str) -> Invalid {
    (path.to_string(), problem.to_string(), fix.to_string())
}

fn needs(present: bool, path: &str, what: &str, fix: &str) -> Result<(), Invalid> {
    if present {
        return Ok(());
    }
    Err(invalid(
        path,
        &format!("voor dit soort gebeurtenis is dit nodig, maar het ontbreekt: {what}"),
        fix,
    ))
}

/// The fields of [`Measure`] an event type needs.
struct MeasureNeeds {
    percentage: bool,
    amount: bool,
    period: bool,
    how_set: bool,
}

fn measure_needs(event_type: EventType) -> Option<MeasureNeeds> {
    use EventType as T;
    let (percentage, amount, period, how_set) = match event_type {
        T::SanctionReduction => (true, true, true, true),
        T::SanctionHearing => (true, false, true, false),
        T::AdministrativeFine => (false, true, false, true),
        T::Warning => (false, false, false, false),
        _ => return None,
    };
    Some(MeasureNeeds {
        percentage,
        amount,
        period,
        how_set,
    })
}

/// Whether an event type's letter says when money is paid.
fn needs_payment_day(data: &EventData, event_type: EventType) -> bool {
    use EventType as T;
    match event_type {
        T::BenefitGranted
        | T::BenefitChanged
        | T::AdvancePayment
        | T::HolidayAllowance
        | T::IncomeSupplement
        | T::PaymentSpecification => true,
        T::SpecialAssistance => !data.amounts.is_empty(),
        _ => false,
    }
}

/// What an event type needs of these facts, and what must hold between them.
pub(super) fn validate(data: &EventData, event_type: EventType) -> Result<(), Invalid> {
    use EventType as T;
    let earlier = matches!(
        event_type,
        T::ObjectionDecision
            | T::ObjectionReceived
            | T::Recovery
            | T::Collection
            | T::PaymentArrangement
    );
    needs(
        !earlier || data.earlier_decision.is_some(),
        "data.earlier_decision",
        "het besluit waar deze brief over gaat of op volgt",
        "Geef earlier_decision mee met date en subject, bijvoorbeeld {\"date\": \"2026-09-14\", \"subject\": \"uw lagere bijstand\"}.",
    )?;
    needs(
        event_type != T::ObjectionDecision || data.objection.is_some(),
        "data.objection",
        "de uitkomst van het bezwaar",
        "Geef objection mee met outcome: gegrond, deels_gegrond, ongegrond of niet_ontvankelijk.",
    )?;
    if let Some(objection) = &data.objection {
        validate_objection(objection)?;
    }
    if let Some(needed) = measure_needs(event_type) {
        let Some(measure) = &data.measure else {
            return Err(invalid(
                "data.measure",
                "voor dit soort gebeurtenis is de maatregel nodig, maar die ontbreekt",
                "Geef measure mee met obligation (de plicht, in gewone woorden) en obligation_basis (het artikel van die plicht).",
            ));
        };
        validate_measure(measure, &needed)?;
    }
    if matches!(event_type, T::SanctionHearing | T::FraudSuspicion) {
        needs(
            !data.facts.is_empty(),
            "data.facts",
            "wat er gebeurde (de feiten)",
            "Geef facts mee: een lijst met wat er gebeurde, in gewone woorden.",
        )?;
    }
    if event_type == T::SanctionHearing {
        needs(
            !data.deadlines.is_empty(),
            "data.deadlines",
            "de datum waarop de persoon uiterlijk reageert",
            "Geef deadlines mee met de datum waarop de persoon uiterlijk zijn of haar kant vertelt.",
        )?;
    }
    needs(
        event_type != T::RevocationRevision || data.revision.is_some(),
        "data.revision",
        "of het een herziening of een intrekking is, en over welke tijd",
        "Geef revision mee met kind (herziening of intrekking) en period_from.",
    )?;
    if let Some(revision) = &data.revision
        && revision
            .period_to
            .is_some_and(|to| to < revision.period_from)
    {
        return Err(invalid(
            "data.revision.period_to",
            "de periode eindigt voordat ze begint",
            "Controleer period_from en period_to.",
        ));
    }
    let herziening = data
        .revision
        .as_ref()
        .is_some_and(|r| r.kind == RevisionKind::Herziening);
    if event_type == T::BenefitChanged || herziening {
        needs(
            !data.amounts.is_empty(),
            "data.amounts",
            "het nieuwe bedrag",
            "Geef amounts mee met het nieuwe bedrag (amount_cents) en het oude (previous_cents).",
        )?;
        if let Some(i) = data.amounts.iter().position(|a| a.previous_cents.is_none()) {
            return Err(invalid(
                &format!("data.amounts[{i}].previous_cents"),
                "bij een bedrag dat verandert, hoort het oude bedrag, maar dat ontbreekt",
                "Geef previous_cents mee: het bedrag tot nu, in centen.",
            ));
        }
    }
    needs(
        !needs_payment_day(data, event_type) || data.payment.is_some(),
        "data.payment",
        "de dag waarop het geld komt",
        "Geef payment mee met date: de dag waarop het geld op de rekening staat.",
    )?;
    validate_money(data, event_type)?;
    Ok(())
}

fn validate_objection(objection: &Objection) -> Result<(), Invalid> {
    if objection.outcome.succeeds() {
        if objection.changes.is_empty() {
            return Err(invalid(
                "data.objection.changes",
                "bij een bezwaar dat (deels) gegrond is, hoort wat er verandert, maar dat ontbreekt",
                "Geef changes mee: een lijst met wat er verandert, in gewone woorden.",
            ));
        }
        let Some(costs) = &objection.costs else {
            return Err(invalid(
                "data.objection.costs",
                "bij een bezwaar dat (deels) gegrond is, hoort wat er met de kosten gebeurt, maar dat ontbreekt",
                "Geef costs mee met requested (true of false), en bij true het bedrag amount_cents.",
            ));
        };
        if costs.requested && costs.amount_cents.is_none() {
            return Err(invalid(
                "data.objection.costs.amount_cents",
                "de persoon vroeg om vergoeding van de kosten, maar het bedrag ontbreekt",
                "Geef amount_cents mee: wat de gemeente betaalt, of 0 als de gemeente niets betaalt (zet de reden in decision.reasons).",
            ));
        }
    } else if !objection.changes.is_empty() {
        return Err(invalid(
            "data.objection.changes",
            "bij een bezwaar dat ongegrond of niet-ontvankelijk is, verandert er niets",
            "Haal changes weg, of controleer de uitkomst (outcome).",
        ));
    }
    Ok(())
}

/// Words that would make the duty a sentence of its own after "moet u …"
/// ("moet u u inschrijven", "moet u hij …").
const SUBJECTS: [&str; 10] = [
    "u", "ik", "je", "jij", "hij", "zij", "ze", "wij", "we", "men",
];

fn validate_measure(measure: &Measure, needed: &MeasureNeeds) -> Result<(), Invalid> {
    let first_word = measure
        .obligation
        .as_str()
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    if SUBJECTS.contains(&first_word.as_str()) {
        return Err(invalid(
            "data.measure.obligation",
            &format!(
                "de brief zet \"Als u bijstand krijgt, moet u\" voor de plicht, maar de plicht begint met \"{first_word}\""
            ),
            "Schrijf de plicht zonder \"u\" ervoor, bijvoorbeeld \"zich bij het UWV inschrijven\" of \"uw inkomen op tijd doorgeven\".",
        ));
    }
    if let Some(percentage) = measure.percentage
        && !(1..=100).contains(&percentage)
    {
        return Err(invalid(
            "data.measure.percentage",
            "dit is geen percentage van 1 tot en met 100",
            "Geef het percentage als geheel getal, bijvoorbeeld 20.",
        ));
    }
    for (present, path, what, fix) in [
        (
            !needed.percentage || measure.percentage.is_some(),
            "data.measure.percentage",
            "het percentage van de maatregel",
            "Geef percentage mee, bijvoorbeeld 20.",
        ),
        (
            !needed.amount || measure.amount_cents.is_some(),
            "data.measure.amount_cents",
            "het bedrag van de maatregel",
            "Geef amount_cents mee: het bedrag in centen.",
        ),
        (
            !needed.period || (measure.period_from.is_some() && measure.period_to.is_some()),
            "data.measure.period_from",
            "de periode van de maatregel (eerste en laatste dag)",
            "Geef period_from en period_to mee.",
        ),
        (
            !needed.how_set || !measure.how_set.is_empty(),
            "data.measure.how_set",
            "hoe de hoogte is bepaald",
            "Geef how_set mee: een lijst met hoe de hoogte is bepaald, in gewone woorden.",
        ),
    ] {
        needs(present, path, what, fix)?;
    }
    if let (Some(from), Some(to)) = (measure.period_from, measure.period_to)
        && to < from
    {
        return Err(invalid(
            "data.measure.period_to",
            "de periode eindigt voordat ze begint",
            "Controleer period_from en period_to.",
        ));
    }
    Ok(())
}

fn validate_money(data: &EventData, event_type: EventType) -> Result<(), Invalid> {
    use EventType as T;
    let owes = matches!(
        event_type,
        T::AdministrativeFine | T::Recovery | T::Collection | T::PaymentArrangement
    );
    needs(
        !owes || data.debt.is_some(),
        "data.debt",
        "het bedrag dat de persoon moet betalen",
        "Geef debt mee met total_cents en due_date (of deduction als het bedrag wordt ingehouden).",
    )?;
    if let Some(debt) = &data.debt {
        needs(
            debt.due_date.is_some() || debt.deduction.is_some(),
            "data.debt.due_date",
            "de laatste dag om te betalen",
            "Geef due_date mee, of deduction als het bedrag op de uitkering wordt ingehouden.",
        )?;
    }
    if event_type == T::Collection {
        let besluit = data.decision.as_ref().is_some_and(|d| d.is_besluit);
        let deducts = data.debt.as_ref().is_some_and(|d| d.deduction.is_some());
        if besluit != deducts {
            return Err(invalid(
                "data.debt.deduction",
                if besluit {
                    "een besluit over invordering gaat over inhouden op de uitkering, maar wat er wordt ingehouden ontbreekt"
                } else {
                    "inhouden op de uitkering is een besluit, maar decision.is_besluit staat niet aan"
                },
                "Geef bij een besluit debt.deduction mee (amount_cents, from, protected_income_cents); zonder besluit geen deduction.",
            ));
        }
    }
    if event_type == T::Recovery
        && let Some(i) = data.amounts.iter().position(|a| a.gross_net.is_none())
    {
        return Err(invalid(
            &format!("data.amounts[{i}].gross_net"),
            "bij terugvorderen moet bij elk bedrag staan of het bruto of netto is",
            "Geef gross_net mee: bruto of netto.",
        ));
    }
    needs(
        event_type != T::SpecialAssistance || data.amounts.is_empty() || data.assistance.is_some(),
        "data.assistance",
        "of de bijzondere bijstand een gift of een lening is",
        "Geef assistance mee met form: gift of lening.",
    )?;
    if let Some(assistance) = &data.assistance
        && assistance.form == AssistanceForm::Lening
        && (assistance.repay_cents.is_none() || assistance.repay_from.is_none())
    {
        return Err(invalid(
            "data.assistance.repay_cents",
            "bij een lening hoort wat de persoon elke maand terugbetaalt, en vanaf wanneer",
            "Geef repay_cents en repay_from mee.",
        ));
    }
    Ok(())
}
