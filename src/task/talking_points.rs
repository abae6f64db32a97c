//! The talking points of a call-first task, per event type
//! (`letter-templates/talking-points.toml`): what to ask, what a good reason
//! is, and what not to say.

use crate::event::EventType;
use crate::problem::Problem;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The shipped talking points, used when the templates folder has none.
pub const DEFAULT_TALKING_POINTS: &str = include_str!("../../letter-templates/talking-points.toml");

/// The file with talking points in the templates folder.
pub const TALKING_POINTS_FILE: &str = "talking-points.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct TalkingPointsFile {
    default: Points,
    #[serde(default)]
    event_types: BTreeMap<String, Points>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Points {
    points: Vec<String>,
    #[serde(default)]
    good_reason: Option<String>,
    #[serde(default)]
    do_not_say: Option<Vec<String>>,
}

/// What the contact person needs for the call about one event type.
#[derive(Debug, Clone, Copy)]
pub struct Guidance<'a> {
    /// The talking points, in order.
    pub points: &'a [String],
    /// What to do when the person gives a good reason.
    pub good_reason: &'a str,
    /// What not to say.
    pub do_not_say: &'a [String],
}

/// Talking points per event type.
#[derive(Debug, Clone)]
pub struct TalkingPoints {
    default: Points,
    by_type: BTreeMap<EventType, Points>,
}

impl TalkingPoints {
    /// Reads `talking-points.toml` from the templates folder, or the shipped one.
    pub fn load(templates_dir: &Path) -> Result<TalkingPoints, Problem> {
        let path = templates_dir.join(TALKING_POINTS_FILE);
        let (text, name) = match std::fs::read_to_string(&path) {
            Ok(text) => (text, path.display().to_string()),
            Err(_) => (
                DEFAULT_TALKING_POINTS.to_string(),
                "talking-points.toml (ingebouwd)".to_string(),
            ),
        };
        Self::parse(&text, &name)
    }

    /// Parses talking points; an unknown event type is an error, and so is a
    /// default without `good-reason` or `do-not-say` (a type without its own falls back to them).
    pub fn parse(text: &str, name: &str) -> Result<TalkingPoints, Problem> {
        let file: TalkingPointsFile = toml::from_str(text).map_err(|e| {
            Problem::new(
                name,
                format!("de gesprekspunten kloppen niet: {}", e.message().trim()),
                "Vergelijk het bestand met letter-templates/talking-points.toml van helder.",
            )
        })?;
        if file.default.good_reason.is_none() || file.default.do_not_say.is_none() {
            return Err(Problem::new(
                name,
                "[default] heeft geen good-reason of do-not-say",
                "Zet ze erbij: ze gelden voor elk soort zonder eigen tekst.",
            ));
        }
        let mut by_type = BTreeMap::new();
        for (key, points) in file.event_types {
            let event_type = EventType::from_name(&key).ok_or_else(|| {
                let hint = EventType::closest(&key)
                    .map(|t| format!("Bedoelt u {t}? "))
                    .unwrap_or_default();
                Problem::new(
                    name,
                    format!("het soort gebeurtenis \"{key}\" bestaat niet"),
                    format!("{hint}Gebruik de namen uit DESIGN.md §3."),
                )
            })?;
            by_type.insert(event_type, points);
        }
        Ok(TalkingPoints {
            default: file.default,
            by_type,
        })
    }

    /// The guidance for one event type: its own, or the default for what it lacks.
    pub fn for_type(&self, event_type: EventType) -> Guidance<'_> {
        let own = self.by_type.get(&event_type).unwrap_or(&self.default);
        Guidance {
            points: &own.points,
            good_reason: own
                .good_reason
                .as_deref()
                .or(self.default.good_reason.as_deref())
                .unwrap_or_default(),
            do_not_say: own
                .do_not_say
                .as_deref()
                .or(self.default.do_not_say.as_deref())
                .unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_talking_points_load_and_fall_back_to_default() {
        let points = TalkingPoints::parse(DEFAULT_TALKING_POINTS, "talking-points.toml").unwrap();
        let fine = points.for_type(EventType::AdministrativeFine);
        assert!(fine.points.iter().any(|p| p.contains("geen verhoor")));
        assert!(
            fine.points
                .iter()
                .any(|p| p.contains("geen vragen hoeft te beantwoorden"))
        );
        assert!(
            points.for_type(EventType::BenefitChanged).points[0]
                .starts_with("Vraag eerst hoe het met de persoon gaat")
        );
        // A type without its own points gets the default, good reason and all.
        let plain = points.for_type(EventType::BenefitGranted);
        assert!(plain.good_reason.contains("geen brief"));
        assert!(!plain.do_not_say.is_empty());
    }

    #[test]
    fn an_unknown_event_type_is_refused() {
        let text = "[default]\npoints = [\"a\"]\ngood-reason = \"c\"\ndo-not-say = [\"d\"]\n[event-types.parkeren]\npoints = [\"b\"]\n";
        assert!(
            TalkingPoints::parse(text, "t.toml")
                .unwrap_err()
                .to_string()
                .contains("parkeren")
        );
    }
}
