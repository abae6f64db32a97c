//! The names a template may use: the ONE list of the template context's shape.
//!
//! Three things read this table, so they cannot drift apart:
//! - template CI's name check ([`super::variables`]) knows exactly these names;
//! - the advisors' table in `letter-templates/README.md` ("Gegevens die u kunt
//!   gebruiken") is [`markdown_table`], word for word;
//! - a test fills an event and the settings with every example below, asks
//!   [`super::context::build`] for the context, and finds exactly these names
//!   with exactly these values.

/// Where the value of a name comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The event's `data` (or, under `event`, its envelope).
    Event,
    /// The letter being made: its date, reference, kind.
    Letter,
    /// `helder.toml`: the municipality, the court, the signature.
    Settings,
}

/// An example value of a name, as the template gets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Example {
    /// Text (also dates, written `2026-11-20`, and kinds such as `reached`).
    Text(&'static str),
    /// A whole number (amounts in cents, a percentage).
    Number(i64),
    /// True or false.
    Bool(bool),
}

impl Example {
    /// The example as JSON, as the context holds it.
    pub fn json(self) -> serde_json::Value {
        match self {
            Example::Text(text) => serde_json::Value::from(text),
            Example::Number(number) => serde_json::Value::from(number),
            Example::Bool(yes) => serde_json::Value::from(yes),
        }
    }

    /// The example as the advisors' table shows it.
    fn shown(self) -> String {
        match self {
            // A non-breaking space (between the parts of a postcode) reads as a space.
            Example::Text(text) => text.replace('\u{a0}', " "),
            Example::Number(number) => number.to_string(),
            Example::Bool(yes) => yes.to_string(),
        }
    }
}

/// One name a template may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name {
    /// The path, `[]` for an element of a list (`amounts[].label`, `facts[]`).
    pub path: &'static str,
    /// An example of its value.
    pub example: Example,
}

/// Names that belong together, with what they mean: one row of the advisors' table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    /// The names, in the order the table shows them.
    pub names: &'static [Name],
    /// What they mean, in Dutch, for the people who write templates.
    pub meaning: &'static str,
    /// Where their values come from.
    pub source: Source,
}

const fn text(path: &'static str, example: &'static str) -> Name {
    Name {
        path,
        example: Example::Text(example),
    }
}

const fn number(path: &'static str, example: i64) -> Name {
    Name {
        path,
        example: Example::Number(example),
    }
}

const fn yes_no(path: &'static str, example: bool) -> Name {
    Name {
        path,
        example: Example::Bool(example),
    }
}

const fn event(names: &'static [Name], meaning: &'static str) -> Group {
    Group {
        names,
        meaning,
        source: Source::Event,
    }
}

const fn letter(names: &'static [Name], meaning: &'static str) -> Group {
    Group {
        names,
        meaning,
        source: Source::Letter,
    }
}

const fn settings(names: &'static [Name], meaning: &'static str) -> Group {
    Group {
        names,
        meaning,
        source: Source::Settings,
    }
}

/// Every name a template may use, in the order of the advisors' table.
pub const GROUPS: &[Group] = &[
    event(
        &[text("recipient.salutation", "mevrouw")],
        "mevrouw of heer, als de persoon dat zo wil",
    ),
    event(
        &[
            text("recipient.initials", "A."),
            text("recipient.first_name", "Anouk"),
        ],
        "voorletters, voornaam",
    ),
    event(
        &[
            text("recipient.prefix", "van den"),
            text("recipient.surname", "Berg-Ouédraogo"),
        ],
        "tussenvoegsel, achternaam",
    ),
    event(
        &[
            text("recipient.address.street", "Lindelaan"),
            text("recipient.address.number", "14"),
            text("recipient.address.addition", "2 hoog"),
        ],
        "straat, huisnummer, toevoeging",
    ),
    event(
        &[
            text("recipient.address.postcode", "2000"),
            text("recipient.address.city", "Antwerpen"),
            text("recipient.address.country", "België"),
        ],
        "postcode, plaats, land (alleen in het buitenland)",
    ),
    event(
        &[
            text("recipient.phone", "06 12 34 56 78"),
            text("recipient.channel", "post"),
        ],
        "telefoon van de persoon, hoe de brief gaat",
    ),
    event(
        &[text("recipient.person_ref", "P-40213")],
        "nummer van de persoon in het zaaksysteem (nooit een BSN)",
    ),
    event(
        &[
            text("contact.name", "Ilse Verhoef"),
            text("contact.phone", "0488 44 21 07"),
        ],
        "de vaste contactpersoon en het directe nummer",
    ),
    event(
        &[
            text("contact.team", "Werk en Inkomen"),
            text("contact.email", "i.verhoef@waalmonde.nl"),
            text(
                "contact.reachable",
                "maandag tot en met donderdag van 9.00 tot 12.00 uur",
            ),
        ],
        "team, e-mail, wanneer bereikbaar",
    ),
    event(
        &[text("occurred_on", "2026-11-20")],
        "de datum van de gebeurtenis",
    ),
    event(
        &[
            text("case.zaak_id", "Z-2026-01841"),
            text("case.zaaktype", "Participatiewet levensonderhoud"),
            text("case.status_text", "Maatregel opgelegd"),
        ],
        "zaaknummer, soort zaak, korte tekst uit het zaaksysteem",
    ),
    event(
        &[
            yes_no("decision.is_besluit", true),
            text("decision.datum", "2026-11-19"),
            text("decision.ingangsdatum", "2026-12-01"),
        ],
        "of het een besluit is, de datum ervan, vanaf wanneer het geldt",
    ),
    event(
        &[text(
            "decision.reasons[]",
            "U kwam twee keer niet naar een afspraak over werk.",
        )],
        "lijst met redenen: de feiten waarop het besluit rust, in gewone woorden, nooit over het gesprek",
    ),
    event(
        &[text(
            "decision.legal_basis[]",
            "artikel 18 lid 2 Participatiewet",
        )],
        "lijst met wetsartikelen (alleen voor het kader)",
    ),
    event(
        &[
            text("amounts[].label", "Verlaging per maand"),
            number("amounts[].amount_cents", 27975),
            text("amounts[].period_from", "2026-12-01"),
            text("amounts[].period_to", "2026-12-31"),
        ],
        "bedragen: waarvoor, in centen, over welke tijd",
    ),
    event(
        &[
            text("deadlines[].label", "Papieren sturen"),
            text("deadlines[].date", "2026-12-07"),
        ],
        "datums waarop iets moet gebeuren",
    ),
    event(
        &[text("documents_requested[]", "Uw huurcontract")],
        "lijst met papieren die we vragen",
    ),
    event(
        &[
            text("appointment.start", "2026-12-03T10:30:00+01:00"),
            text("appointment.location", "Markt 1"),
            text("appointment.purpose", "uw uitkering"),
            text("appointment.bring[]", "Paspoort"),
        ],
        "een afspraak: wanneer, waar, waarover, wat meenemen",
    ),
    event(
        &[
            yes_no("flags.sanction", true),
            yes_no("flags.fraud_suspicion", false),
            yes_no("flags.vulnerable", true),
            yes_no("flags.retroactive", false),
        ],
        "kenmerken van de zaak (waar of niet)",
    ),
    event(
        &[text("flags.reason", "reported_by_person")],
        "waarom de zaak zo loopt, bijvoorbeeld `reported_by_person` of `missed_appointment`",
    ),
    event(
        &[
            text("prior_contact.at", "2026-11-18T10:15:00+01:00"),
            text("prior_contact.channel", "phone"),
            text("prior_contact.outcome", "reached"),
            text("prior_contact.contact_id", "C-88130"),
        ],
        "het gesprek dat al was: wanneer, hoe (`phone` of `visit`), of we de persoon spraken (`reached` of `no_contact`), het nummer van het contact",
    ),
    event(
        &[text("prior_contact.heard", "Ik lag in het ziekenhuis.")],
        "wat de persoon zei, in de eigen woorden (alleen als we de persoon spraken)",
    ),
    event(
        &[yes_no("prior_contact.reason_given", true)],
        "of de persoon een reden gaf voor wat er gebeurde (waar of niet; alleen als we de persoon spraken). Is dit waar, schrijf dan nooit dat er geen reden was",
    ),
    event(
        &[text("prior_contact.decision", "send")],
        "wat een medewerker na het contact besloot: `send` (de brief gaat weg), `withdraw` (geen brief) of `revise` (eerst de zaak aanpassen). In een brief is dit altijd `send`",
    ),
    event(
        &[text("prior_contact.event_id", "evt-2026-000601")],
        "de gebeurtenis (de brief die wachtte) waar het contact over gaat",
    ),
    event(
        &[
            text("earlier_decision.date", "2026-09-14"),
            text("earlier_decision.subject", "uw lagere bijstand"),
            text("earlier_decision.reference", "B-2026-0412"),
        ],
        "het besluit waar deze brief over gaat of op volgt: het besluit waartegen bezwaar is gemaakt, het besluit waar een terugvordering of schuld uit komt. Het onderwerp past na \"ons besluit over …\", in gewone woorden: \"hoeveel bijstand u mocht krijgen\", niet \"de herziening van uw bijstand\"",
    ),
    event(
        &[text("objection.outcome", "gegrond")],
        "de uitkomst van het bezwaar: `gegrond`, `deels_gegrond`, `ongegrond` of `niet_ontvankelijk`",
    ),
    event(
        &[text(
            "objection.changes[]",
            "De verlaging duurt één maand in plaats van drie.",
        )],
        "wat er verandert, als het bezwaar (deels) gegrond is",
    ),
    event(
        &[
            yes_no("objection.costs.requested", true),
            number("objection.costs.amount_cents", 62400),
        ],
        "of de persoon vroeg om de kosten te betalen, en wat de gemeente betaalt",
    ),
    event(
        &[text("measure.obligation", "naar afspraken over werk komen")],
        "de plicht die niet is nagekomen, in gewone woorden, na \"Als u bijstand krijgt, moet u …\"; dus \"uw\" en \"zich\", en niet beginnen met \"u\"",
    ),
    event(
        &[text(
            "measure.obligation_basis",
            "artikel 9 lid 1 onderdeel b Participatiewet",
        )],
        "het artikel van die plicht (alleen voor het kader)",
    ),
    event(
        &[text(
            "measure.reduction_basis",
            "artikel 18 lid 4 onder a en lid 5 Participatiewet",
        )],
        "bij een voornemen: het artikel van de verlaging (alleen voor het kader); leeg: artikel 18 lid 2, of 18b bij de taaleis",
    ),
    event(
        &[
            number("measure.percentage", 20),
            number("measure.amount_cents", 27975),
        ],
        "hoeveel procent lager, en het bedrag (per maand, of de boete)",
    ),
    event(
        &[
            text("measure.period_from", "2026-12-01"),
            text("measure.period_to", "2027-02-28"),
        ],
        "eerste en laatste dag van de maatregel",
    ),
    event(
        &[text(
            "measure.how_set[]",
            "De verordening zegt: wie twee keer niet komt, krijgt drie maanden 20 procent minder.",
        )],
        "hoe de hoogte is bepaald, in gewone woorden",
    ),
    event(
        &[number("measure.overpaid_cents", 121540)],
        "bij een boete of waarschuwing: wat de persoon te veel kreeg (dat vragen we apart terug)",
    ),
    event(
        &[text("facts[]", "Op 27 oktober was u niet bij het gesprek.")],
        "wat er gebeurde, in gewone woorden (voornemen, onderzoek)",
    ),
    event(
        &[
            text("revision.kind", "herziening"),
            text("revision.period_from", "2026-10-01"),
            text("revision.period_to", "2026-10-31"),
        ],
        "herziening of intrekking, en over welke tijd",
    ),
    event(
        &[
            number("amounts[].previous_cents", 139874),
            text("amounts[].gross_net", "netto"),
        ],
        "het oude bedrag, en of het bedrag `bruto` of `netto` is",
    ),
    event(
        &[text("payment.date", "2026-11-26")],
        "de dag waarop het geld op de rekening staat",
    ),
    event(
        &[
            number("debt.total_cents", 121540),
            text("debt.due_date", "2027-01-08"),
            text("debt.payment_reference", "T-2026-0725"),
        ],
        "geld dat de persoon moet betalen, de laatste dag, het kenmerk bij de betaling",
    ),
    event(
        &[
            number("debt.deduction.amount_cents", 4862),
            text("debt.deduction.from", "2027-01-01"),
            number("debt.deduction.protected_income_cents", 125912),
        ],
        "geld dat we inhouden op de uitkering: per maand, vanaf wanneer, en wat de persoon altijd overhoudt (de beslagvrije voet)",
    ),
    event(
        &[
            text("assistance.form", "lening"),
            number("assistance.repay_cents", 3000),
            text("assistance.repay_from", "2027-02-01"),
        ],
        "bijzondere bijstand als `gift` of `lening`; bij een lening wat de persoon elke maand terugbetaalt en vanaf wanneer",
    ),
    event(
        &[
            text("event.id", "evt-2026-000601"),
            text("event.type", "sanction_reduction"),
        ],
        "de gebeurtenis zelf",
    ),
    letter(
        &[
            text("letter.date", "2026-11-23"),
            text("letter.reference", "Z-2026-01841"),
            yes_no("letter.is_besluit", true),
            yes_no("letter.draft", false),
        ],
        "datum van de brief, ons kenmerk, besluit of niet, concept of niet",
    ),
    letter(
        &[text("letter.objection_last_day", "2027-01-04")],
        "laatste dag voor bezwaar of beroep (alleen bij een besluit): zes weken na de dag na verzending",
    ),
    settings(
        &[
            text("municipality.name", "Gemeente Waalmonde"),
            text("municipality.phone", "14 0488"),
            text("municipality.website", "www.waalmonde.nl"),
            text("municipality.email", "werkeninkomen@waalmonde.nl"),
            text(
                "municipality.address",
                "Postbus 4120, 6500\u{a0}AB Waalmonde",
            ),
            text(
                "municipality.return_address",
                "Postbus 4120, 6500 AB  WAALMONDE",
            ),
            text("municipality.department", "Werk en Inkomen"),
        ],
        "de gemeente",
    ),
    settings(
        &[text(
            "municipality.college",
            "burgemeester en wethouders van Waalmonde",
        )],
        "wie beslist; een besluit is ondertekend \"namens het college van …\"",
    ),
    settings(
        &[
            text("municipality.iban", "NL91 BNGH 0285 1654 27"),
            text("municipality.iban_name", "Gemeente Waalmonde"),
        ],
        "de rekening waarop mensen betalen (gecontroleerd met mod 97), en op wiens naam",
    ),
    settings(
        &[
            text(
                "municipality.objection_address",
                "Postbus 4100, 6500\u{a0}AA Waalmonde",
            ),
            text("municipality.objection_page", "www.waalmonde.nl/bezwaar"),
        ],
        "waar een bezwaar heen gaat: per post, of online",
    ),
    settings(
        &[
            text(
                "municipality.papers_address",
                "Postbus 4120, 6500\u{a0}AB Waalmonde",
            ),
            text("municipality.upload_page", "www.waalmonde.nl/papieren"),
        ],
        "waar papieren heen gaan: per post, of online",
    ),
    settings(
        &[
            text("court.name", "Rechtbank Gelderland"),
            text("court.address", "Postbus 9030, 6800\u{a0}EM Arnhem"),
        ],
        "de rechtbank voor beroep en een voorlopige voorziening",
    ),
    settings(
        &[
            number("court.fee_cents", 5400),
            number("court.fee_year", 2026),
        ],
        "het griffierecht van het jaar van de brief, in centen, en dat jaar",
    ),
    settings(
        &[
            text("signature.name", "Marieke de Boer"),
            text("signature.role", "teamleider Werk en Inkomen"),
        ],
        "wie de brief ondertekent",
    ),
];

/// Every name, in the order of the table.
pub fn names() -> impl Iterator<Item = &'static Name> {
    GROUPS.iter().flat_map(|group| group.names.iter())
}

/// Every path a template may use (`[]` is an element of a list).
pub fn paths() -> impl Iterator<Item = &'static str> {
    names().map(|name| name.path)
}

/// The advisors' table of names (`letter-templates/README.md`): one row per
/// group; a name after the first is shortened to its last part when it
/// shares the first one's parent (`recipient.address.street`, `.number`).
pub fn markdown_table() -> String {
    let mut table = String::from("| naam | betekenis | voorbeeld |\n|---|---|---|\n");
    for group in GROUPS {
        let first = group.names[0].path;
        let parent = first.rsplit_once('.').map(|(parent, _)| parent);
        let shown: Vec<String> = group
            .names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let path = match (i, parent) {
                    (0, _) | (_, None) => name.path.to_string(),
                    (_, Some(parent)) => name
                        .path
                        .strip_prefix(parent)
                        .filter(|tail| tail.starts_with('.'))
                        .unwrap_or(name.path)
                        .to_string(),
                };
                format!("`{path}`")
            })
            .collect();
        let examples: Vec<String> = group.names.iter().map(|n| n.example.shown()).collect();
        // Examples that hold a comma themselves are kept apart by a semicolon.
        let separator = if examples.iter().any(|e| e.contains(',')) {
            "; "
        } else {
            ", "
        };
        table.push_str(&format!(
            "| {} | {} | {} |\n",
            shown.join(", "),
            group.meaning,
            examples.join(separator)
        ));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_path_is_listed_once() {
        let mut seen = BTreeSet::new();
        for path in paths() {
            assert!(seen.insert(path), "{path} is listed twice");
        }
        assert!(seen.len() > 100, "{}", seen.len());
    }

    #[test]
    fn a_group_shortens_names_that_share_the_first_ones_parent() {
        let table = markdown_table();
        assert!(
            table.contains("| `recipient.address.street`, `.number`, `.addition` | straat, huisnummer, toevoeging | Lindelaan, 14, 2 hoog |"),
            "{table}"
        );
        assert!(table.contains("| `municipality.iban`, `.iban_name` |"));
        assert!(table.contains("Postbus 4100, 6500 AA Waalmonde; www.waalmonde.nl/bezwaar |"));
    }
}
