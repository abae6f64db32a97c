//! Findings about the template itself rather than its text: a template that
//! cannot be made into a letter, a template without examples, and
//! suppression comments that are wrong or no longer needed; and one about a
//! run against a baseline: a text whose level got worse.
//!
//! They are not [`Rule`](super::Rule)s (they do not read an analysed text),
//! but they have ids, documentation and severities like one, so they can be
//! configured, explained and suppressed... except the suppression ones.

use super::{Category, RuleDocs, Severity};

/// A template that cannot be made into a letter: syntax, unknown variable, missing partial, front matter, example.
pub const TEMPLATE_ERROR: &str = "template-error";
/// A template without example events: only its raw text can be checked.
pub const TEMPLATE_WITHOUT_EXAMPLES: &str = "template-without-examples";
/// A suppression comment without a reason.
pub const SUPPRESSION_WITHOUT_REASON: &str = "suppression-without-reason";
/// A suppression comment that suppresses nothing.
pub const UNUSED_SUPPRESSION: &str = "unused-suppression";
/// A suppression comment naming a rule that does not exist.
pub const UNKNOWN_RULE: &str = "unknown-rule";
/// A text whose level is worse than in the baseline (`helder lint --baseline`).
pub const LEVEL_ABOVE_BASELINE: &str = "level-above-baseline";

/// One finding kind about the template itself.
#[derive(Debug, Clone, Copy)]
pub struct MetaRule {
    /// The id, kebab-case.
    pub id: &'static str,
    /// The category.
    pub category: Category,
    /// The severity it has unless configured otherwise.
    pub severity: Severity,
    /// What it is, with a bad and a good example (template text).
    pub docs: RuleDocs,
}

impl MetaRule {
    /// Its category: [`Category::Template`], or readability for the level.
    pub fn category(&self) -> Category {
        self.category
    }
}

/// Every meta rule, in alphabetical order of id.
pub const ALL: &[MetaRule] = &[
    MetaRule {
        id: LEVEL_ABOVE_BASELINE,
        category: Category::Readability,
        severity: Severity::Error,
        docs: RuleDocs {
            what: "Met --baseline: de tekst is op een moeilijker niveau dan in de baseline (bijvoorbeeld B2 waar het B1 was).",
            why: "Een tekst die moeilijker wordt, verliest lezers, ook als geen enkele zin op zich een nieuwe melding geeft.",
            bad: "baseline: B1; nu: B2",
            good: "baseline: B1; nu: B1 of A2",
        },
    },
    MetaRule {
        id: SUPPRESSION_WITHOUT_REASON,
        category: Category::Template,
        severity: Severity::Error,
        docs: RuleDocs {
            what: "Een regel wordt uitgezet zonder reden.",
            why: "Wie de brief later aanpast, moet weten waarom de regel hier niet geldt. Anders blijft een fout voor altijd staan.",
            bad: "{# helder-disable-next-line passive-voice #}",
            good: "{# helder-disable-next-line passive-voice: de wet schrijft deze zin zo voor #}",
        },
    },
    MetaRule {
        id: TEMPLATE_ERROR,
        category: Category::Template,
        severity: Severity::Error,
        docs: RuleDocs {
            what: "Van het sjabloon kan geen brief gemaakt worden: de opmaak klopt niet, een naam bestaat niet, een deelsjabloon ontbreekt, of een voorbeeld kan niet gelezen worden.",
            why: "Een sjabloon dat geen brief maakt, stopt straks de hele verzending van die brief.",
            bad: "Beste {{ recipient.fist_name }},",
            good: "Beste {{ recipient.first_name }},",
        },
    },
    MetaRule {
        id: TEMPLATE_WITHOUT_EXAMPLES,
        category: Category::Template,
        severity: Severity::Warning,
        docs: RuleDocs {
            what: "Het sjabloon heeft geen voorbeelden (examples bovenaan), dus helder kan de brief niet maken om hem te controleren.",
            why: "Zonder voorbeeld ziet helder alleen de losse tekst. Hoe lang de zinnen worden met echte namen en bedragen, en of de brief een contactpersoon noemt, blijft onbekend.",
            bad: "examples = []",
            good: "examples = [\"application_received-plain.json\"]",
        },
    },
    MetaRule {
        id: UNKNOWN_RULE,
        category: Category::Template,
        severity: Severity::Error,
        docs: RuleDocs {
            what: "Een opmerking zet een regel uit die niet bestaat.",
            why: "Een tikfout in de naam zet niets uit, en de lezer denkt dat het wel zo is.",
            bad: "{# helder-disable-next-line pasive-voice: wettelijke zin #}",
            good: "{# helder-disable-next-line passive-voice: wettelijke zin #}",
        },
    },
    MetaRule {
        id: UNUSED_SUPPRESSION,
        category: Category::Template,
        severity: Severity::Warning,
        docs: RuleDocs {
            what: "Een opmerking zet een regel uit, maar op de volgende regel vindt die regel niets.",
            why: "Een oude uitzondering die niet meer nodig is, verbergt later een echte fout.",
            bad: "{# helder-disable-next-line long-sentence: lange opsomming #}\nBel ons gerust.",
            good: "Bel ons gerust.",
        },
    },
];

/// The meta rule with this id, if there is one.
pub fn by_id(id: &str) -> Option<&'static MetaRule> {
    ALL.iter().find(|rule| rule.id == id)
}
