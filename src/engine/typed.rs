//! Numbers as a person types them, read without guessing.
//!
//! The page passes the decimal mark of the browser's locale (`.` in
//! English, `,` in German or French). A separator is read the way that
//! locale writes numbers; anything that could mean two different numbers
//! is refused with a message, never reinterpreted (`0,3` is not silently
//! read as 3, `1.000` is not silently read as one or as a thousand).

/// The decimal mark of the person's locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalMark {
    /// `1,234.5` (English and most of Asia).
    Point,
    /// `1.234,5` or `1 234,5` (most of continental Europe, Latin America).
    Comma,
}

impl DecimalMark {
    /// The mark as a character.
    pub fn as_char(self) -> char {
        match self {
            DecimalMark::Point => '.',
            DecimalMark::Comma => ',',
        }
    }

    /// The mark that groups thousands in this locale.
    fn grouping(self) -> char {
        match self {
            DecimalMark::Point => ',',
            DecimalMark::Comma => '.',
        }
    }

    /// The locale's mark, from how it writes one and a half (`"1.5"` or `"1,5"`).
    pub fn from_sample(one_and_a_half: &str) -> Self {
        if one_and_a_half.contains(',') {
            DecimalMark::Comma
        } else {
            DecimalMark::Point
        }
    }
}

/// True when `digits` (an optional sign, then digits) is grouped in
/// thousands by `sep`: `1,000`, `12,345,678`, never `1,5` or `1,0000`.
fn grouped(text: &str, sep: char) -> bool {
    let text = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut groups = text.split(sep);
    let Some(first) = groups.next() else {
        return false;
    };
    let mut n = 0;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        n += 1;
    }
    n > 0
}

/// Reads what a person typed in a number field, in their locale.
///
/// Spaces (also the no-break and thin spaces French uses) and `_` group
/// digits and are dropped. With [`DecimalMark::Point`], commas may only
/// group thousands (`1,000`); `0,3` is refused. With
/// [`DecimalMark::Comma`], one comma is the decimal mark (`0,3`), points may
/// group thousands next to a decimal comma (`1.000,5`), a lone point is a
/// decimal point when it cannot be a thousands group (`1.5`), and `1.000` on
/// its own is refused as ambiguous. Whole-number fields refuse fractions
/// and negatives.
pub fn parse_number(raw: &str, integer: bool, mark: DecimalMark) -> Result<f64, String> {
    let shown = raw.trim();
    let text: String = shown
        .chars()
        .filter(|c| !matches!(c, '_' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .collect();
    if text.is_empty() {
        return Err("Enter a number.".into());
    }
    let normalised = normalise(&text, mark).ok_or_else(|| ambiguous(shown, mark))?;
    let value: f64 = normalised
        .parse()
        .map_err(|_| format!("“{shown}” is not a number."))?;
    if !value.is_finite() {
        return Err(format!("“{shown}” is not a finite number."));
    }
    if integer && (value.fract() != 0.0 || value < 0.0) {
        return Err("Enter a whole number (0, 1, 2, …).".into());
    }
    Ok(value)
}

/// The message for a separator that could mean two numbers.
fn ambiguous(shown: &str, mark: DecimalMark) -> String {
    match mark {
        DecimalMark::Point => format!(
            "“{shown}”: this page reads “.” as the decimal point and “,” only between groups of three digits. Type 0.3 for three tenths, 1,000 or 1000 for a thousand."
        ),
        DecimalMark::Comma => format!(
            "“{shown}” could mean two numbers: this page reads “,” as the decimal mark. Type 1000 for a thousand, or 1,5 for one and a half."
        ),
    }
}

/// `text` with grouping removed and the decimal mark as `.`, or None when
/// the separators are ambiguous.
fn normalise(text: &str, mark: DecimalMark) -> Option<String> {
    let decimal = mark.as_char();
    let group = mark.grouping();
    let (whole, fraction) = match text.rfind(decimal) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    if let Some(f) = fraction {
        // A second decimal mark, or grouping after it, is not a number.
        if f.contains(decimal) || f.contains(group) || whole.contains(decimal) {
            return None;
        }
    }
    let whole = if whole.contains(group) {
        if mark == DecimalMark::Comma && fraction.is_none() {
            // "1.5" can only be one and a half; "1.000" could be a thousand
            // (German grouping) or one (a decimal point): refuse it.
            if grouped(whole, group) {
                return None;
            }
            if whole.matches(group).count() == 1 {
                return Some(whole.to_string());
            }
            return None;
        }
        if !grouped(whole, group) {
            return None;
        }
        whole.replace(group, "")
    } else {
        whole.to_string()
    };
    Some(match fraction {
        Some(f) => format!("{whole}.{f}"),
        None => whole,
    })
}

/// Shows a stored value in a field in the person's locale: no trailing
/// zeros, no float noise, no grouping (so it reads back exactly).
pub fn show_number(value: f64, mark: DecimalMark) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let rounded = (value * 1e6).round() / 1e6;
    let text = format!("{rounded}");
    match mark {
        DecimalMark::Point => text,
        DecimalMark::Comma => text.replace('.', ","),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::DecimalMark::{Comma, Point};
    use super::*;

    #[test]
    fn point_locale() {
        assert_eq!(parse_number("0.3", false, Point), Ok(0.3));
        assert_eq!(parse_number(" 1,000 ", false, Point), Ok(1000.0));
        assert_eq!(parse_number("12,345,678.5", false, Point), Ok(12_345_678.5));
        assert_eq!(parse_number("1 000", true, Point), Ok(1000.0));
        assert_eq!(parse_number("-5", false, Point), Ok(-5.0));
        for bad in ["0,3", "1,5", "1,0000", "1,000,00", ",5", "1.000,5", "1.2.3"] {
            let e = parse_number(bad, false, Point).unwrap_err();
            assert!(e.contains(bad), "{bad}: {e}");
        }
    }

    #[test]
    fn comma_locale() {
        assert_eq!(parse_number("0,3", false, Comma), Ok(0.3));
        assert_eq!(parse_number("1.000,5", false, Comma), Ok(1000.5));
        assert_eq!(parse_number("1\u{202f}000,5", false, Comma), Ok(1000.5));
        assert_eq!(parse_number("1.5", false, Comma), Ok(1.5));
        assert_eq!(parse_number("900", true, Comma), Ok(900.0));
        for bad in ["1.000", "12.345.678", "1,2,3", "1,000.5"] {
            assert!(parse_number(bad, false, Comma).is_err(), "{bad}");
        }
    }

    #[test]
    fn words_and_whole_numbers() {
        assert!(parse_number("", false, Point).is_err());
        assert!(parse_number("abc", false, Point)
            .unwrap_err()
            .contains("abc"));
        assert!(parse_number("inf", false, Point).is_err());
        assert!(parse_number("2.5", true, Point).is_err());
        assert!(parse_number("-1", true, Point).is_err());
    }

    #[test]
    fn shown_in_the_locale_and_read_back() {
        for v in [0.3, 26.666667, 1000.0, 0.000001, 12345.678] {
            for mark in [Point, Comma] {
                let shown = show_number(v, mark);
                assert_eq!(parse_number(&shown, false, mark), Ok(v), "{shown}");
            }
        }
        assert_eq!(show_number(0.3, Comma), "0,3");
        assert_eq!(show_number(1.0 / 3.0, Point), "0.333333");
    }
}
