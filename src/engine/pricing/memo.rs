//! Lookups already made while one scenario is evaluated. The four tiers ask
//! the sheet for the same meters in the same regions (every stamp's App
//! Service, Redis, Key Vault … in the same two or three regions, the global
//! meters once per tier); the memo answers a repeated question from a short
//! list instead of hashing and comparing five strings again.
//!
//! A meter is told apart by its precomputed hash ([`Meter`]): the engine
//! looks up only the meters of [`crate::engine::meters::catalog`], whose
//! hashes are all different (checked by the test
//! `catalog_meters_have_distinct_hashes`). Regions are compared as strings.
//!
//! What a memo learnt is kept, per thread, for the next evaluation against
//! a sheet with the same row layout: the page re-evaluates on every
//! keystroke against the same sheet, so after the first evaluation no
//! lookup reaches the sheet's index. The memo keeps positions (row and
//! tier indices), not prices, and a sheet's layout is identified by its
//! index ([`PriceSheet`] shares one `Arc` with the copies that keep their
//! rows in place: [`PriceSheet::scaled`], [`PriceSheet::converted`]); the
//! kept memo holds a clone of that `Arc`, so the address cannot be reused
//! by another sheet while it is kept. [`forget`] drops it (benchmarks of
//! a first evaluation).

use std::cell::RefCell;
use std::sync::Arc;

use super::{mix, Index, Meter, MissingPrice, PriceRow, PriceSheet, ReservationTerm};

thread_local! {
    /// The last memo dropped on this thread and the layout it was made for.
    static KEPT: RefCell<Option<(Arc<Index>, Inner)>> = const { RefCell::new(None) };
}

/// Forgets the lookups kept for the next evaluation on this thread.
pub fn forget() {
    KEPT.with(|k| k.borrow_mut().take());
}

/// What a lookup found: the row, and the higher tiers of a tiered meter.
pub type Found<'s> = (&'s Arc<PriceRow>, &'s [Arc<PriceRow>]);

/// The lookups of one evaluation against one sheet.
pub struct LookupMemo<'s> {
    sheet: &'s PriceSheet,
    inner: RefCell<Inner>,
}

/// Slots of the open-addressing table (a power of two); an evaluation
/// asks for about fifty distinct (meter, region, term).
const SLOTS: usize = 1 << SLOT_BITS;
const SLOT_BITS: u32 = 8;
/// Beyond this many entries the memo stops remembering (the table stays
/// sparse enough for short probes); lookups then go to the sheet.
const MAX_ENTRIES: usize = SLOTS * 3 / 4;
/// The most regions remembered (a region is found by a walk of the list).
const MAX_REGIONS: usize = 24;

/// `Default` is empty and allocates nothing (what a dropped memo leaves).
#[derive(Default)]
struct Inner {
    /// The distinct regions asked about (two or three, `Global`, zones).
    regions: Vec<Box<str>>,
    slots: Vec<Slot>,
    entries: usize,
}

/// One remembered lookup; `key == 0` is an empty slot.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// The lookup's hash (meter, region, term), never 0 when used.
    key: u64,
    meter_hash: u64,
    term: ReservationTerm,
    /// Index in `regions`.
    region: usize,
    /// Where the sheet keeps the row and its higher tiers.
    at: (usize, Option<usize>),
}

impl Inner {
    /// An empty table, its slots allocated.
    fn with_slots() -> Self {
        Self {
            regions: Vec::new(),
            slots: vec![Slot::default(); SLOTS],
            entries: 0,
        }
    }
}

impl<'s> LookupMemo<'s> {
    /// A memo for `sheet`: the one kept from the last evaluation on this
    /// thread when it was made for the same row layout and has room, else
    /// an empty one.
    pub fn new(sheet: &'s PriceSheet) -> Self {
        let kept = KEPT
            .try_with(|k| k.borrow_mut().take())
            .ok()
            .flatten()
            .filter(|(index, inner)| {
                Arc::ptr_eq(index, &sheet.index)
                    && inner.entries < MAX_ENTRIES
                    && inner.regions.len() < MAX_REGIONS
            })
            .map(|(_, inner)| inner);
        Self {
            sheet,
            inner: RefCell::new(kept.unwrap_or_else(Inner::with_slots)),
        }
    }

    /// The sheet every answer comes from.
    pub fn sheet(&self) -> &'s PriceSheet {
        self.sheet
    }

    /// [`PriceSheet::lookup_tiered`], answered from the memo when asked
    /// before. A missing price is not kept: it is an error either way.
    pub fn lookup_tiered(
        &self,
        meter: &Meter,
        region: &str,
        term: ReservationTerm,
    ) -> Result<Found<'s>, MissingPrice> {
        let mut inner = self.inner.borrow_mut();
        // The region by its place in the short list of regions asked about
        // (two or three stamps, `Global`, a zone): a few length checks and
        // at most a couple of short comparisons, no hashing of the text.
        let known = inner
            .regions
            .iter()
            .position(|r| r.len() == region.len() && r.as_bytes() == region.as_bytes());
        let region_at = match known {
            Some(at) => at,
            None if inner.regions.len() < MAX_REGIONS && inner.entries < MAX_ENTRIES => {
                inner.regions.push(region.into());
                inner.regions.len() - 1
            }
            // No room to remember it: the sheet answers.
            None => {
                let position = self.sheet.lookup_at(meter, region, term)?;
                return self
                    .sheet
                    .found_at(position)
                    .ok_or_else(|| self.sheet.missing(meter, region, term));
            }
        };
        let key = mix(mix(meter.hash, region_at as u64), term as u64) | 1;
        // The multiply in `mix` leaves its entropy in the high bits: the
        // slot comes from the top eight (the low ones cluster).
        let mut i = (key >> (u64::BITS - SLOT_BITS)) as usize % SLOTS;
        let position = loop {
            let slot = inner.slots.get(i).copied().unwrap_or_default();
            if slot.key == 0 {
                // Not asked before: ask the sheet, and remember the answer
                // while the table has room.
                let position = self.sheet.lookup_at(meter, region, term)?;
                if inner.entries < MAX_ENTRIES {
                    if let Some(free) = inner.slots.get_mut(i) {
                        *free = Slot {
                            key,
                            meter_hash: meter.hash,
                            term,
                            region: region_at,
                            at: position,
                        };
                    }
                    inner.entries += 1;
                }
                break position;
            }
            if slot.key == key
                && slot.meter_hash == meter.hash
                && slot.term == term
                && slot.region == region_at
            {
                break slot.at;
            }
            i = (i + 1) % SLOTS;
        };
        self.sheet
            .found_at(position)
            .ok_or_else(|| self.sheet.missing(meter, region, term))
    }
}

impl Drop for LookupMemo<'_> {
    /// Keeps what was learnt for the next evaluation against this layout.
    fn drop(&mut self) {
        let inner = std::mem::take(self.inner.get_mut());
        let index = Arc::clone(&self.sheet.index);
        let _ = KEPT.try_with(|k| *k.borrow_mut() = Some((index, inner)));
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::engine::scenario::Scenario;
    use crate::engine::tiers::TierCost;
    use crate::engine::{meters, presets, tiers, RegionTable};

    #[test]
    fn catalog_meters_have_distinct_hashes() {
        let mut seen = std::collections::HashMap::new();
        for known in meters::catalog() {
            if let Some(other) = seen.insert(known.meter.hash, known.meter.key) {
                assert_eq!(other, known.meter.key, "two meters share a hash");
            }
        }
        assert!(seen.len() > 50);
    }

    #[test]
    fn answers_as_the_sheet_does_in_every_region_and_term() {
        let sheet = presets::default_sheet().unwrap();
        let memo = LookupMemo::new(&sheet);
        for _ in 0..2 {
            for known in meters::catalog() {
                for region in ["westeurope", "southeastasia", "eastus", "Global", "Zone 1"] {
                    for term in [
                        ReservationTerm::None,
                        ReservationTerm::OneYear,
                        ReservationTerm::ThreeYears,
                    ] {
                        let direct = sheet.lookup_tiered(&known.meter, region, term);
                        let memo = memo.lookup_tiered(&known.meter, region, term);
                        match (direct, memo) {
                            (Ok(a), Ok(b)) => {
                                assert!(Arc::ptr_eq(a.0, b.0), "{} {region}", known.meter.key);
                                assert_eq!(a.1.len(), b.1.len());
                            }
                            (Err(a), Err(b)) => assert_eq!(a, b),
                            (a, b) => panic!("{} {region}: {a:?} vs {b:?}", known.meter.key),
                        }
                    }
                }
            }
        }
    }

    /// Calls `check` for every preset and tier, with the shipped sheet, one
    /// memo of it shared by every call, and the shipped regions.
    fn each_preset_tier(
        mut check: impl FnMut(&str, tiers::TierId, &Scenario, &PriceSheet, &LookupMemo, &RegionTable),
    ) {
        let sheet = presets::default_sheet().unwrap();
        let regions = presets::default_regions().unwrap();
        let memo = LookupMemo::new(&sheet);
        for name in ["northwind", "startup", "enterprise"] {
            let s = presets::preset(name).unwrap();
            for tier in tiers::TierId::ALL {
                check(name, tier, &s, &sheet, &memo, &regions);
            }
        }
    }

    #[test]
    fn a_shared_memo_prices_every_tier_as_a_fresh_lookup_does() {
        each_preset_tier(|name, tier, s, sheet, memo, regions| {
            let fresh = tiers::price_tier(tier, s, sheet, regions).unwrap();
            let shared = tiers::price_tier_sharing(tier, s, memo, regions).unwrap();
            assert_eq!(fresh, shared, "{name} {}", tier.id());
        });
    }

    /// A pricer that only counts (the robustness sweeps) gives every
    /// total, group sum and stamp of the full pricing, bit for bit, and
    /// keeps no lines.
    #[test]
    fn counting_prices_every_total_as_the_lines_add_up() {
        each_preset_tier(|name, tier, s, _, memo, regions| {
            let full = tiers::price_tier_sharing(tier, s, memo, regions).unwrap();
            let totals = tiers::price_tier_totals(tier, s, memo, regions).unwrap();
            assert!(totals.line_items.is_empty());
            assert!(!full.line_items.is_empty());
            let summed: f64 = full.line_items.iter().map(|li| li.monthly).sum();
            assert_eq!(full.monthly.to_bits(), summed.to_bits(), "{name}");
            assert_eq!(totals.monthly.to_bits(), full.monthly.to_bits(), "{name}");
            assert_eq!(totals.by_category, full.by_category, "{name}");
            assert_eq!(totals.stamps, full.stamps, "{name}");
            assert_eq!(totals.cosmos, full.cosmos, "{name}");
            assert_eq!(totals.notes, full.notes, "{name}");
            assert_eq!(
                TierCost {
                    line_items: Vec::new(),
                    ..full
                },
                totals,
                "{name} {}",
                tier.id()
            );
        });
    }

    /// The memo kept from one evaluation is used again only for a sheet
    /// with the same row layout: a sheet parsed from the same rows in
    /// another order (every position different) is priced as a fresh
    /// lookup prices it, and a scaled copy (same layout) at its own prices.
    #[test]
    fn a_kept_memo_answers_only_for_the_same_layout() {
        let regions = presets::default_regions().unwrap();
        let sheet = presets::default_sheet().unwrap();
        let text = crate::engine::presets::DEFAULT_SHEET_CSV;
        let mut lines: Vec<&str> = text.lines().collect();
        // Keep the header (and any comment lines before it) first, reverse
        // the data rows.
        let header = lines
            .iter()
            .position(|l| l.starts_with("service_name"))
            .unwrap();
        lines[header + 1..].reverse();
        let reversed = PriceSheet::parse("reversed.csv", &lines.join("\n")).unwrap();
        assert!(!Arc::ptr_eq(&sheet.index, &reversed.index));
        let s = presets::preset("northwind").unwrap();
        for tier in tiers::TierId::ALL {
            forget();
            // Learn the shipped sheet's positions, then price the reversed one.
            drop(tiers::price_tier_sharing(
                tier,
                &s,
                &LookupMemo::new(&sheet),
                &regions,
            ));
            let kept = tiers::price_tier_sharing(tier, &s, &LookupMemo::new(&reversed), &regions);
            let fresh = tiers::price_tier(tier, &s, &reversed, &regions);
            assert_eq!(
                kept.unwrap().monthly,
                fresh.unwrap().monthly,
                "{}",
                tier.id()
            );
            // A scaled copy shares the layout: the kept memo serves it, at
            // the copy's prices.
            let service = "Azure Cosmos DB";
            let scaled = sheet.scaled(service, 2.0);
            drop(tiers::price_tier_sharing(
                tier,
                &s,
                &LookupMemo::new(&sheet),
                &regions,
            ));
            let memo = LookupMemo::new(&scaled);
            assert!(memo.inner.borrow().entries > 0, "kept for the same layout");
            let kept = tiers::price_tier_sharing(tier, &s, &memo, &regions).unwrap();
            let fresh = tiers::price_tier(tier, &s, &scaled, &regions).unwrap();
            assert_eq!(kept, fresh, "{}", tier.id());
        }
    }
}
