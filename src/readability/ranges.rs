//! The ranges the readability limits in `helder.toml` must lie in. A limit
//! outside them (a sentence of at most 0 words, a share of 400 %, `nan`)
//! makes every text fail or every text pass without anyone noticing, so the
//! settings are refused with the key and the range instead.

use super::ReadabilityConfig;
use super::metrics::Limits;
use crate::problem::Problem;

/// How to fix a limit outside its range.
const FIX: &str = "Zet de waarde binnen dat bereik, of haal de regel weg voor de standaardwaarde.";

/// Checks every limit; the error names the key (after `prefix`, such as
/// `lint.thresholds`) and the range it must lie in, in Dutch.
pub fn check(config: &ReadabilityConfig, prefix: &str) -> Result<(), Problem> {
    let whole = |key: &str, value: usize, low: usize, high: usize| {
        if (low..=high).contains(&value) {
            Ok(())
        } else {
            Err(Problem::new(
                format!("{prefix}.{key}"),
                format!(
                    "de waarde is {value}; dat moet een heel getal van {low} tot en met {high} zijn"
                ),
                FIX,
            ))
        }
    };
    whole(
        "long-sentence-warning",
        config.long_sentence_warning,
        1,
        200,
    )?;
    whole("long-sentence-error", config.long_sentence_error, 1, 200)?;
    whole(
        "long-paragraph-words",
        config.long_paragraph_words,
        1,
        10_000,
    )?;
    whole(
        "max-subordinate-clauses",
        config.max_subordinate_clauses,
        0,
        20,
    )?;
    whole("long-word-letters", config.long_word_letters, 3, 100)?;
    fraction(
        &format!("{prefix}.rare-zipf"),
        f64::from(config.rare_zipf),
        0.0,
        8.0,
    )?;
    for (level, limits) in [
        ("a2", &config.levels.a2),
        ("b1", &config.levels.b1),
        ("b2", &config.levels.b2),
    ] {
        check_level(limits, &format!("{prefix}.levels.{level}"))?;
    }
    Ok(())
}

fn check_level(limits: &Limits, prefix: &str) -> Result<(), Problem> {
    fraction(
        &format!("{prefix}.avg-sentence-words"),
        limits.avg_sentence_words,
        1.0,
        100.0,
    )?;
    fraction(
        &format!("{prefix}.difficult-word-share"),
        limits.difficult_word_share,
        0.0,
        1.0,
    )?;
    fraction(
        &format!("{prefix}.passive-share"),
        limits.passive_share,
        0.0,
        1.0,
    )?;
    for (key, value, high) in [
        ("max-sentence-words", limits.max_sentence_words, 200),
        ("max-paragraph-words", limits.max_paragraph_words, 10_000),
    ] {
        if !(1..=high).contains(&value) {
            return Err(Problem::new(
                format!("{prefix}.{key}"),
                format!(
                    "de waarde is {value}; dat moet een heel getal van 1 tot en met {high} zijn"
                ),
                FIX,
            ));
        }
    }
    Ok(())
}

/// A number with decimals between `low` and `high` (a share: 0.04 is 4 %).
fn fraction(key: &str, value: f64, low: f64, high: f64) -> Result<(), Problem> {
    if value.is_finite() && (low..=high).contains(&value) {
        Ok(())
    } else {
        Err(Problem::new(
            key,
            format!(
                "de waarde is {value}; dat moet een getal van {low} tot en met {high} zijn (een deel als 0.04 voor 4 %)"
            ),
            FIX,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_lie_in_their_ranges() {
        assert_eq!(
            check(&ReadabilityConfig::default(), "lint.thresholds"),
            Ok(())
        );
    }

    #[test]
    fn absurd_limits_name_their_key() {
        let config = ReadabilityConfig {
            rare_zipf: f32::NAN,
            ..ReadabilityConfig::default()
        };
        assert!(
            check(&config, "lint.thresholds")
                .unwrap_err()
                .to_string()
                .contains("lint.thresholds.rare-zipf")
        );
        let mut config = ReadabilityConfig::default();
        config.levels.b1.difficult_word_share = 4.0;
        assert!(
            check(&config, "x")
                .unwrap_err()
                .to_string()
                .contains("x.levels.b1.difficult-word-share")
        );
        let config = ReadabilityConfig {
            long_sentence_warning: 0,
            ..ReadabilityConfig::default()
        };
        assert!(
            check(&config, "x")
                .unwrap_err()
                .to_string()
                .contains("long-sentence-warning")
        );
    }
}
