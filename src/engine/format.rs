//! Number formatting shared by formulas, the page and the exports, so a figure
//! reads the same everywhere.

/// A number with thousands separators and at most `decimals` decimals
/// (trailing zeros dropped): `1234.5` → `1,234.5`.
pub fn number(value: f64, decimals: usize) -> String {
    let mut out = String::with_capacity(24);
    write_number(&mut out, value, decimals);
    out
}

/// [`number`], appended to `out`.
///
/// Digits come from the value scaled to an integer and written into a
/// buffer on the stack: integer arithmetic, no allocation (the float
/// formatter and temporary strings were most of an evaluation's time when
/// every explanation went through them). Rounds half away from zero. Values
/// too large for exact integers fall back to the float formatter.
pub fn write_number(out: &mut String, value: f64, decimals: usize) {
    if !value.is_finite() {
        out.push('—');
        return;
    }
    let decimals = decimals.min(15);
    let scaled = (value.abs() * 10f64.powi(decimals as i32)).round();
    if scaled >= 9.0e15 {
        let text = format!("{:.*}", decimals, value.abs());
        let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
        write_digits(out, value < 0.0, int.as_bytes(), frac.as_bytes());
        return;
    }
    // Least significant digit last; at least one integer digit.
    let mut buf = [b'0'; 24];
    let mut n = scaled as u64;
    let mut len = 0;
    while n > 0 || len <= decimals {
        buf[buf.len() - 1 - len] = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
    }
    let digits = &buf[buf.len() - len..];
    let (int, frac) = digits.split_at(len - decimals);
    write_digits(out, value < 0.0, int, frac);
}

/// Writes `int` with thousands separators and `frac` without its trailing
/// zeros; the minus sign only when a digit shown is not zero.
fn write_digits(out: &mut String, negative: bool, int: &[u8], frac: &[u8]) {
    let frac = &frac[..frac.iter().rposition(|d| *d != b'0').map_or(0, |i| i + 1)];
    if negative && int.iter().chain(frac).any(|d| (b'1'..=b'9').contains(d)) {
        out.push('-');
    }
    for (i, d) in int.iter().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(char::from(*d));
    }
    if !frac.is_empty() {
        out.push('.');
        out.extend(frac.iter().map(|d| char::from(*d)));
    }
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

/// Money rounded to whole units: `$1,235`; an amount under one unit keeps
/// its cents (`$0.24`, never a misleading `$0`).
pub fn money_whole(value: f64, currency: &str) -> String {
    if value != 0.0 && value.abs() < 0.995 {
        return money_with(value, currency, 2);
    }
    money_with(value, currency, 0)
}

fn money_with(value: f64, currency: &str, decimals: usize) -> String {
    // Round half away from zero ($1,234.5 → $1,235), as people expect.
    let decimals = decimals.min(15);
    let scaled = (value.abs() * 10f64.powi(decimals as i32)).round();
    let mut out = String::with_capacity(24);
    if value < 0.0 && scaled > 0.0 {
        out.push('-');
    }
    let symbol = currency_symbol(currency);
    if let Some(sym) = symbol {
        out.push_str(sym);
    }
    if scaled < 9.0e15 {
        let n = scaled as u64;
        let unit = 10u64.pow(decimals as u32);
        write_number(&mut out, (n / unit) as f64, 0);
        if decimals > 0 {
            // The cents, zero-padded to `decimals` digits and kept.
            out.push('.');
            let cents = (n % unit).to_string();
            out.extend(std::iter::repeat_n('0', decimals - cents.len()));
            out.push_str(&cents);
        }
    } else {
        let scale = 10f64.powi(decimals as i32);
        let text = format!("{:.*}", decimals, scaled / scale);
        let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
        write_number(&mut out, int.parse::<f64>().unwrap_or(0.0), 0);
        if !frac.is_empty() {
            out.push('.');
            out.push_str(frac);
        }
    }
    if symbol.is_none() {
        out.push(' ');
        out.push_str(currency);
    }
    out
}

/// An exchange rate with up to six significant digits and no trailing
/// zeros: `0.92`, `151.234`, `0.006412`.
pub fn rate(value: f64) -> String {
    if !value.is_finite() || value == 0.0 {
        return number(value, 0);
    }
    let digits_before = value.abs().log10().floor() as i32 + 1;
    let decimals = (6 - digits_before).clamp(0, 12) as usize;
    let text = number(value, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
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
    let (value, decimals, unit) = if s < 1.0 && s > 0.0 {
        (s, 2, " s")
    } else if s < 120.0 {
        (s, 0, " s")
    } else if s < 7200.0 {
        (s / 60.0, 1, " min")
    } else if s < 172_800.0 {
        (s / 3600.0, 1, " h")
    } else {
        (s / 86_400.0, 1, " days")
    };
    let mut out = String::with_capacity(16);
    write_number(&mut out, value, decimals);
    out.push_str(unit);
    out
}

/// Availability as a percentage with enough nines: `99.9987%`.
pub fn percent(fraction: f64, decimals: usize) -> String {
    let mut out = String::with_capacity(16);
    write_number(&mut out, fraction * 100.0, decimals);
    out.push('%');
    out
}

/// A count with its noun in the right number: `count(1, "input", "inputs")`
/// is "1 input", `count(3, ..)` is "3 inputs" (never "input(s)").
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A quantity with its unit in the right number: `1 profile-month`,
/// `2 profile-months`, `1,460 instance-hours` (units written per something,
/// like `RU/s`, are left as they are).
pub fn quantity_with_unit(q: f64, unit: &str) -> String {
    let unit = if q == 1.0 && unit.ends_with('s') && !unit.contains('/') && unit.len() > 2 {
        &unit[..unit.len() - 1]
    } else {
        unit
    };
    format!("{} {unit}", quantity(q))
}

/// The calendar date `days` after 1970-01-01 (Howard Hinnant's
/// days-to-civil algorithm).
pub fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
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
        assert_eq!(number(-0.05, 1), "-0.1");
        assert_eq!(number(1000.0, 3), "1,000");
        assert_eq!(number(123456.0, 0), "123,456");
        assert_eq!(number(0.5, 0), "1");
        assert_eq!(number(-1e20, 0), "-100,000,000,000,000,000,000");
        assert_eq!(number(12.3456, 2), "12.35");
    }

    #[test]
    fn money_uses_symbol_or_code() {
        assert_eq!(money(1234.5, "USD"), "$1,234.50");
        assert_eq!(money(12.0, "EUR"), "€12.00");
        assert_eq!(money(3.0, "CHF"), "3.00 CHF");
        assert_eq!(money_whole(1234.5, "USD"), "$1,235");
        assert_eq!(money(-0.004, "USD"), "$0.00");
        assert_eq!(money(-1234.567, "USD"), "-$1,234.57");
        assert_eq!(money(0.05, "GBP"), "£0.05");
        assert_eq!(money_whole(-2.5, "CHF"), "-3 CHF");
        assert_eq!(money(1e17, "USD"), "$100,000,000,000,000,000.00");
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
