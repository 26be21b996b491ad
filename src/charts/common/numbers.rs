//! Numbers as the charts write them: axis labels with a unit (M, B, T, or
//! scientific notation) and enough decimals for the tick step, and money
//! amounts as a person reads them.

/// A number formatter for an axis: picks a unit (k is never used; M, B, T for
/// large numbers so labels stay short) and enough decimals for the tick step.
#[derive(Debug, Clone)]
pub(crate) struct AxisFormat {
    prefix: String,
    suffix: String,
    unit: f64,
    unit_suffix: &'static str,
    decimals: usize,
    /// Drop trailing zeros (`1` rather than `1.0`); money keeps its cents.
    trim: bool,
}

impl AxisFormat {
    /// For an axis spanning `lo..hi` with about six ticks.
    pub(crate) fn new(prefix: &str, suffix: &str, lo: f64, hi: f64) -> Self {
        let mag = lo.abs().max(hi.abs());
        let (unit, unit_suffix) = unit_for(mag);
        let step = (hi - lo).abs() / 6.0 / unit;
        let decimals = if !step.is_finite() || step >= 1.0 {
            0
        } else if step >= 0.1 {
            1
        } else {
            2
        };
        Self {
            prefix: prefix.to_string(),
            suffix: suffix.to_string(),
            unit,
            unit_suffix,
            decimals,
            trim: true,
        }
    }

    /// Money: `$12,500`, `$0.50`, `$1.5M`.
    pub(crate) fn money(symbol: &str, lo: f64, hi: f64) -> Self {
        let mut f = Self::new(symbol, "", lo, hi);
        f.trim = false;
        // Cents, not tenths, below a unit.
        if f.unit == 1.0 && f.decimals == 1 {
            f.decimals = 2;
        }
        f
    }

    /// Labels to measure an axis spanning `lo..hi` by: both ends and one
    /// tick in between (the widest label is usually among them).
    pub(crate) fn extent_labels(&self, lo: f64, hi: f64) -> [String; 3] {
        [self.label(lo), self.label(hi), self.label(hi * 0.55)]
    }

    pub(crate) fn label(&self, v: f64) -> String {
        if !v.is_finite() {
            return String::new();
        }
        let body = if self.unit.is_infinite() {
            scientific(v.abs())
        } else if self.unit > 1.0 {
            trim_zeros(group_thousands(v.abs() / self.unit, self.decimals)) + self.unit_suffix
        } else if self.trim {
            trim_zeros(group_thousands(v.abs(), self.decimals))
        } else {
            group_thousands(v.abs(), self.decimals)
        };
        let zero = body.chars().all(|c| !c.is_ascii_digit() || c == '0');
        if zero {
            // "$0", not "$0T" or "-$0.00".
            return format!("{}0{}", self.prefix, self.suffix);
        }
        let sign = if v < 0.0 { "-" } else { "" };
        format!("{sign}{}{body}{}", self.prefix, self.suffix)
    }
}

/// The unit labels are written in: an infinite unit means scientific
/// notation (beyond a thousand trillion).
fn unit_for(mag: f64) -> (f64, &'static str) {
    if mag >= 1e15 {
        (f64::INFINITY, "")
    } else if mag >= 1e12 {
        (1e12, "T")
    } else if mag >= 1e9 {
        (1e9, "B")
    } else if mag >= 1e6 {
        (1e6, "M")
    } else {
        (1.0, "")
    }
}

/// `2.5e24`.
fn scientific(v: f64) -> String {
    let s = format!("{v:.2e}");
    match s.split_once('e') {
        Some((mantissa, exp)) => format!("{}e{exp}", trim_zeros(mantissa.to_string())),
        None => s,
    }
}

fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// `v` (non-negative) with `decimals` decimals and comma thousands
/// separators.
fn group_thousands(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(*c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A money amount as a person reads it: `$12,345`, `-$1,200`, `$1.25M`,
/// `$3.4B`, `$1T`; whole units below a million, three significant digits
/// above. Non-finite values give an en dash.
pub fn format_money(value: f64, symbol: &str) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let (unit, suffix) = unit_for(value.abs());
    let body = if unit.is_infinite() {
        scientific(value.abs())
    } else if unit > 1.0 {
        let scaled = value.abs() / unit;
        let decimals = if scaled < 10.0 {
            2
        } else if scaled < 100.0 {
            1
        } else {
            0
        };
        trim_zeros(group_thousands(scaled, decimals)) + suffix
    } else {
        group_thousands(value.abs(), 0)
    };
    let zero = body.chars().all(|c| !c.is_ascii_digit() || c == '0');
    let sign = if value < 0.0 && !zero { "-" } else { "" };
    format!("{sign}{symbol}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_formats() {
        assert_eq!(format_money(12_345.4, "$"), "$12,345");
        assert_eq!(format_money(-1_200.0, "€"), "-€1,200");
        assert_eq!(format_money(-0.2, "$"), "$0");
        assert_eq!(format_money(1_250_000.0, "$"), "$1.25M");
        assert_eq!(format_money(1e12, "$"), "$1T");
        assert_eq!(format_money(2.5e24, "$"), "$2.5e24");
        assert_eq!(AxisFormat::money("$", 0.0, 1e24).label(4e23), "$4e23");
        assert_eq!(format_money(f64::NAN, "$"), "–");
        let axis = AxisFormat::money("$", 0.0, 12_000.0);
        assert_eq!(axis.label(10_000.0), "$10,000");
        let axis = AxisFormat::money("$", 0.0, 1.0);
        assert_eq!(axis.label(0.5), "$0.50");
        let axis = AxisFormat::money("$", 0.0, 3e6);
        assert_eq!(axis.label(2.5e6), "$2.5M");
        assert_eq!(axis.label(0.0), "$0");
        assert_eq!(AxisFormat::new("", "%", 0.0, 5.0).label(-0.0), "0%");
        assert_eq!(AxisFormat::new("", "", 0.0, 4.0).label(1.0), "1");
        assert_eq!(AxisFormat::new("", "", 0.0, 4.0).label(1.5), "1.5");
    }
}
