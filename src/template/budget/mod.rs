//! A budget for every render, so that no template can eat the machine.
//!
//! Templates are written by people; a mistake or an attack (three nested
//! loops of a thousand, a text doubled thirty times, a filter that multiplies
//! a text) must end as a template error that names the line, within a second
//! and a few MB, in `render`, `batch`, `lint` and `serve` alike.
//!
//! Tera has no budget of its own, and its loops and string concatenation
//! call nothing from outside. So helder makes them call it:
//!
//! - [`instrument`] adds a call to `__helder_tick` at the start of every
//!   `{% for %}` body, and a call to `__helder_size` after every `{% set %}`,
//!   to the source Tera compiles. The calls print nothing. A tick counts one
//!   pass through a loop and looks at the clock; a size check measures the
//!   value just stored (a text grows only by being stored again, in a loop).
//! - What Tera could do without such a call is refused when the templates are
//!   loaded: list comprehensions (`[x for x in …]`, a loop inside one
//!   expression), `{% set %}…{% endset %}` and `{% filter %}` blocks (they
//!   collect output out of sight), components, `extends` and blocks. A letter
//!   needs none of them.
//! - Filters that can multiply a text are replaced: `replace` and `join`
//!   check the length of what they would make before they make it; `indent`,
//!   `escape`, `escape_html`, `escape_xml` and `newlines_to_br` are refused
//!   (Markdown letters are escaped already, and indenting makes code blocks).
//! - The output goes into an [`Output`] that keeps at most
//!   [`Limits::output_bytes`] and drops the rest; the next tick reports it.
//!
//! Between two checks a template does at most the work of its own text once,
//! on values of bounded length; so [`Limits`] bound time and memory.

use std::cell::RefCell;
use std::io::{self, Write};
use std::time::{Duration, Instant};
use tera::{Error, Kwargs, State, StringInput, TeraResult, Value};

mod instrument;

pub use instrument::{Instrumented, Refused, SIZE, TICK, instrument};

/// The budget of one render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Passes through `{% for %}` bodies, over all loops together.
    pub iterations: u64,
    /// Bytes of a text (or of all texts in a list) a template stores or makes with a filter.
    pub text_bytes: usize,
    /// Bytes of output.
    pub output_bytes: usize,
    /// Wall-clock time.
    pub time: Duration,
}

/// The budget every letter is made within. A real letter uses a small part
/// of it: lists of at most 100 items, a body of at most 64 kB.
pub const LIMITS: Limits = Limits {
    iterations: 20_000,
    text_bytes: 64 * 1024,
    output_bytes: 256 * 1024,
    time: Duration::from_secs(1),
};

/// What ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// Too many passes through loops.
    Iterations,
    /// A text or list grew too long.
    Text,
    /// Too much output.
    Output,
    /// Too much time.
    Time,
}

impl Exceeded {
    /// What went wrong, in Dutch, for a template error.
    pub fn problem(self, limits: &Limits) -> String {
        match self {
            Exceeded::Iterations => format!(
                "de {{% for %}}-lussen van het sjabloon gaan samen meer dan {} keer rond; zoveel heeft een brief nooit nodig",
                crate::dutch::thousands(limits.iterations)
            ),
            Exceeded::Text => format!(
                "een tekst of lijst in het sjabloon wordt langer dan {} kB",
                limits.text_bytes / 1024
            ),
            Exceeded::Output => format!(
                "het sjabloon maakt meer dan {} kB tekst; zo lang is geen brief",
                limits.output_bytes / 1024
            ),
            Exceeded::Time => format!(
                "het maken van de brief duurt langer dan {} seconde",
                limits.time.as_secs().max(1)
            ),
        }
    }

    /// How to fix it, in Dutch.
    pub fn fix(self) -> &'static str {
        match self {
            Exceeded::Text => {
                "Kijk of een {% set %} op deze regel een tekst steeds langer maakt, of een filter een tekst vermenigvuldigt."
            }
            _ => {
                "Kijk of een {% for %} op deze regel veel te vaak rondgaat, ook in lussen die erin staan."
            }
        }
    }
}

/// The running count of one render on this thread.
#[derive(Debug)]
struct Meter {
    limits: Limits,
    started: Instant,
    iterations: u64,
    output: usize,
    exceeded: Option<Exceeded>,
}

thread_local! {
    static METER: RefCell<Option<Meter>> = const { RefCell::new(None) };
}

/// Runs `render` with a fresh budget on this thread; returns its result and
/// what ran out, if anything did. Renders on other threads have their own.
pub fn within<T>(limits: Limits, render: impl FnOnce() -> T) -> (T, Option<Exceeded>) {
    let previous = METER.with(|m| {
        m.borrow_mut().replace(Meter {
            limits,
            started: Instant::now(),
            iterations: 0,
            output: 0,
            exceeded: None,
        })
    });
    let result = render();
    let meter = METER.with(|m| std::mem::replace(&mut *m.borrow_mut(), previous));
    (result, meter.and_then(|m| m.exceeded))
}

/// Charges the meter of this thread (if a render is running) and checks it.
fn charge(update: impl FnOnce(&mut Meter) -> Option<Exceeded>) -> TeraResult<()> {
    METER.with(|m| {
        let mut meter = m.borrow_mut();
        let Some(meter) = meter.as_mut() else {
            return Ok(());
        };
        let exceeded = meter.exceeded.or_else(|| update(meter)).or_else(|| {
            if meter.output > meter.limits.output_bytes {
                Some(Exceeded::Output)
            } else if meter.started.elapsed() > meter.limits.time {
                Some(Exceeded::Time)
            } else {
                None
            }
        });
        match exceeded {
            Some(what) => {
                meter.exceeded = Some(what);
                Err(Error::message(what.problem(&meter.limits)))
            }
            None => Ok(()),
        }
    })
}

/// `__helder_tick()`: one pass through a loop.
pub fn tick(_: Kwargs, _: &State) -> TeraResult<String> {
    charge(|meter| {
        meter.iterations += 1;
        (meter.iterations > meter.limits.iterations).then_some(Exceeded::Iterations)
    })?;
    Ok(String::new())
}

/// `__helder_size(value=…)`: the value a `{% set %}` just stored.
pub fn size(kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let value = kwargs.get::<Value>("value")?.unwrap_or_else(Value::none);
    charge(|meter| {
        (bytes_of(&value, meter.limits.text_bytes) > meter.limits.text_bytes)
            .then_some(Exceeded::Text)
    })?;
    Ok(String::new())
}

/// The bytes of a value's texts (and a little for every item), counted up to
/// just past `limit`: a list that holds itself many times over is not walked whole.
fn bytes_of(value: &Value, limit: usize) -> usize {
    let mut total = 0;
    let mut pending = vec![value];
    while let Some(value) = pending.pop() {
        total += 8 + value.as_str().map_or(0, str::len);
        if total > limit {
            break;
        }
        if let Some(items) = value.as_array() {
            pending.extend(items);
        } else if let Some(map) = value.as_map() {
            pending.extend(map.values());
        }
    }
    total
}

/// Checks that a filter would make at most [`Limits::text_bytes`].
fn check_made(bytes: usize) -> TeraResult<()> {
    charge(|meter| (bytes > meter.limits.text_bytes).then_some(Exceeded::Text))
}

/// `replace(from=…, to=…)`, as Tera's own, but it first counts what it would make.
pub fn replace(value: StringInput, kwargs: Kwargs, state: &State) -> TeraResult<Value> {
    let from = kwargs.must_get::<&str>("from")?;
    let to = kwargs.must_get::<StringInput>("to")?;
    if from.is_empty() {
        return Err(Error::message(
            "replace met een lege from zet de tekst tussen elke letter; geef in from wat vervangen moet worden",
        ));
    }
    let be_safe = state.autoescaping_enabled() && (value.is_safe() || to.is_safe());
    let (text, with) = if be_safe {
        (value.rendered(state)?, to.rendered(state)?)
    } else {
        (value.as_str().into(), to.as_str().into())
    };
    let made = text.len() + text.matches(from).count() * with.len();
    check_made(made)?;
    let out = text.replace(from, &with);
    Ok(if be_safe {
        Value::safe_string(&out)
    } else {
        Value::from(out)
    })
}

/// `join(sep=…)`, as Tera's own, but it first counts what it would make.
pub fn join(items: &[Value], kwargs: Kwargs, state: &State) -> TeraResult<Value> {
    let sep = kwargs.get::<StringInput>("sep")?;
    let be_safe = state.autoescaping_enabled()
        && (items.iter().any(|x| x.is_string() && x.is_safe())
            || sep.as_ref().is_some_and(StringInput::is_safe));
    let sep_text = match &sep {
        Some(s) if be_safe => s.rendered(state)?.into_owned(),
        Some(s) => s.as_str().to_string(),
        None => String::new(),
    };
    check_made(
        bytes_of(&Value::from(items.to_vec()), LIMITS.text_bytes)
            + sep_text.len() * items.len().saturating_sub(1),
    )?;
    let mut parts = Vec::with_capacity(items.len());
    for item in items {
        parts.push(if item.is_undefined() {
            String::new()
        } else if be_safe {
            state.escape_if_needed(item)?
        } else {
            format!("{item}")
        });
        check_made(parts.iter().map(String::len).sum())?;
    }
    let out = parts.join(&sep_text);
    check_made(out.len())?;
    Ok(if be_safe {
        Value::safe_string(&out)
    } else {
        Value::from(out)
    })
}

/// A filter a letter template may not use, with why.
pub fn refused(
    name: &'static str,
    why: &'static str,
) -> impl Fn(&Value, Kwargs, &State) -> TeraResult<Value> + Send + Sync + 'static {
    move |_: &Value, _: Kwargs, _: &State| {
        Err(Error::message(format!(
            "het filter {name} kan niet in een brief: {why}"
        )))
    }
}

/// Registers the budget's functions and filters on a Tera.
pub fn register(tera: &mut tera::Tera) {
    tera.register_function(TICK, tick);
    tera.register_function(SIZE, size);
    tera.register_filter("replace", replace);
    tera.register_filter("join", join);
    let markdown = "waarden uit de gebeurtenis worden al vanzelf veilig gemaakt";
    tera.register_filter("escape", refused("escape", markdown));
    tera.register_filter("escape_html", refused("escape_html", markdown));
    tera.register_filter("escape_xml", refused("escape_xml", markdown));
    tera.register_filter(
        "newlines_to_br",
        refused(
            "newlines_to_br",
            "een brief is Markdown; een lege regel maakt een nieuwe alinea",
        ),
    );
    tera.register_filter(
        "indent",
        refused(
            "indent",
            "inspringen maakt in Markdown een blok code van de tekst",
        ),
    );
}

/// The output of one render: keeps at most [`Limits::output_bytes`] and one
/// byte more, then drops what comes, and tells the meter (the next tick
/// ends the render with the line of its loop).
#[derive(Debug, Default)]
pub struct Output {
    bytes: Vec<u8>,
}

impl Output {
    /// What was written.
    pub fn into_string(self) -> String {
        String::from_utf8(self.bytes).unwrap_or_default()
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let room = METER.with(|m| {
            m.borrow_mut().as_mut().map_or(usize::MAX, |meter| {
                meter.output += buf.len();
                (meter.limits.output_bytes + 1).saturating_sub(self.bytes.len())
            })
        });
        self.bytes.extend_from_slice(&buf[..buf.len().min(room)]);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tera_with(source: &str) -> Result<tera::Tera, String> {
        let instrumented = instrument(source).map_err(|r| r.problem)?;
        let mut tera = tera::Tera::new();
        register(&mut tera);
        tera.register_function("range", crate::template::filters::bounded_range);
        tera.add_raw_template("t", &instrumented.source)
            .map_err(|e| e.to_string())?;
        Ok(tera)
    }

    fn render(source: &str) -> (Result<String, String>, Option<Exceeded>) {
        let tera = match tera_with(source) {
            Ok(tera) => tera,
            Err(e) => return (Err(e), None),
        };
        within(LIMITS, || {
            let mut out = Output::default();
            tera.render_to("t", &tera::Context::new(), &mut out)
                .map(|()| out.into_string())
                .map_err(|e| e.to_string())
        })
    }

    #[test]
    fn instrumenting_changes_no_output() {
        for source in [
            "a{% for i in range(end=3) %}[{{ i }}]{% endfor %}b",
            "a {%- for i in range(end=3) -%} [{{ i }}] {%- endfor -%} b",
            "{% set x = \"a\" %}{% for i in range(end=2) %}{% set x = x ~ i %}{{ x }}{% endfor %}{{ x }}",
            "{% raw %}{% for x in y %}{% endraw %} en {{ \"for %}\" }}",
            "{% if 1 == 1 %}ja{% else %}nee{% endif %}",
        ] {
            let mut plain = tera::Tera::new();
            plain.register_function("range", crate::template::filters::bounded_range);
            plain.add_raw_template("t", source).unwrap();
            let expected = plain.render("t", &tera::Context::new()).unwrap();
            assert_eq!(render(source).0, Ok(expected), "{source}");
        }
    }

    #[test]
    fn hostile_templates_end_inside_the_budget() {
        let loops = "{%- for i in range(end=1000) -%}{%- for j in range(end=1000) -%}{%- for k in range(end=1000) -%}{%- endfor -%}{%- endfor -%}{%- endfor -%}";
        assert_eq!(render(loops).1, Some(Exceeded::Iterations));
        let doubling = "{%- set_global s = \"0123456789\" -%}{%- for i in range(end=30) -%}{%- set_global s = s ~ s -%}{%- endfor -%}";
        assert_eq!(render(doubling).1, Some(Exceeded::Text));
        let replace = format!(
            "{{{{ \"abcdefghij\"{} }}}}",
            " | replace(from=\"a\", to=\"aaaaaaaaaa\")".repeat(12)
        );
        assert_eq!(render(&replace).1, Some(Exceeded::Text));
        let output = "{%- for i in range(end=1000) -%}{%- for j in range(end=10) -%}0123456789012345678901234567890123456789{%- endfor -%}{%- endfor -%}";
        assert_eq!(render(output).1, Some(Exceeded::Output));
    }
}
