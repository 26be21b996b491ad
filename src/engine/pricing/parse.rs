//! Reading a price sheet: the CSV parser with its line-and-column error
//! messages, and the row reader the region table shares.

use super::*;

impl PriceSheet {
    /// Parses CSV text. `name` is the file name used in every error message.
    ///
    /// Accepted and forgiven: a UTF-8 byte-order mark (spreadsheets write one),
    /// blank lines, surrounding whitespace. Rejected with the line and column:
    /// a missing or misplaced column, a non-numeric or negative price, an
    /// unknown unit of measure, price type or reservation term, a second
    /// currency, and a duplicate meter (same meter, region, type, term and tier).
    pub fn parse(name: &str, text: &str) -> Result<Self, SheetError> {
        let mut higher: Vec<usize> = Vec::new();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let err = |line: usize, column: Option<&str>, message: String| SheetError {
            file: name.to_string(),
            line,
            column: column.map(str::to_string),
            message,
        };
        if text.trim().is_empty() {
            return Err(err(1, None, "the file is empty".into()));
        }
        let (mut reader, headers) = csv_with_header(text).map_err(|e| err(1, None, e))?;
        for (i, want) in PRICE_SHEET_COLUMNS.iter().enumerate() {
            match headers.get(i) {
                Some(got) if got == *want => {}
                Some(got) if headers.iter().any(|h| h == *want) => {
                    return Err(err(
                        1,
                        Some(want),
                        format!("column {} should be “{want}” but is “{got}”: keep the columns in the documented order", i + 1),
                    ))
                }
                _ => {
                    return Err(err(
                        1,
                        Some(want),
                        format!("the column “{want}” is missing (a price sheet has these columns: {})", PRICE_SHEET_COLUMNS.join(", ")),
                    ))
                }
            }
        }
        let mut sheet = PriceSheet {
            name: name.to_string(),
            fingerprint: fingerprint(text),
            ..Default::default()
        };
        for row in data_rows(&mut reader, text, PRICE_SHEET_COLUMNS.len()) {
            let (line, record) = row.map_err(|(line, message)| err(line, None, message))?;
            let field = |i: usize| record.get(i).unwrap_or_default().to_string();
            let number = |i: usize| -> Result<f64, SheetError> {
                let raw = record.get(i).unwrap_or_default();
                let col = PRICE_SHEET_COLUMNS[i];
                let value: f64 = raw
                    .parse()
                    .map_err(|_| err(line, Some(col), format!("“{raw}” is not a number")))?;
                if !value.is_finite() {
                    return Err(err(
                        line,
                        Some(col),
                        format!("“{raw}” is not a finite number"),
                    ));
                }
                if value < 0.0 {
                    return Err(err(
                        line,
                        Some(col),
                        format!("{value} is negative; a price cannot be"),
                    ));
                }
                Ok(value)
            };
            for (i, col) in PRICE_SHEET_COLUMNS.iter().enumerate().take(4) {
                if record.get(i).unwrap_or_default().is_empty() {
                    return Err(err(
                        line,
                        Some(col),
                        "is empty; every row names its meter".into(),
                    ));
                }
            }
            if field(5).is_empty() {
                return Err(err(
                    line,
                    Some("arm_region_name"),
                    "is empty; use a region name, Global or Zone N".into(),
                ));
            }
            let unit_raw = field(6);
            let unit_of_measure = UnitOfMeasure::parse(&unit_raw).ok_or_else(|| {
                err(
                    line,
                    Some("unit_of_measure"),
                    format!("unknown unit “{unit_raw}” (known: 1 Hour, 1/Month, 1/Day, 10K, 1M, 1 GB, 1 GB/Month)"),
                )
            })?;
            let retail_price = number(7)?;
            let currency_code = field(8);
            if currency_code.len() != 3 || !currency_code.chars().all(|c| c.is_ascii_uppercase()) {
                return Err(err(
                    line,
                    Some("currency_code"),
                    format!("“{currency_code}” is not a three-letter currency code such as USD"),
                ));
            }
            if sheet.currency.is_empty() {
                sheet.currency = currency_code.clone();
            } else if sheet.currency != currency_code {
                return Err(err(
                    line,
                    Some("currency_code"),
                    format!(
                        "{currency_code} differs from {} on the rows above: one sheet holds one currency",
                        sheet.currency
                    ),
                ));
            }
            let price_type = match field(9).as_str() {
                "Consumption" => PriceType::Consumption,
                "Reservation" => PriceType::Reservation,
                other => {
                    return Err(err(
                        line,
                        Some("price_type"),
                        format!("“{other}” is not a price type (Consumption or Reservation)"),
                    ))
                }
            };
            let term_raw = field(10);
            let reservation_term = ReservationTerm::parse(&term_raw).ok_or_else(|| {
                err(
                    line,
                    Some("reservation_term"),
                    format!("“{term_raw}” is not a term (empty, 1 Year or 3 Years)"),
                )
            })?;
            if (price_type == PriceType::Reservation) != (reservation_term != ReservationTerm::None)
            {
                return Err(err(
                    line,
                    Some("reservation_term"),
                    "a Reservation row needs a term, and a Consumption row must not have one"
                        .into(),
                ));
            }
            let tier_minimum_units = if field(11).is_empty() {
                0.0
            } else {
                number(11)?
            };
            let row = PriceRow {
                service_name: field(0),
                product_name: field(1),
                sku_name: field(2),
                meter_name: field(3),
                arm_sku_name: field(4),
                arm_region_name: field(5),
                unit_of_measure,
                retail_price,
                currency_code,
                price_type,
                reservation_term,
                tier_minimum_units,
                effective_start_date: field(12),
                confidence: field(13),
                source: field(14),
                line,
            };
            // Tiered meters (several rows with rising tier_minimum_units):
            // the first tier is indexed; the higher ones are attached to it
            // once every row is read (they may come first in the file).
            if row.tier_minimum_units > 0.0 {
                higher.push(sheet.rows.len());
            } else {
                let key = RowKey::of(&row);
                let (hash, first) = (key.hash(), sheet.find(&key));
                if let Some(first) = first {
                    return Err(err(
                        line,
                        Some("meter_name"),
                        format!(
                            "duplicate meter: “{}” in {} is already priced on line {}",
                            row.meter_name, row.arm_region_name, sheet.rows[first].line
                        ),
                    ));
                }
                Arc::make_mut(&mut sheet.index)
                    .entry(hash)
                    .or_default()
                    .push(sheet.rows.len());
            }
            sheet.rows.push(Arc::new(row));
        }
        if sheet.rows.is_empty() {
            return Err(err(
                2,
                None,
                "the sheet has a header but no price rows".into(),
            ));
        }
        let mut priced: Vec<String> = Vec::new();
        for r in &sheet.rows {
            let region = &r.arm_region_name;
            if region != crate::engine::meters::GLOBAL
                && !region.starts_with("Zone ")
                && !priced.contains(region)
            {
                priced.push(region.clone());
            }
        }
        priced.sort();
        sheet.priced_regions = priced;
        for i in higher {
            let row = Arc::clone(&sheet.rows[i]);
            let first = sheet.find(&RowKey::of(&row)).ok_or_else(|| {
                err(
                    row.line,
                    Some("tier_minimum_units"),
                    format!(
                        "this tier of “{}” in {} (from {} units) has no first tier: add its row with tier_minimum_units 0",
                        row.meter_name, row.arm_region_name, row.tier_minimum_units
                    ),
                )
            })?;
            let at = match sheet.tiers.binary_search_by_key(&first, |t| t.0) {
                Ok(at) => at,
                Err(at) => {
                    sheet.tiers.insert(at, (first, Vec::new()));
                    at
                }
            };
            let tiers = &mut sheet.tiers[at].1;
            if let Some(same) = tiers
                .iter()
                .find(|t| t.tier_minimum_units == row.tier_minimum_units)
            {
                return Err(err(
                    row.line,
                    Some("tier_minimum_units"),
                    format!(
                        "duplicate tier: “{}” in {} from {} units is already priced on line {}",
                        row.meter_name, row.arm_region_name, row.tier_minimum_units, same.line
                    ),
                ));
            }
            // Kept in rising order by inserting in place (a sort would
            // add kilobytes of generic code to the wasm for lists of one or two).
            let at = tiers
                .iter()
                .position(|t| t.tier_minimum_units > row.tier_minimum_units)
                .unwrap_or(tiers.len());
            tiers.insert(at, row);
        }
        Ok(sheet)
    }
}

/// A reader over a CSV sheet (price sheet or region table) and its header
/// row: fields trimmed, rows of any length ([`data_rows`] reports a wrong
/// count with its line); the error says the header cannot be read.
pub(crate) fn csv_with_header(
    text: &str,
) -> Result<(csv::Reader<&[u8]>, csv::StringRecord), String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("the header row cannot be read: {e}"))?
        .clone();
    Ok((reader, headers))
}

/// The data rows of a CSV sheet (price sheet or region table), each with
/// its physical line: blank rows are skipped; a row that cannot be read, or
/// whose field count differs from the header's `columns`, is an error
/// `(line, message)`.
pub(crate) fn data_rows<'r, R: std::io::Read>(
    reader: &'r mut csv::Reader<R>,
    text: &'r str,
    columns: usize,
) -> impl Iterator<Item = Result<(usize, csv::StringRecord), (usize, String)>> + 'r {
    reader.records().filter_map(move |record| {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map(|p| line_of(text, p)).unwrap_or(0);
                return Some(Err((line, format!("this line cannot be read as CSV: {e}"))));
            }
        };
        let line = record.position().map(|p| line_of(text, p)).unwrap_or(0);
        if record.iter().all(|f| f.is_empty()) {
            return None;
        }
        if record.len() != columns {
            return Some(Err((
                line,
                format!(
                    "this row has {} fields; the header has {columns}",
                    record.len()
                ),
            )));
        }
        Some(Ok((line, record)))
    })
}

/// The 1-based line of the first character of the record csv reports at
/// `position`: csv counts the lines itself (the line its record starts on),
/// but reports a record that follows blank lines at the first blank line,
/// so the blank lines are skipped here.
fn line_of(text: &str, position: &csv::Position) -> usize {
    let start = (position.byte() as usize).min(text.len());
    let skipped = text.as_bytes()[start..]
        .iter()
        .take_while(|b| **b == b'\n' || **b == b'\r')
        .filter(|b| **b == b'\n')
        .count();
    position.line() as usize + skipped
}
