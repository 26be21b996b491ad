//! Number formatting shared by formulas, the page and the exports, so a figure
//! reads the same everywhere.

/// A number with thousands separators and at most `decimals` decimals
/// (trailing zeros dropped): `1234.5` → `1,234.5`.
pub fn number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    // Digits from the value scaled to an integer: integer formatting, not
    // the exact float formatter (a fifth of an evaluation's time when every
    // explanation went through it). Rounds half away from zero. Values too
    // large for exact integers fall back to the float formatter.
    let scale = 10f64.powi(decimals.min(15) as i32);
    let scaled = (value.abs() * scale).round();
    let digits = if scaled < 9.0e15 {
        let raw = (scaled as u64).to_string();
        if decimals == 0 {
            raw
        } else if raw.len() > decimals {
            format!(
                "{}.{}",
                &raw[..raw.len() - decimals],
                &raw[raw.len() - decimals..]
            )
        } else {
            format!("0.{}{raw}", "0".repeat(decimals - raw.len()))
        }
    } else {
        format!("{:.*}", decimals, value.abs())
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (digits.as_str(), ""),
    };
    let mut out = String::with_capacity(int.len() + int.len() / 3 + frac.len() + 2);
    if value < 0.0 && digits.bytes().any(|c| c.is_ascii_digit() && c != b'0') {
        out.push('-');
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A quantity with sensible precision for its size.
pub fn quantity(value: f64) -> String {
    let a = value.abs();
    let decimals = if a >= 100.0 {
        0
    } else if a >= 1.0 {
        2
    } else {
        4
    };
    number(value, decimals)
}

/// Currency symbol for the common codes; otherwise the code itself.
pub fn currency_symbol(code: &str) -> Option<&'static str> {
    Some(match code {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        _ => return None,
    })
}

/// Money with two decimals: `$1,234.56`, `€12.00`, `1,234.56 CHF`.
pub fn money(value: f64, currency: &str) -> String {
    money_with(value, currency, 2)
}

/// Money rounded to whole units: `$1,235`.
pub fn money_whole(value: f64, currency: &str) -> String {
    money_with(value, currency, 0)
}

fn money_with(value: f64, currency: &str, decimals: usize) -> String {
    // Round half away from zero ($1,234.5 → $1,235), as people expect.
    let scale = 10f64.powi(decimals as i32);
    let text = format!("{:.*}", decimals, (value.abs() * scale).round() / scale);
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let int = number(int.parse::<f64>().unwrap_or(0.0), 0);
    let body = if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    };
    let sign = if value < 0.0 && value.abs() >= 0.5 * 10f64.powi(-(decimals as i32)) {
        "-"
    } else {
        ""
    };
    match currency_symbol(currency) {
        Some(sym) => format!("{sign}{sym}{body}"),
        None => format!("{sign}{body} {currency}"),
    }
}

/// A unit price: enough significant digits for $0.0144 or $0.00008.
pub fn unit_price(value: f64, currency: &str) -> String {
    let a = value.abs();
    let decimals = if a == 0.0 || a >= 1.0 {
        2
    } else {
        // Four significant digits.
        (4 - a.log10().floor() as i32 - 1).clamp(2, 10) as usize
    };
    let text = number(value, decimals);
    match currency_symbol(currency) {
        Some(sym) => format!("{sym}{text}"),
        None => format!("{text} {currency}"),
    }
}

/// A duration in the largest fitting unit: `50 s`, `15 min`, `6 h`, `2.5 days`.
pub fn duration(seconds: f64) -> String {
    if !seconds.is_finite() {
        return "—".into();
    }
    let s = seconds.max(0.0);
    if s < 1.0 && s > 0.0 {
        format!("{} s", number(s, 2))
    } else if s < 120.0 {
        format!("{} s", number(s, 0))
    } else if s < 7200.0 {
        format!("{} min", number(s / 60.0, 1))
    } else if s < 172_800.0 {
        format!("{} h", number(s / 3600.0, 1))
    } else {
        format!("{} days", number(s / 86_400.0, 1))
    }
}

/// Availability as a percentage with enough nines: `99.9987%`.
pub fn percent(fraction: f64, decimals: usize) -> String {
    format!("{}%", number(fraction * 100.0, decimals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_like_a_person_and_keeps_small_values() {
        assert_eq!(number(0.0144, 4), "0.0144");
        assert_eq!(number(0.00008, 5), "0.00008");
        assert_eq!(number(2.5, 0), "3");
        assert_eq!(number(-0.004, 2), "0");
        assert_eq!(number(1e20, 0), "100,000,000,000,000,000,000");
        assert_eq!(number(99.995, 2), "100");
    }

    #[test]
    fn groups_thousands_and_trims_zeros() {
        assert_eq!(number(1234567.5, 2), "1,234,567.5");
        assert_eq!(number(0.0, 2), "0");
        assert_eq!(number(-1500.0, 0), "-1,500");
        assert_eq!(number(f64::NAN, 2), "—");
    }

    #[test]
    fn money_uses_symbol_or_code() {
        assert_eq!(money(1234.5, "USD"), "$1,234.50");
        assert_eq!(money(12.0, "EUR"), "€12.00");
        assert_eq!(money(3.0, "CHF"), "3.00 CHF");
        assert_eq!(money_whole(1234.5, "USD"), "$1,235");
    }

    #[test]
    fn unit_price_keeps_small_prices_readable() {
        assert_eq!(unit_price(0.0144, "USD"), "$0.0144");
        assert_eq!(unit_price(0.178, "USD"), "$0.178");
        assert_eq!(unit_price(330.0, "USD"), "$330");
    }

    #[test]
    fn durations_pick_a_unit() {
        assert_eq!(duration(50.0), "50 s");
        assert_eq!(duration(900.0), "15 min");
        assert_eq!(duration(6.0 * 3600.0), "6 h");
    }
}
