//! Built-in scenarios and the shipped price data, compiled in so the `plan`
//! command and the tests work from anywhere. The page fetches the same
//! files from `pricing/` and `presets/` at run time.

use super::pricing::{PriceSheet, SheetError};
use super::regions::RegionTable;
use super::scenario::Scenario;
use super::share::{from_json, ShareError};

/// File name of the shipped price sheet.
pub const DEFAULT_SHEET_NAME: &str = "azure-retail-usd.csv";
/// The shipped price sheet.
pub const DEFAULT_SHEET_CSV: &str = include_str!("../../pricing/azure-retail-usd.csv");
/// The shipped region table.
pub const REGIONS_CSV: &str = include_str!("../../pricing/regions.csv");

/// (id, label, JSON) of every preset.
pub const PRESETS: [(&str, &str, &str); 3] = [
    (
        "northwind",
        "Northwind Bookings",
        include_str!("../../public/presets/northwind.json"),
    ),
    (
        "startup",
        "Two-region startup",
        include_str!("../../public/presets/startup.json"),
    ),
    (
        "enterprise",
        "Three-region enterprise",
        include_str!("../../public/presets/enterprise.json"),
    ),
];

/// A preset by id.
pub fn preset(id: &str) -> Result<Scenario, ShareError> {
    let json = PRESETS
        .iter()
        .find(|(pid, _, _)| *pid == id)
        .map(|(_, _, json)| *json)
        .ok_or_else(|| {
            ShareError::BadScenario(format!(
                "no preset “{id}” (presets: {})",
                PRESETS.iter().map(|p| p.0).collect::<Vec<_>>().join(", ")
            ))
        })?;
    from_json(json)
}

/// The shipped price sheet, parsed.
pub fn default_sheet() -> Result<PriceSheet, SheetError> {
    PriceSheet::parse(DEFAULT_SHEET_NAME, DEFAULT_SHEET_CSV)
}

/// The shipped region table, parsed.
pub fn default_regions() -> Result<RegionTable, SheetError> {
    RegionTable::parse("regions.csv", REGIONS_CSV)
}
