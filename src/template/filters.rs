//! Template filters for Dutch letters.
//!
//! | filter | input | output |
//! |---|---|---|
//! | `euro` | cents (integer) | `€ 1.234,56` |
//! | `date` | `2026-11-23` or a date-time | `23 november 2026`; `date(weekday=true)`: `maandag 23 november 2026` |
//! | `time` | a date-time | `9.30 uur` |
//! | `salutation` | `recipient` | `Beste mevrouw Jansen`, `Beste S. Jansen` |
//! | `full_name` | `recipient` | `Sam de Vries`, `S. de Vries` |
//! | `address_lines` | `recipient` | the lines of the address block |
//!
//! `safe` is replaced by a filter that refuses: event values are always escaped.
//! `default` refuses an empty default, because a letter never shows an empty value.

use crate::dutch::{self, NameParts};
use crate::event::parse_iso_date;
use chrono::{DateTime, NaiveDate};
use tera::{Error, Kwargs, State, TeraResult, Value};

/// `{{ cents | euro }}`
pub fn euro(value: &Value, _: Kwargs, _: &State) -> TeraResult<String> {
    match value.as_i64() {
        Some(cents) if value.is_i64() || value.is_u64() => Ok(dutch::euro(cents)),
        _ => Err(Error::message(
            "het filter euro verwacht een bedrag in hele centen, zoals amount_cents",
        )),
    }
}

/// `{{ day | date }}` and `{{ day | date(weekday=true) }}`
pub fn date(value: &str, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let with_weekday = kwargs.get::<bool>("weekday")?.unwrap_or(false);
    let day = parse_date_or_datetime(value).ok_or_else(|| {
        Error::message("het filter date verwacht een datum zoals 2026-11-23 of een datum met tijd")
    })?;
    Ok(dutch::long_date(day, with_weekday))
}

/// `{{ appointment.start | time }}`
pub fn time(value: &str, _: Kwargs, _: &State) -> TeraResult<String> {
    let moment = DateTime::parse_from_rfc3339(value).map_err(|_| {
        Error::message("het filter time verwacht een datum met tijd, zoals appointment.start")
    })?;
    Ok(dutch::clock_time(moment.time()))
}

/// `{{ recipient | salutation }}`, with the greeting from `helder.toml`.
pub fn salutation(
    greeting: String,
) -> impl Fn(&Value, Kwargs, &State) -> TeraResult<String> + Send + Sync + 'static {
    move |value: &Value, _: Kwargs, _: &State| {
        Ok(dutch::salutation(
            &greeting,
            &name_parts(value, "salutation")?,
        ))
    }
}

/// `{{ recipient | full_name }}`
pub fn full_name(value: &Value, _: Kwargs, _: &State) -> TeraResult<String> {
    Ok(dutch::full_name(&name_parts(value, "full_name")?))
}

/// `{{ recipient | address_lines }}`: a list of lines, to use in a `{% for %}`.
pub fn address_lines(value: &Value, _: Kwargs, _: &State) -> TeraResult<Value> {
    let name = name_parts(value, "address_lines")?;
    let field = |path: &'static str| value.get_from_path(path).and_then(Value::as_str);
    let (Some(street), Some(number), Some(postcode), Some(city)) = (
        field("address.street"),
        field("address.number"),
        field("address.postcode"),
        field("address.city"),
    ) else {
        return Err(Error::message(
            "het filter address_lines verwacht recipient, met een volledig adres",
        ));
    };
    let address = dutch::AddressParts {
        street,
        number,
        addition: field("address.addition"),
        postcode,
        city,
        country: field("address.country").filter(|c| !dutch::is_the_netherlands(c)),
    };
    Ok(Value::from(dutch::address_lines(&name, &address)))
}

/// Replaces Tera's `safe`: helder never lets a value through unescaped.
pub fn refuse_safe(_: &Value, _: Kwargs, _: &State) -> TeraResult<Value> {
    Err(Error::message(
        "het filter safe mag niet in een brief: waarden uit een gebeurtenis zijn altijd tekst. Haal | safe weg",
    ))
}

/// Replaces Tera's `default`: only a non-empty default is allowed.
pub fn default_not_empty(value: Value, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
    let fallback = kwargs.must_get::<Value>("value")?;
    if fallback.as_str().is_some_and(|s| s.trim().is_empty()) {
        return Err(Error::message(
            "default(value=\"\") laat een leeg gat in de brief. Gebruik {% if … %} om de zin weg te laten",
        ));
    }
    Ok(if value.is_undefined() || value.is_none() {
        fallback
    } else {
        value
    })
}

fn parse_date_or_datetime(value: &str) -> Option<NaiveDate> {
    parse_iso_date(value).or_else(|| {
        DateTime::parse_from_rfc3339(value)
            .ok()
            .map(|d| d.date_naive())
    })
}

fn name_parts<'a>(value: &'a Value, filter: &str) -> TeraResult<NameParts<'a>> {
    let field = |name: &'a str| value.get_from_path(name).and_then(Value::as_str);
    let surname = field("surname").ok_or_else(|| {
        Error::message(format!(
            "het filter {filter} verwacht recipient (met surname)"
        ))
    })?;
    Ok(NameParts {
        salutation: field("salutation"),
        initials: field("initials"),
        first_name: field("first_name"),
        prefix: field("prefix"),
        surname,
    })
}

/// The most numbers `range` gives in a template: a letter never needs more.
pub const MAX_RANGE: i64 = 1_000;

/// Replaces Tera's `range(end=…, start=…, step_by=…)` with one that gives at
/// most [`MAX_RANGE`] numbers, so a template cannot make a letter loop a million times.
pub fn bounded_range(kwargs: Kwargs, _: &State) -> TeraResult<Vec<i64>> {
    let start = kwargs.get::<i64>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i64>("end")?;
    let step = kwargs.get::<i64>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(Error::message("range met step_by=0 houdt nooit op"));
    }
    let (start128, end128, step128) = (i128::from(start), i128::from(end), i128::from(step));
    let count = if step128 > 0 {
        ((end128 - start128).max(0) + step128 - 1) / step128
    } else {
        ((start128 - end128).max(0) - step128 - 1) / -step128
    };
    if count > i128::from(MAX_RANGE) {
        return Err(Error::message(format!(
            "range geeft {count} getallen; in een brief kan dat er hoogstens {MAX_RANGE} zijn"
        )));
    }
    (0..count)
        .map(|i| i64::try_from(start128 + i * step128))
        .collect::<Result<Vec<i64>, _>>()
        .map_err(|_| Error::message("range rekent buiten de getallen die een brief kent"))
}
