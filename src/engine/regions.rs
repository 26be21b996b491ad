//! Region facts: display name, continent (for bandwidth pricing), coordinates
//! (for the latency model), paired region and Front Door billing zone.
//! Read from `pricing/regions.csv`.

use super::pricing::SheetError;
use serde::{Deserialize, Serialize};

/// The header `regions.csv` must start with, in this order.
pub const REGION_COLUMNS: [&str; 8] = [
    "arm_region_name",
    "display_name",
    "geography",
    "continent",
    "latitude",
    "longitude",
    "paired_region",
    "front_door_zone",
];

/// One Azure region.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Region {
    pub arm_region_name: String,
    pub display_name: String,
    pub geography: String,
    pub continent: String,
    pub latitude: f64,
    pub longitude: f64,
    pub paired_region: String,
    pub front_door_zone: String,
}

/// Every region the planner knows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RegionTable {
    pub regions: Vec<Region>,
}

impl RegionTable {
    /// Parses `regions.csv`; errors name the line and column.
    pub fn parse(name: &str, text: &str) -> Result<Self, SheetError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let err = |line: usize, column: Option<&str>, message: String| SheetError {
            file: name.to_string(),
            line,
            column: column.map(str::to_string),
            message,
        };
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| err(1, None, format!("the header row cannot be read: {e}")))?
            .clone();
        for (i, want) in REGION_COLUMNS.iter().enumerate() {
            if headers.get(i) != Some(want) {
                return Err(err(
                    1,
                    Some(want),
                    format!(
                        "column {} should be “{want}” (columns: {})",
                        i + 1,
                        REGION_COLUMNS.join(", ")
                    ),
                ));
            }
        }
        let mut regions: Vec<Region> = Vec::new();
        for row in super::pricing::data_rows(&mut reader, text, REGION_COLUMNS.len()) {
            let (line, record) = row.map_err(|(line, message)| err(line, None, message))?;
            let field = |i: usize| record.get(i).unwrap_or_default().to_string();
            let coordinate = |i: usize, limit: f64| -> Result<f64, SheetError> {
                let raw = record.get(i).unwrap_or_default();
                match raw.parse::<f64>() {
                    Ok(v) if v.is_finite() && v.abs() <= limit => Ok(v),
                    _ => Err(err(
                        line,
                        Some(REGION_COLUMNS[i]),
                        format!("“{raw}” is not a coordinate within ±{limit}"),
                    )),
                }
            };
            let region = Region {
                arm_region_name: field(0),
                display_name: field(1),
                geography: field(2),
                continent: field(3),
                latitude: coordinate(4, 90.0)?,
                longitude: coordinate(5, 180.0)?,
                paired_region: field(6),
                front_door_zone: field(7),
            };
            if region.arm_region_name.is_empty() {
                return Err(err(line, Some("arm_region_name"), "is empty".into()));
            }
            if !region.front_door_zone.starts_with("Zone ") {
                return Err(err(
                    line,
                    Some("front_door_zone"),
                    format!("“{}” is not a zone such as Zone 1", region.front_door_zone),
                ));
            }
            if regions
                .iter()
                .any(|r| r.arm_region_name == region.arm_region_name)
            {
                return Err(err(
                    line,
                    Some("arm_region_name"),
                    format!("{} is listed twice", region.arm_region_name),
                ));
            }
            regions.push(region);
        }
        if regions.is_empty() {
            return Err(err(2, None, "no regions".into()));
        }
        Ok(Self { regions })
    }

    /// Looks a region up by its ARM name (`westeurope`).
    pub fn get(&self, arm_region_name: &str) -> Option<&Region> {
        self.regions
            .iter()
            .find(|r| r.arm_region_name == arm_region_name)
    }
}

/// Great-circle distance in kilometres (haversine, mean Earth radius 6,371 km).
pub fn great_circle_km(a: &Region, b: &Region) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0;
    let (la1, lo1) = (a.latitude.to_radians(), a.longitude.to_radians());
    let (la2, lo2) = (b.latitude.to_radians(), b.longitude.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}
