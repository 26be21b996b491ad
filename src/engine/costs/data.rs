//! The data band: Cosmos DB throughput (sized for the steady day or for a
//! lost region, manual, autoscale or serverless) and storage, and the Azure
//! SQL ledger with its failover-group secondary. (Backups are priced in
//! [`crate::engine::backup`], Defender plans in [`crate::engine::security`].)

use super::{meters, Charge, Component, Pricer, Quantity};
use std::sync::Arc;

use crate::engine::cosmos;
use crate::engine::format;
use crate::engine::pricing::ReservationTerm;
use crate::engine::scenario::{CosmosMode, SqlTier};

/// What a Cosmos DB account must carry, per region, before and after losing
/// a region (worked out by `tiers`; priced by [`Pricer::cosmos_throughput`]).
#[derive(Clone, Copy, Debug)]
pub struct CosmosNeed<'a> {
    /// The busiest region's steady reads and queries, RU/s.
    pub read_ru_per_s: f64,
    /// Every write in the world, spent in every region, RU/s.
    pub write_ru_per_s: f64,
    /// The busiest survivor's reads after losing one other region, RU/s
    /// (the steady reads when the account has one region).
    pub after_failover_read_ru_per_s: f64,
    /// The region whose loss gives that worst case, and the survivor that
    /// carries it (empty with one region).
    pub lost_region: &'a str,
    pub survivor_region: &'a str,
    /// Provision for the post-failover need (else the steady one).
    pub sized_for_failover: bool,
    /// Expected hours a month some region of the account is lost (regions ×
    /// outages a year × typical hours ÷ 12; 0 with one region): autoscale
    /// bills the survivors' higher need meanwhile.
    pub failover_hours_per_month: f64,
}

impl CosmosNeed<'_> {
    /// The busiest region's steady need: reads + writes.
    pub fn steady_ru_per_s(&self) -> f64 {
        self.read_ru_per_s + self.write_ru_per_s
    }

    /// The most any survivor needs after losing one other region.
    pub fn after_failover_ru_per_s(&self) -> f64 {
        self.after_failover_read_ru_per_s + self.write_ru_per_s
    }

    /// What every region is provisioned for, by the policy.
    pub fn provisioned_for_ru_per_s(&self) -> f64 {
        if self.sized_for_failover {
            self.after_failover_ru_per_s()
        } else {
            self.steady_ru_per_s()
        }
    }

    /// The need in words, with the published RU points it comes from.
    fn text(&self, item_kb: f64) -> String {
        let steady = format!(
            "reads {} + writes {} = {} RU/s",
            format::number(self.read_ru_per_s, 0),
            format::number(self.write_ru_per_s, 0),
            format::number(self.steady_ru_per_s(), 0)
        );
        let per_op = cosmos::table_text(item_kb);
        if self.lost_region.is_empty() {
            return format!("{steady} needed (RU per operation at {per_op})");
        }
        let after = format!(
            "after losing {} its reads go to {}: reads {} + writes {} = {} RU/s",
            self.lost_region,
            self.survivor_region,
            format::number(self.after_failover_read_ru_per_s, 0),
            format::number(self.write_ru_per_s, 0),
            format::number(self.after_failover_ru_per_s(), 0)
        );
        if self.sized_for_failover {
            format!("busiest region steady {steady}; {after}, sized for failover (RU per operation at {per_op})")
        } else {
            format!("busiest region steady {steady}, sunny-day sizing ({after} would be needed) (RU per operation at {per_op})")
        }
    }
}

impl Pricer<'_> {
    /// Cosmos DB throughput in every region of the account.
    ///
    /// The need: `S` = the busiest region's steady reads + every write; `F` =
    /// the most any survivor carries after losing one other region (its reads
    /// plus the lost region's rerouted to it, plus every write; `F = S` with
    /// one region). The policy picks what is provisioned: `P = F` sized for
    /// failover (the default), `P = S` sunny-day only.
    ///
    /// * Provisioned: `T = max(400, ⌈P⌉₁₀₀)` RU/s in every region; billed
    ///   `T/100 × hours` per region at the single-write or multi-region-write
    ///   rate, ×1.25 on single-write accounts with zones.
    /// * Autoscale: `Tmax = max(1000, ⌈P⌉₁₀₀)`; each hour billed
    ///   `max(10% × Tmax, min(Tmax, that hour's need))` over the day's load
    ///   shape, the survivors' need `F` while a region is lost
    ///   ([`crate::engine::autoscale::bill_autoscale_ru`]), at the autoscale rate (1.5×
    ///   manual for single write; the manual rate for multi-region writes), no
    ///   zone surcharge; a reservation covers the floor
    ///   ([`Pricer::cosmos_autoscale_lines`]).
    /// * Serverless (single region only): `RU per month ÷ 1M × price`, ×1.25 with zones.
    ///
    /// Returns (RU/s each region carries, RU/s billed across regions).
    pub fn cosmos_throughput(
        &mut self,
        account_regions: &[&str],
        multi_write: bool,
        need: &CosmosNeed<'_>,
        notes: &mut Vec<std::borrow::Cow<'static, str>>,
    ) -> (f64, f64) {
        let s = self.s;
        let h = self.hours();
        let n = account_regions.len();
        let steady = need.steady_ru_per_s();
        let needed = need.provisioned_for_ru_per_s();
        let mut mode = s.data.cosmos_mode;
        if mode == CosmosMode::Serverless && n > 1 {
            notes.push(std::borrow::Cow::Borrowed("Serverless Cosmos DB is single-region only, so this tier is priced with autoscale."));
            mode = CosmosMode::Autoscale;
        }
        // Written once for every region's line, and only when words are wanted.
        let need_words = if self.writes() {
            need.text(s.workload.item_kb)
        } else {
            String::new()
        };
        let need_words = need_words.as_str();
        // Zone redundancy needs availability zones in the region
        // (`RegionTable::has_zones`): a region without them bills no
        // zone-redundancy surcharge.
        let zonal_in: Vec<bool> = account_regions
            .iter()
            .map(|r| s.data.cosmos_zone_redundant && self.regions.has_zones(r))
            .collect();
        match mode {
            CosmosMode::Serverless => {
                let avg = steady * s.workload.average_to_peak_ratio;
                let zonal = zonal_in.first().copied().unwrap_or(false);
                let factor = if zonal {
                    cosmos::ZONE_REDUNDANCY_RU_FACTOR
                } else {
                    1.0
                };
                let ru_month = avg * s.seconds_per_month() * factor;
                let zone_text = if zonal { " × 1.25 (zones)" } else { "" };
                self.line(
                    Charge::new(
                        Component::CosmosThroughput,
                        &meters::COSMOS_SERVERLESS,
                        account_regions[0],
                    ),
                    move || "Cosmos DB serverless request units".into(),
                    Quantity {
                        value: ru_month / 1e6,
                        unit: "million RU",
                        how: move || {
                            format!(
                                "{} × {} average-to-peak × {} s{zone_text} ÷ 1M",
                                need_words,
                                format::number(s.workload.average_to_peak_ratio, 2),
                                format::number(s.seconds_per_month(), 0)
                            )
                        },
                    },
                );
                (steady, avg)
            }
            CosmosMode::Provisioned => {
                let t = cosmos::round_up_100(needed).max(cosmos::MIN_MANUAL_RU_PER_S);
                let key = if multi_write {
                    meters::COSMOS_MRU
                } else {
                    meters::COSMOS_RU
                };
                let label = if multi_write {
                    "Cosmos DB multi-region-write RU/s"
                } else {
                    "Cosmos DB RU/s (manual)"
                };
                for (region, &zonal) in account_regions.iter().zip(&zonal_in) {
                    let factor = if zonal && !multi_write {
                        cosmos::ZONE_REDUNDANCY_RU_FACTOR
                    } else {
                        1.0
                    };
                    let zone_text = if factor > 1.0 {
                        " × 1.25 (zone redundancy, single-write)"
                    } else {
                        ""
                    };
                    self.line(
                        Charge::new(Component::CosmosThroughput, &key, region)
                            .reserved(s.commercial.reservation),
                        move || label.into(),
                        Quantity {
                            value: t / 100.0 * h * factor,
                            unit: "100 RU/s-hours",
                            how: move || {
                                format!(
                                    "{}, provisioned {} RU/s ÷ 100 × {} h{zone_text}",
                                    need_words,
                                    format::number(t, 0),
                                    format::number(h, 0)
                                )
                            },
                        },
                    );
                }
                (t, t * n as f64)
            }
            CosmosMode::Autoscale => {
                let tmax = cosmos::round_up_100(needed).max(cosmos::MIN_AUTOSCALE_MAX_RU_PER_S);
                let shape = crate::engine::autoscale::load_shape(&s.workload);
                let bill = crate::engine::autoscale::bill_autoscale_ru(
                    &shape,
                    h,
                    tmax,
                    steady,
                    need.after_failover_ru_per_s(),
                    need.failover_hours_per_month,
                );
                self.cosmos_autoscale_lines(
                    account_regions,
                    multi_write,
                    tmax,
                    &bill,
                    &shape,
                    need_words,
                );
                (tmax, bill.average_ru_per_s * n as f64)
            }
        }
    }

    /// Cosmos DB autoscale throughput lines, one per region (see
    /// [`crate::engine::autoscale::bill_autoscale_ru`]): `average billed RU/s ÷ 100 ×
    /// hours` at the autoscale rate (1.5× the manual rate, single write) or
    /// the multi-region-write rate (autoscale FAQ, translated from its
    /// docs.azure.cn copy: with multiple write regions the autoscale rate per
    /// 100 RU/s is the same as the manual multi-region-write rate).
    ///
    /// With a reservation term the floor (the lowest hourly bill, billed
    /// every hour) is reserved: the autoscale FAQ (learn.microsoft.com/azure/cosmos-db/autoscale-faq)
    /// says that on single-write accounts the reservation discount is applied
    /// to autoscale usage at 1.5 × the region's rate (to cover 10,000
    /// autoscale RU/s, buy 15,000 RU/s; [`cosmos::AUTOSCALE_RATE_FACTOR`]), so the floor consumes
    /// `floor ÷ 100 × hours × 1.5` reserved (100 RU/s)-hours of the manual
    /// meter; with multiple write regions autoscale is billed at the
    /// multi-region-write rate, so 1 : 1 of that meter. The rest is
    /// pay-as-you-go at the autoscale rate.
    fn cosmos_autoscale_lines(
        &mut self,
        account_regions: &[&str],
        multi_write: bool,
        tmax: f64,
        bill: &crate::engine::autoscale::RuBill,
        shape: &crate::engine::autoscale::LoadShape,
        need_words: &str,
    ) {
        let s = self.s;
        let h = self.hours();
        let term = s.commercial.reservation;
        // Autoscale with multi-region writes is billed at the multi-master
        // rate (there is no autoscale multi-master meter).
        let (key, reserved_key, reserved_factor, label) = if multi_write {
            (
                meters::COSMOS_MRU,
                meters::COSMOS_MRU,
                1.0,
                "Cosmos DB autoscale multi-region-write RU/s",
            )
        } else {
            (
                meters::COSMOS_AUTOSCALE_RU,
                meters::COSMOS_RU,
                cosmos::AUTOSCALE_RATE_FACTOR,
                "Cosmos DB autoscale RU/s",
            )
        };
        let b = *bill;
        let sh = *shape;
        let hourly = move || {
            let failover = if b.failover_ru_s_hours > 0.0 {
                format!(
                    " + {} RU/s-hours while a region is lost",
                    format::number(b.failover_ru_s_hours, 0)
                )
            } else {
                String::new()
            };
            format!(
                "{need_words}, max {} RU/s; each hour billed max(10% × max, that hour's need): {} h a day at {} RU/s + {} h at {} RU/s{failover} = {} RU/s on average",
                format::number(tmax, 0),
                format::number(sh.peak_hours, 1),
                format::number(b.peak_ru_per_s, 0),
                format::number(sh.trough_hours(), 1),
                format::number(b.floor_ru_per_s, 0),
                format::number(b.average_ru_per_s, 0)
            )
        };
        for region in account_regions {
            if term == ReservationTerm::None {
                self.line(
                    Charge::new(Component::CosmosThroughput, &key, region),
                    move || label.into(),
                    Quantity {
                        value: b.average_ru_per_s / 100.0 * h,
                        unit: "100 RU/s-hours",
                        how: move || format!("{} ÷ 100 × {} h", hourly(), format::number(h, 0)),
                    },
                );
                continue;
            }
            let reserved = b.floor_ru_per_s / 100.0 * h * reserved_factor;
            self.line(Charge::new(Component::CosmosThroughput, &reserved_key, region).reserved(term), move || format!("{label}, reserved floor"), Quantity {
                    value: reserved,
                    unit: "100 RU/s-hours",
                    how: move || {
                        format!(
                            "floor {} RU/s ÷ 100 × {} h{}",
                            format::number(b.floor_ru_per_s, 0),
                            format::number(h, 0),
                            if reserved_factor > 1.0 {
                                " × 1.5 (autoscale consumes reserved capacity at 1.5× on single-write accounts)"
                            } else {
                                ""
                            }
                        )
                    },
                });
            let rest = (b.average_ru_per_s - b.floor_ru_per_s).max(0.0) / 100.0 * h;
            if rest > 1e-9 {
                self.line(
                    Charge::new(Component::CosmosThroughput, &key, region),
                    move || format!("{label}, pay-as-you-go above the floor"),
                    Quantity {
                        value: rest,
                        unit: "100 RU/s-hours",
                        how: move || {
                            format!(
                                "({} − floor {} RU/s) ÷ 100 × {} h",
                                hourly(),
                                format::number(b.floor_ru_per_s, 0),
                                format::number(h, 0)
                            )
                        },
                    },
                );
            }
        }
    }

    /// Cosmos DB transactional storage, billed once per region: `GB × price per GB-month`.
    pub fn cosmos_storage(&mut self, account_regions: &[&str]) {
        let gb = self.s.workload.stored_gb;
        if gb <= 0.0 {
            return;
        }
        for region in account_regions {
            self.line(
                Charge::new(Component::CosmosStorage, &meters::COSMOS_STORAGE, region),
                move || "Cosmos DB transactional storage".into(),
                Quantity {
                    value: gb,
                    unit: "GB-months",
                    how: move || format!("{} GB stored in this region", format::quantity(gb)),
                },
            );
        }
    }

    /// One Azure SQL database of the ledger (primary or failover-group
    /// secondary, which is billed as a full database): `vCores × hours ×
    /// (compute + licence [+ zone-redundancy surcharge, General Purpose])` +
    /// `storage GB × price per GB-month`. A secondary designated as a
    /// standby replica pays no licence: "you aren't charged for the
    /// licensing costs for the vCores used by the secondary replica, but
    /// you're still charged for compute and storage"
    /// (<https://learn.microsoft.com/azure/azure-sql/database/standby-replica-how-to-configure>).
    pub fn sql_database(&mut self, region: &Arc<str>, secondary: bool) {
        let sql = &self.s.data.sql;
        if !sql.enabled {
            return;
        }
        let h = self.hours();
        let v = sql.vcores as f64;
        // Zone redundancy needs availability zones in the region
        // (`RegionTable::has_zones`): none there, no zone-redundant meters.
        let zonal = sql.zone_redundant && self.regions.has_zones(region);
        let role = if secondary {
            "failover-group secondary"
        } else {
            "primary"
        };
        let (compute, license, storage, tier) = match sql.tier {
            SqlTier::GeneralPurpose => (
                meters::SQL_GP_COMPUTE,
                meters::SQL_GP_LICENSE,
                if zonal {
                    meters::SQL_GP_ZONE_STORAGE
                } else {
                    meters::SQL_GP_STORAGE
                },
                "General Purpose",
            ),
            SqlTier::BusinessCritical => (
                meters::SQL_BC_COMPUTE,
                meters::SQL_BC_LICENSE,
                meters::SQL_BC_STORAGE,
                "Business Critical",
            ),
        };
        let vcores = sql.vcores;
        let vcore_how = move || format!("{vcores} vCores × {} h", format::number(h, 0));
        let q = || Quantity {
            value: v * h,
            unit: "vCore-hours",
            how: vcore_how,
        };
        self.line(
            Charge::new(Component::SqlCompute, &compute, region),
            move || format!("SQL {tier} compute, {role}"),
            q(),
        );
        // The licence is a global meter: one price wherever the database
        // runs. A standby replica pays none (see `SqlLedger::standby_replica`).
        if !(secondary && sql.standby_replica) {
            self.line(
                Charge::new(Component::SqlLicence, &license, meters::GLOBAL).at(region),
                move || format!("SQL {tier} licence, {role}"),
                q(),
            );
        }
        if zonal && sql.tier == SqlTier::GeneralPurpose {
            self.line(
                Charge::new(Component::SqlZoneRedundancy, &meters::SQL_GP_ZONE, region),
                move || format!("SQL {tier} zone redundancy, {role}"),
                q(),
            );
        }
        self.line(
            Charge::new(Component::SqlStorage, &storage, region),
            move || format!("SQL {tier} storage, {role}"),
            Quantity {
                value: sql.storage_gb,
                unit: "GB-months",
                how: move || format!("{} GB", format::quantity(sql.storage_gb)),
            },
        );
    }
}
