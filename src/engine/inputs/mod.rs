//! Every input of the scenario, declared once: its JSON path, label, unit,
//! how it is displayed (a fraction shown as a percentage, …), its valid
//! range, whether it is a whole number, a one-line help text and its source,
//! and how to read and write it on a [`Scenario`].
//!
//! [`super::validate::validate`] walks this registry for ranges (keeping only
//! the rules that join several fields by hand), the page renders its input
//! bands from it, and the `plan` command's messages name the same paths and
//! units. Adding an input is one entry in [`demand`] or [`operations`].

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::scenario::Scenario;

/// Displayed = stored × this, for fractions shown as percentages.
pub const PERCENT: f64 = 100.0;

/// The `<details>` band of the page an input is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    Workload,
    Compute,
    Data,
    EdgePlatform,
    Targets,
    Resilience,
    /// Inside the resilience band, with the drill results.
    Drills,
    Latency,
    Slas,
    Commercial,
    /// The robustness panel (the tornado's swing).
    Robustness,
}

/// The values a number may take, in **displayed** units (percent for a
/// fraction shown as a percentage).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bounds {
    /// From the first to the second, both included.
    Between(f64, f64),
    /// More than 0, at most this.
    Positive(f64),
    /// One of these values.
    Among(&'static [f64]),
}

/// How a number input is shown, bounded, read and written.
#[derive(Clone, Copy)]
pub struct Number {
    /// Displayed = stored × scale ([`PERCENT`] for fractions shown as %).
    pub scale: f64,
    pub bounds: Bounds,
    /// Why the bounds are what they are, said after them in the message
    /// ("(Front Door allows 1–255)"); empty when obvious.
    pub note: &'static str,
    /// Whole numbers only.
    pub integer: bool,
    /// May carry a low..likely..high range (cost ranges, tornado).
    pub ranged: bool,
    /// Whether the input is in use (checked) in this scenario: App Service
    /// fields only with App Service, and so on.
    pub when: fn(&Scenario) -> bool,
    /// The stored value.
    pub get: fn(&Scenario) -> f64,
    /// Writes a stored value.
    pub set: fn(&mut Scenario, f64),
}

/// The defaults a [`Number`] entry starts from.
pub const NUMBER: Number = Number {
    scale: 1.0,
    bounds: Bounds::Positive(f64::MAX),
    note: "",
    integer: false,
    ranged: false,
    when: |_| true,
    get: |_| 0.0,
    set: |_, _| {},
};

/// A closed choice, stored as an enum whose serde id is the option's value.
#[derive(Clone, Copy)]
pub struct Choice {
    /// (value, label) pairs.
    pub options: &'static [(&'static str, &'static str)],
    pub get: fn(&Scenario) -> String,
    /// Writes an option's value (an unknown value leaves the field as is).
    pub set: fn(&mut Scenario, &str),
}

/// On or off.
#[derive(Clone, Copy)]
pub struct Check {
    pub get: fn(&Scenario) -> bool,
    pub set: fn(&mut Scenario, bool),
}

/// What kind of control edits an input.
#[derive(Clone, Copy)]
pub enum Control {
    Number(Number),
    Choice(Choice),
    Check(Check),
}

/// One input of the scenario.
#[derive(Clone, Copy)]
pub struct Input {
    /// JSON path, e.g. `workload.edge_cache_hit_ratio`; field errors are
    /// keyed by it and the page's test ids are made from it.
    pub path: &'static str,
    pub band: Band,
    pub label: &'static str,
    /// Shown after the input and in its messages ("%", "req/s"); empty for
    /// plain counts.
    pub unit: &'static str,
    /// One line: what the field changes.
    pub help: &'static str,
    /// Where a default or a limit comes from (a public URL), or empty.
    pub source: &'static str,
    pub control: Control,
}

impl Input {
    /// The number control, if this is a number input.
    pub fn number(&self) -> Option<&Number> {
        match &self.control {
            Control::Number(n) => Some(n),
            _ => None,
        }
    }
}

/// A number in each row of a list (`regions[0].traffic_share`).
#[derive(Clone, Copy)]
pub struct ListInput {
    /// The list's path (`regions`).
    pub list: &'static str,
    /// The field in each row (`traffic_share`).
    pub field: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub help: &'static str,
    pub scale: f64,
    pub bounds: Bounds,
    pub note: &'static str,
    /// Rows in the list.
    pub count: fn(&Scenario) -> usize,
    /// The stored value of a row.
    pub get: fn(&Scenario, usize) -> Option<f64>,
    /// Writes the stored value of a row.
    pub set: fn(&mut Scenario, usize, f64),
}

impl ListInput {
    /// The path of row `index`: `regions[2].traffic_share`.
    pub fn path(&self, index: usize) -> String {
        format!("{}[{index}].{}", self.list, self.field)
    }
}

/// Every single-valued input, in the order the page shows them.
pub fn all() -> impl Iterator<Item = &'static Input> {
    demand::INPUTS.iter().chain(operations::INPUTS.iter())
}

/// Every number in list rows.
pub fn lists() -> impl Iterator<Item = &'static ListInput> {
    operations::LISTS.iter().copied()
}

/// The input with this path.
pub fn find(path: &str) -> Option<&'static Input> {
    all().find(|i| i.path == path)
}

/// The list field `list[].field` (`"regions"`, `"traffic_share"`).
pub fn find_list(list: &str, field: &str) -> Option<&'static ListInput> {
    lists().find(|l| l.list == list && l.field == field)
}

/// The inputs of one band, in order.
pub fn band(band: Band) -> impl Iterator<Item = &'static Input> {
    all().filter(move |i| i.band == band)
}

/// A number in a message, as a person reads it: grouped thousands, at most
/// six decimals, no float noise; beyond a trillion in scientific notation
/// (`1e20`, not twenty-one digits).
pub fn shown(value: f64) -> String {
    if value.abs() >= 1e12 {
        return format!("{value:e}");
    }
    let rounded = (value * 1e6).round() / 1e6;
    let decimals = if rounded.fract() == 0.0 {
        0
    } else {
        let text = format!("{rounded}");
        text.split_once('.').map_or(0, |(_, f)| f.len().min(6))
    };
    super::format::number(rounded, decimals)
}

/// What is wrong with a stored value, said in the units the person types
/// ("must be between 0 and 99 %; it is 150 %"); None when it is valid.
///
/// The comparison is made on stored values (bound ÷ scale), so a value is
/// accepted exactly when the stored bound would accept it.
pub fn problem(stored: f64, scale: f64, bounds: Bounds, unit: &str, note: &str) -> Option<String> {
    if !stored.is_finite() {
        return Some("must be a number".into());
    }
    // Checked first, so a valid value costs no text (validation runs on
    // every evaluation, the page's fast path).
    let what = match bounds {
        Bounds::Between(min, max) => {
            if stored >= min / scale && stored <= max / scale {
                return None;
            }
            format!("between {} and {}", shown(min), shown(max))
        }
        Bounds::Positive(max) => {
            if stored <= 0.0 {
                "more than 0".to_string()
            } else if stored > max / scale {
                format!("at most {}", shown(max))
            } else {
                return None;
            }
        }
        Bounds::Among(values) => {
            if values.iter().any(|v| *v / scale == stored) {
                return None;
            }
            let list: Vec<String> = values.iter().map(|v| shown(*v)).collect();
            format!("one of {}", list.join(", "))
        }
    };
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    let note = if note.is_empty() {
        String::new()
    } else {
        format!(" {note}")
    };
    Some(format!(
        "must be {what}{unit}{note}; it is {}{unit}",
        shown(stored * scale)
    ))
}

/// What is wrong with this input's value in `s` (None when valid or when
/// the input is not in use).
pub fn input_problem(input: &Input, s: &Scenario) -> Option<String> {
    let n = input.number()?;
    if !(n.when)(s) {
        return None;
    }
    problem((n.get)(s), n.scale, n.bounds, input.unit, n.note)
}

/// An enum's serde id ("p1v3"). Written with the same compact JSON
/// serializer as share links, so the wasm carries one copy of that code.
pub fn enum_id<T: Serialize>(value: &T) -> String {
    serde_json::to_vec(value)
        .ok()
        .and_then(|v| String::from_utf8(v).ok())
        .map(|v| v.trim_matches('"').to_string())
        .unwrap_or_default()
}

/// The enum with that serde id (read with the scenario reader's code).
pub fn enum_from<T: DeserializeOwned>(id: &str) -> Option<T> {
    serde_json::from_slice(format!("\"{id}\"").as_bytes()).ok()
}

/// `concat!`s a field expression's idents with dots: the JSON path of
/// `workload.response_kb` is `"workload.response_kb"`, so the path and the
/// accessor can never disagree.
macro_rules! path {
    ($head:ident $(. $tail:ident)*) => {
        concat!(stringify!($head) $(, ".", stringify!($tail))*)
    };
}

/// The source given, or none.
macro_rules! or_empty {
    () => {
        ""
    };
    ($src:expr) => {
        $src
    };
}

/// A number input: `number!(Band, field.path [as u32], "label", "unit",
/// "help", { Number fields… } [, source: "url"])`.
macro_rules! number {
    ($band:ident, $head:ident $(. $tail:ident)* $(as $int:ty)?, $label:literal, $unit:literal,
     $help:literal, { $($k:ident : $v:expr),* $(,)? } $(, source: $src:expr)? $(,)?) => {
        Input {
            path: path!($head $(. $tail)*),
            band: Band::$band,
            label: $label,
            unit: $unit,
            help: $help,
            source: or_empty!($($src)?),
            control: Control::Number(Number {
                get: |s: &Scenario| f64::from(s.$head $(.$tail)*),
                set: |s: &mut Scenario, v: f64| s.$head $(.$tail)* = v $(as $int)?,
                $($k: $v,)*
                ..NUMBER
            }),
        }
    };
}

/// A drop-down over an enum's serde ids: `choice!(Band, field.path,
/// "label", "help", [("id", "Label"), …])`.
macro_rules! choice {
    ($band:ident, $head:ident $(. $tail:ident)*, $label:literal, $help:literal,
     [$(($value:literal, $text:literal)),* $(,)?] $(,)?) => {
        Input {
            path: path!($head $(. $tail)*),
            band: Band::$band,
            label: $label,
            unit: "",
            help: $help,
            source: "",
            control: Control::Choice(Choice {
                options: &[$(($value, $text)),*],
                get: |s: &Scenario| enum_id(&s.$head $(.$tail)*),
                set: |s: &mut Scenario, v: &str| {
                    if let Some(x) = enum_from(v) {
                        s.$head $(.$tail)* = x;
                    }
                },
            }),
        }
    };
}

/// A checkbox: `check!(Band, field.path, "label", "help")`.
macro_rules! check {
    ($band:ident, $head:ident $(. $tail:ident)*, $label:literal, $help:literal $(,)?) => {
        Input {
            path: path!($head $(. $tail)*),
            band: Band::$band,
            label: $label,
            unit: "",
            help: $help,
            source: "",
            control: Control::Check(Check {
                get: |s: &Scenario| s.$head $(.$tail)*,
                set: |s: &mut Scenario, v: bool| s.$head $(.$tail)* = v,
            }),
        }
    };
}

mod demand;
mod operations;

pub use operations::{CREDIT, CREDIT_BELOW, DRILL_VALUE, MEASURED_RTT, REGION_SHARE};

#[cfg(test)]
mod tests;
