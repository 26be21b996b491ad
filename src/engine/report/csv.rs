//! The line-item CSV export (one row per priced line, with its price-sheet
//! row spelled out) and its budget rows at P50 and P90 when the scenario
//! carries ranges. The page's CSV export and `plan --format csv` use it.

use super::*;

/// Budget lines for the CSV export: each tier's monthly cost at P50 and
/// P90 over the scenario's ranges, as rows of the line-item CSV (category
/// `budget`, component "Budget at P50 (…)", the figure in `monthly_cost`).
pub fn budget_lines_csv(
    plan: &Plan,
    ranges: &crate::engine::ranges::CostRanges,
    meta: &CsvMeta,
) -> String {
    let mut out = String::new();
    for tr in &ranges.tiers {
        for (label, v) in [("P50", tr.monthly_p50), ("P90", tr.monthly_p90)] {
            let mut row: Vec<String> = vec![String::new(); CSV_COLUMNS.len()];
            row[0] = tr.tier.id().to_string();
            row[1] = "budget".into();
            row[2] = format!(
                "Budget at {label} ({} samples over the ranges of {})",
                ranges.samples,
                ranges.inputs_named()
            );
            row[3] = crate::engine::meters::GLOBAL.into();
            row[4] = "1".into();
            row[5] = "month".into();
            row[6] = csv_number(v, 4);
            row[7] = csv_number(v, 4);
            row[8] = plan.currency.clone();
            row[9] = format!(
                "{label} of the monthly cost over a Monte Carlo of the scenario's low / likely / high ranges"
            );
            row[18] = "derived".into();
            row[20] = "derived".into();
            row[22] = meta.scenario.to_string();
            row[23] = plan.sheet.clone();
            row[24] = meta.sheet_fingerprint.to_string();
            row[25] = meta.exported_on.to_string();
            write_csv_row(&mut out, row);
        }
    }
    out
}

/// Columns of the line-item CSV export.
pub const CSV_COLUMNS: [&str; 29] = [
    "tier",
    "category",
    "component",
    "region",
    "quantity",
    "unit",
    "unit_price",
    "monthly_cost",
    "currency",
    "formula",
    "service_name",
    "product_name",
    "sku_name",
    "meter_name",
    "price_region",
    "price_type",
    "reservation_term",
    "effective_start_date",
    "confidence",
    "source",
    "price_basis",
    "discount",
    "scenario",
    "price_sheet",
    "price_sheet_fingerprint",
    "exported_on",
    "converted_from",
    "exchange_rate",
    "rate_as_of",
];

/// What a line-item export says about itself on every row (so a row pasted
/// elsewhere still says where it came from).
#[derive(Clone, Copy, Debug, Default)]
pub struct CsvMeta<'a> {
    /// The scenario's name.
    pub scenario: &'a str,
    /// The price sheet's fingerprint ([`crate::engine::pricing::fingerprint`]).
    pub sheet_fingerprint: &'a str,
    /// The export date, `YYYY-MM-DD`.
    pub exported_on: &'a str,
}

/// A number for the CSV: rounded to `decimals` places, trailing zeros
/// dropped, so no float noise (`1819.1599999999999` is `1819.16`).
fn csv_number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if text == "-0" {
        "0".into()
    } else {
        text
    }
}

/// The discount a line carries: 1 − cost ÷ (quantity × unit price), so
/// quantity × unit price × (1 − discount) = monthly cost on every row.
fn line_discount(li: &crate::engine::costs::LineItem) -> f64 {
    let gross = li.quantity * li.unit_price;
    if gross > 0.0 {
        (1.0 - li.monthly / gross).max(0.0)
    } else {
        0.0
    }
}

/// The serde id of a category (`cosmos_throughput`), as in the JSON.
fn category_id(c: Category) -> String {
    serde_json::to_vec(&c)
        .ok()
        .and_then(|v| String::from_utf8(v).ok())
        .map(|v| v.trim_matches('"').to_string())
        .unwrap_or_default()
}

/// Every tier's line items as CSV, one row per line item: quantities to 6
/// decimals, unit prices as the sheet gives them, costs to 4 decimals (so
/// a tier's rows add up to its total within a cent), the
/// discount each row carries (quantity × unit price × (1 − discount) =
/// monthly cost), and on every row the scenario, price sheet, its
/// fingerprint and the export date.
pub fn line_items_csv(plan: &Plan, words: &[Vec<LineWords>], meta: &CsvMeta) -> String {
    let mut out = String::with_capacity(64 * 1024);
    write_csv_row(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()));
    let conv = plan.converted_from.as_ref();
    for (ti, t) in plan.tiers.iter().enumerate() {
        for (i, li) in t.cost.line_items.iter().enumerate() {
            let w = words_at(words, ti, i);
            write_csv_row(
                &mut out,
                [
                    t.cost.tier.id().to_string(),
                    category_id(li.category),
                    w.component,
                    li.region().to_string(),
                    csv_number(li.quantity, 6),
                    li.unit.to_string(),
                    csv_number(li.unit_price, 10),
                    csv_number(li.monthly, 4),
                    plan.currency.clone(),
                    w.formula,
                    li.price.service_name.clone(),
                    li.price.product_name.clone(),
                    li.price.sku_name.clone(),
                    li.price.meter_name.clone(),
                    li.price.arm_region_name.clone(),
                    format!("{:?}", li.price.price_type),
                    li.price.reservation_term.as_str().to_string(),
                    li.price.effective_start_date.clone(),
                    li.price.confidence.clone(),
                    li.price.source.clone(),
                    PriceBasis::of(&li.price.confidence).id().to_string(),
                    csv_number(line_discount(li), 4),
                    meta.scenario.to_string(),
                    plan.sheet.clone(),
                    meta.sheet_fingerprint.to_string(),
                    meta.exported_on.to_string(),
                    conv.map(|c| c.currency.clone()).unwrap_or_default(),
                    conv.map(|c| csv_number(c.rate, 10)).unwrap_or_default(),
                    conv.map(|c| c.as_of.clone()).unwrap_or_default(),
                ],
            );
        }
    }
    out
}

/// Appends one RFC 4180 row: fields holding a comma, quote or line break
/// are quoted, with quotes doubled. (Written by hand: the csv crate's writer
/// would add its code to the wasm for this one export.)
fn write_csv_row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push('\n');
}
