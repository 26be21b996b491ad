//! Region facts: display name, geography, continent, coordinates (for the
//! latency model), paired region, Front Door billing zone, whether the region
//! has availability zones, and its bandwidth zone (for inter-region transfer
//! pricing). Read from `pricing/regions.csv`.

use super::pricing::SheetError;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

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

/// Columns that may follow [`REGION_COLUMNS`], in this order. A file
/// without them (the older eight-column layout) is still read: every region
/// then counts as having availability zones, and its bandwidth zone is its
/// continent.
pub const REGION_EXTRA_COLUMNS: [&str; 2] = ["availability_zones", "bandwidth_zone"];

/// One Azure region.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Region {
    pub arm_region_name: String,
    /// Shared (not copied) by every result that names the region.
    pub display_name: Arc<str>,
    /// `arm_region_name`, shared the same way ([`RegionTable::new`] fills
    /// it; not a column).
    #[serde(skip)]
    pub name: Arc<str>,
    pub geography: String,
    pub continent: String,
    pub latitude: f64,
    pub longitude: f64,
    /// Microsoft's region pair; empty where the region has none.
    pub paired_region: String,
    pub front_door_zone: String,
    /// Whether the region has availability zones.
    #[serde(default = "yes")]
    pub availability_zones: bool,
    /// The group inter-region transfer is billed by: traffic between two
    /// regions of one bandwidth zone is intra-continent, else
    /// inter-continent (`North America`, `South America`, `Europe`, `Asia`,
    /// `Oceania`, `Middle East`, `Africa`).
    #[serde(default)]
    pub bandwidth_zone: String,
}

fn yes() -> bool {
    true
}

/// Every region the planner knows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RegionTable {
    pub regions: Vec<Region>,
    /// An open-addressing table of `regions` by ARM name: slot = index + 1
    /// (0 is empty), at the name's hash, then the next free slot. The table
    /// lists every public region and the engine looks regions up about
    /// sixty times per evaluation, so [`RegionTable::get`] hashes once and
    /// compares one name, instead of a binary search's six.
    by_name: Vec<u32>,
    /// How many regions `by_name` indexes (a table whose `regions` were
    /// changed by hand afterwards is searched one by one).
    indexed: usize,
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
        let (mut reader, headers) =
            super::pricing::csv_with_header(text).map_err(|e| err(1, None, e))?;
        let all: Vec<&str> = REGION_COLUMNS
            .iter()
            .chain(REGION_EXTRA_COLUMNS.iter())
            .copied()
            .collect();
        let columns = if headers.len() > REGION_COLUMNS.len() {
            all.len()
        } else {
            REGION_COLUMNS.len()
        };
        for (i, want) in all.iter().take(columns).enumerate() {
            if headers.get(i) != Some(want) {
                return Err(err(
                    1,
                    Some(want),
                    format!(
                        "column {} should be “{want}” (columns: {}; the last two may be left out)",
                        i + 1,
                        all.join(", ")
                    ),
                ));
            }
        }
        if headers.len() > columns {
            return Err(err(
                1,
                None,
                format!(
                    "the header has {} columns; a region table has {} (columns: {})",
                    headers.len(),
                    all.len(),
                    all.join(", ")
                ),
            ));
        }
        let mut regions: Vec<Region> = Vec::new();
        for row in super::pricing::data_rows(&mut reader, text, columns) {
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
            let mut region = Region {
                name: field(0).into(),
                arm_region_name: field(0),
                display_name: field(1).into(),
                geography: field(2),
                continent: field(3),
                latitude: coordinate(4, 90.0)?,
                longitude: coordinate(5, 180.0)?,
                paired_region: field(6),
                front_door_zone: field(7),
                availability_zones: true,
                bandwidth_zone: field(3),
            };
            if columns > REGION_COLUMNS.len() {
                region.availability_zones = match field(8).as_str() {
                    "yes" => true,
                    "no" => false,
                    other => {
                        return Err(err(
                            line,
                            Some("availability_zones"),
                            format!("“{other}” is not yes or no"),
                        ))
                    }
                };
                region.bandwidth_zone = field(9);
                if region.bandwidth_zone.is_empty() {
                    return Err(err(
                        line,
                        Some("bandwidth_zone"),
                        "is empty; use the continent group its transfer is billed by, such as Europe"
                            .into(),
                    ));
                }
            }
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
        Ok(Self::new(regions))
    }

    /// Looks a region up by its ARM name (`westeurope`).
    pub fn get(&self, arm_region_name: &str) -> Option<&Region> {
        if self.indexed != self.regions.len() || self.by_name.is_empty() {
            // Built by hand without `new`: no index to trust.
            return self
                .regions
                .iter()
                .find(|r| r.arm_region_name == arm_region_name);
        }
        let mask = self.by_name.len() - 1;
        let mut slot = name_hash(arm_region_name) as usize & mask;
        loop {
            let i = (*self.by_name.get(slot)? as usize).checked_sub(1)?;
            let region = self.regions.get(i)?;
            if region.arm_region_name == arm_region_name {
                return Some(region);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// A table of these regions, indexed by ARM name.
    pub fn new(mut regions: Vec<Region>) -> Self {
        for r in &mut regions {
            if *r.name != *r.arm_region_name {
                r.name = Arc::from(r.arm_region_name.as_str());
            }
        }
        // At most half full, so every probe ends at an empty slot soon.
        let size = (regions.len() * 2).next_power_of_two().max(8);
        let mut by_name = vec![0u32; size];
        for (i, r) in regions.iter().enumerate() {
            let mut slot = name_hash(&r.arm_region_name) as usize & (size - 1);
            while by_name[slot] != 0 {
                slot = (slot + 1) & (size - 1);
            }
            by_name[slot] = i as u32 + 1;
        }
        let indexed = regions.len();
        Self {
            regions,
            by_name,
            indexed,
        }
    }

    /// The region's display name (`Brazil South`), or the ARM name when the
    /// table does not know it.
    /// Whether zone redundancy is possible in a region: false only for a
    /// region the table lists without availability zones (Microsoft's
    /// [Azure regions list](https://learn.microsoft.com/azure/reliability/regions-list),
    /// column "Availability zone support"; the list of
    /// [regions with availability zones](https://learn.microsoft.com/azure/reliability/availability-zones-region-support)
    /// says: "The following regions currently support availability zones").
    /// A region the table does not know counts as having them (the older
    /// eight-column `regions.csv` says nothing about zones).
    pub fn has_zones(&self, arm_region_name: &str) -> bool {
        self.get(arm_region_name)
            .is_none_or(|r| r.availability_zones)
    }

    pub fn display_name<'a>(&'a self, arm_region_name: &'a str) -> &'a str {
        self.get(arm_region_name)
            .map_or(arm_region_name, |r| &*r.display_name)
    }

    /// The regions grouped by geography for a picker: geographies in
    /// alphabetical order, regions by display name within each.
    pub fn by_geography(&self) -> Vec<(&str, Vec<&Region>)> {
        let mut groups: Vec<(&str, Vec<&Region>)> = Vec::new();
        for r in &self.regions {
            match groups.iter_mut().find(|(g, _)| *g == r.geography) {
                Some((_, list)) => list.push(r),
                None => groups.push((r.geography.as_str(), vec![r])),
            }
        }
        groups.sort_by(|a, b| a.0.cmp(b.0));
        for (_, list) in &mut groups {
            list.sort_by(|a, b| a.display_name.cmp(&b.display_name));
        }
        groups
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

/// The hash [`RegionTable`] files a region name under.
fn name_hash(name: &str) -> u64 {
    crate::engine::pricing::mix_str(0x9e37_79b9_7f4a_7c15, name)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn every_region_is_found_by_its_name_and_no_other() {
        let table = crate::engine::presets::default_regions().unwrap();
        assert!(table.regions.len() > 40);
        for r in &table.regions {
            let found = table.get(&r.arm_region_name).unwrap();
            assert_eq!(found.arm_region_name, r.arm_region_name);
        }
        for unknown in [
            "",
            "westeurope2",
            "WestEurope",
            "Global",
            "Zone 1",
            "eastus ",
        ] {
            assert!(table.get(unknown).is_none(), "{unknown}");
        }
    }

    #[test]
    fn a_table_changed_by_hand_is_searched_one_by_one() {
        let mut table = crate::engine::presets::default_regions().unwrap();
        let mut extra = table.regions[0].clone();
        extra.arm_region_name = "handmade".into();
        table.regions.push(extra);
        assert!(table.get("handmade").is_some());
        assert!(table.get("westeurope").is_some());
        let empty = RegionTable::default();
        assert!(empty.get("westeurope").is_none());
    }
}
