//! The meters the engine looks up, and where: every key the cost functions in
//! [`crate::engine::costs`] build, with its scope (per region, once globally,
//! or per Front Door billing zone), whether it is also priced at a
//! reservation term, and what its spelling rests on. All of it comes from
//! [`crate::engine::meters::catalog`], the one place the spellings live; the
//! test `needed_meters_match_the_shipped_sheet` keeps the shipped sheet in
//! step with it.

use crate::engine::meters::{self, Evidence};
use crate::engine::pricing::{MeterKey, ReservationTerm};
use crate::engine::regions::RegionTable;

pub use crate::engine::meters::Scope;

/// One meter the engine needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Need {
    pub key: MeterKey,
    pub scope: Scope,
    /// Also looked up at the 1 Year and 3 Years reservation terms.
    pub reservations: bool,
    /// What the key's spelling rests on.
    pub evidence: Evidence,
    /// What the reservation rows' key rests on (the consumption key's
    /// evidence when not reserved).
    pub reservation_evidence: Evidence,
}

impl Need {
    /// What a slot of this meter rests on.
    pub fn evidence_for(&self, term: ReservationTerm) -> Evidence {
        if term == ReservationTerm::None {
            self.evidence
        } else {
            self.reservation_evidence
        }
    }
}

/// The reservation terms the sheet holds.
pub const TERMS: [ReservationTerm; 2] = [ReservationTerm::OneYear, ReservationTerm::ThreeYears];

/// Every meter the engine can look up, in the order the sheet lists them.
pub fn needed_meters() -> Vec<Need> {
    meters::catalog()
        .into_iter()
        .map(|k| Need {
            key: k.meter.key,
            scope: k.scope,
            reservations: k.reservations.is_some(),
            evidence: k.evidence,
            reservation_evidence: k.reservations.unwrap_or(k.evidence),
        })
        .collect()
}

/// The Front Door billing zones of `regions`, in zone order. A region the
/// table does not know is billed in `Zone 1`, as the engine does.
pub fn zones_for(regions: &[String], table: &RegionTable) -> Vec<String> {
    let mut zones: Vec<String> = regions
        .iter()
        .map(|r| {
            table
                .get(r)
                .map(|g| g.front_door_zone.clone())
                .unwrap_or_else(|| "Zone 1".into())
        })
        .collect();
    zones.sort();
    zones.dedup();
    zones
}

/// One row the engine may look up: a meter, a region (or `Global`, or a
/// zone) and a term. Only the first tier (`tier_minimum_units` 0) counts.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Slot {
    pub key: MeterKey,
    pub region: String,
    pub term: ReservationTerm,
}

impl std::fmt::Display for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.key)?;
        if self.term != ReservationTerm::None {
            write!(f, " ({} reservation)", self.term.as_str())?;
        }
        Ok(())
    }
}

/// Every slot the engine may look up for these regions and zones, in sheet
/// order: per meter, its regions (or `Global`, or its zones), consumption
/// first and then each reservation term.
pub fn slots(needs: &[Need], regions: &[String], zones: &[String]) -> Vec<Slot> {
    let mut out = Vec::new();
    for n in needs {
        let places: Vec<String> = match n.scope {
            Scope::Regional => regions.to_vec(),
            Scope::Global => vec![meters::GLOBAL.to_string()],
            Scope::Zonal => zones.to_vec(),
        };
        for region in places {
            out.push(Slot {
                key: n.key,
                region: region.clone(),
                term: ReservationTerm::None,
            });
            if n.reservations {
                for term in TERMS {
                    out.push(Slot {
                        key: n.key,
                        region: region.clone(),
                        term,
                    });
                }
            }
        }
    }
    out
}
