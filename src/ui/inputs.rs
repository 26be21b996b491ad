//! The input panel, grouped as the architecture's bands are: regions and
//! traffic, workload, compute stamp, data, edge and platform, resilience
//! and risk, targets, commercial terms.

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::fields::{parse_number, show_number, CheckField, FieldError, NumberField, SelectField};
use super::state::AppState;
use crate::engine::scenario::RegionShare;
use crate::engine::validate::MAX_REGIONS;

/// An enum's serde id ("p1v3").
pub fn enum_id<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The enum with that serde id.
pub fn enum_from<T: DeserializeOwned>(id: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(id.to_string())).ok()
}

/// One region row: which region, and its share of users.
#[component]
fn RegionRow(index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let path_region = format!("regions[{index}].region");
    let path_share = format!("regions[{index}].traffic_share");
    let current = Memo::new(move |_| {
        state
            .scenario
            .with(|s| s.regions.get(index).cloned().unwrap_or_default())
    });
    let share_text = RwSignal::new(show_number(current.get_untracked().traffic_share * 100.0));
    let share_path = path_share.clone();
    Effect::new(move |_| {
        let v = current.get().traffic_share * 100.0;
        let pending = state
            .parse_errors
            .with_untracked(|e| e.contains_key(&share_path));
        if !pending && parse_number(&share_text.get_untracked(), false).ok() != Some(v) {
            share_text.set(show_number(v));
        }
    });
    let share_path2 = path_share.clone();
    let on_share = move |raw: String| {
        share_text.set(raw.clone());
        match parse_number(&raw, false) {
            Ok(v) => {
                state.parse_errors.update(|e| {
                    e.remove(&share_path2);
                });
                state.scenario.update(|s| {
                    if let Some(r) = s.regions.get_mut(index) {
                        r.traffic_share = v / 100.0;
                    }
                });
            }
            Err(m) => state.parse_errors.update(|e| {
                e.insert(share_path2.clone(), m);
            }),
        }
    };
    let options = move || {
        state
            .regions
            .get()
            .map(|t| {
                t.regions
                    .iter()
                    .map(|r| (r.arm_region_name.clone(), r.display_name.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let role = move || match index {
        0 => "primary / write region",
        1 => "second region (warm standby)",
        _ => "additional region",
    };
    let region_err = path_region.clone();
    let share_err = path_share.clone();
    view! {
        <div class="region-row" data-testid=format!("region-row-{index}")>
            <div class="field">
                <label for=format!("f-region-{index}")>{move || format!("Region {} ({})", index + 1, role())}</label>
                <div class="field-input">
                    <select
                        id=format!("f-region-{index}")
                        data-testid=format!("input-region-{index}")
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            state.scenario.update(|s| {
                                if let Some(r) = s.regions.get_mut(index) {
                                    r.region = v;
                                }
                            });
                        }
                    >
                        {move || {
                            options()
                                .into_iter()
                                .map(|(value, text)| {
                                    let v2 = value.clone();
                                    view! {
                                        <option value=value selected=move || current.get().region == v2>
                                            {text}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                {move || {
                    state
                        .field_errors
                        .with(|m| m.get(&region_err).cloned())
                        .map(|m| view! { <p class="field-error" role="alert">{m}</p> })
                }}
            </div>
            <div class="field share">
                <label for=format!("f-share-{index}") title="Share of global users near this region; the shares add up to 100%.">
                    "Users"
                </label>
                <div class="field-input">
                    <input
                        id=format!("f-share-{index}")
                        type="text"
                        inputmode="decimal"
                        data-testid=format!("input-share-{index}")
                        prop:value=move || share_text.get()
                        on:input=move |ev| on_share(event_target_value(&ev))
                    />
                    <span class="unit">"%"</span>
                </div>
                {move || {
                    state
                        .field_errors
                        .with(|m| m.get(&share_err).cloned())
                        .map(|m| view! { <p class="field-error" role="alert">{m}</p> })
                }}
            </div>
            <button
                class="icon remove"
                aria-label=format!("Remove region {}", index + 1)
                data-testid=format!("remove-region-{index}")
                on:click=move |_| {
                    state.parse_errors.set(Default::default());
                    state.scenario.update(|s| {
                        if s.regions.len() > 1 && index < s.regions.len() {
                            s.regions.remove(index);
                        }
                    });
                }
            >
                "×"
            </button>
        </div>
    }
}

/// Measured round trips that override the distance model.
#[component]
fn MeasuredRtts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| state.scenario.with(|s| s.resilience.measured_rtts.len()));
    let region_options = move || {
        state
            .regions
            .get()
            .map(|t| {
                t.regions
                    .iter()
                    .map(|r| (r.arm_region_name.clone(), r.display_name.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let row = move |i: usize| {
        let current = Memo::new(move |_| {
            state.scenario.with(|s| {
                s.resilience
                    .measured_rtts
                    .get(i)
                    .cloned()
                    .unwrap_or_default()
            })
        });
        let path = format!("resilience.measured_rtts[{i}].rtt_ms");
        let text = RwSignal::new(show_number(current.get_untracked().rtt_ms));
        let p2 = path.clone();
        let on_ms = move |raw: String| {
            text.set(raw.clone());
            match parse_number(&raw, false) {
                Ok(v) => {
                    state.parse_errors.update(|e| {
                        e.remove(&p2);
                    });
                    state.scenario.update(|s| {
                        if let Some(m) = s.resilience.measured_rtts.get_mut(i) {
                            m.rtt_ms = v;
                        }
                    });
                }
                Err(m) => state.parse_errors.update(|e| {
                    e.insert(p2.clone(), m);
                }),
            }
        };
        let select = move |which: &'static str| {
            view! {
                <select
                    aria-label=if which == "from" { "Users near" } else { "Stamp or write region" }
                    data-testid=format!("rtt-{which}-{i}")
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.scenario.update(|s| {
                            if let Some(m) = s.resilience.measured_rtts.get_mut(i) {
                                if which == "from" { m.from = v } else { m.to = v }
                            }
                        });
                    }
                >
                    {move || region_options().into_iter().map(|(value, label)| {
                        let v2 = value.clone();
                        view! {
                            <option value=value selected=move || {
                                let m = current.get();
                                (if which == "from" { m.from } else { m.to }) == v2
                            }>{label}</option>
                        }
                    }).collect_view()}
                </select>
            }
        };
        let err = path.clone();
        view! {
            <div class="rtt-row">
                {select("from")}
                <span aria-hidden="true">"→"</span>
                {select("to")}
                <input type="text" inputmode="decimal" aria-label="Measured round trip, ms" data-testid=format!("rtt-ms-{i}")
                    prop:value=move || text.get() on:input=move |ev| on_ms(event_target_value(&ev)) />
                <span class="unit">"ms"</span>
                <button class="icon" aria-label="Remove this measurement" on:click=move |_| {
                    state.parse_errors.set(Default::default());
                    state.scenario.update(|s| {
                        if i < s.resilience.measured_rtts.len() {
                            s.resilience.measured_rtts.remove(i);
                        }
                    });
                }>"×"</button>
                {move || state.field_errors.with(|m| m.get(&err).cloned()).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            </div>
        }
    };
    view! {
        <div class="rtts" data-testid="measured-rtts">
            <p class="field-label">"Measured round trips (override the model)"</p>
            {move || (0..count.get()).map(row).collect_view()}
            <button class="secondary" data-testid="add-rtt" on:click=move |_| {
                state.scenario.update(|s| {
                    let from = s.regions.last().map(|r| r.region.clone()).unwrap_or_default();
                    let to = s.regions.first().map(|r| r.region.clone()).unwrap_or_default();
                    s.resilience.measured_rtts.push(crate::engine::scenario::MeasuredRtt { from, to, rtt_ms: 150.0 });
                });
            }>"+ Add a measured round trip"</button>
        </div>
    }
}

/// Regions and traffic shares.
#[component]
pub fn RegionsEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| state.scenario.with(|s| s.regions.len()));
    let add = move |_: leptos::ev::MouseEvent| {
        let table = state.regions.get_untracked();
        state.scenario.update(|s| {
            if s.regions.len() >= MAX_REGIONS {
                return;
            }
            let next = table
                .as_ref()
                .and_then(|t| {
                    t.regions
                        .iter()
                        .find(|r| !s.regions.iter().any(|x| x.region == r.arm_region_name))
                })
                .map(|r| r.arm_region_name.clone())
                .unwrap_or_else(|| "westeurope".into());
            // Re-balance: the new region takes an equal share from the others.
            let n = s.regions.len() as f64 + 1.0;
            for r in s.regions.iter_mut() {
                r.traffic_share *= (n - 1.0) / n;
            }
            s.regions.push(RegionShare {
                region: next,
                traffic_share: 1.0 / n,
            });
            let fraction = s.compute.stamp_capacity_fraction;
            let max_share = s
                .regions
                .iter()
                .map(|r| r.traffic_share)
                .fold(0.0, f64::max);
            if fraction < max_share {
                s.compute.stamp_capacity_fraction = max_share;
            }
        });
    };
    view! {
        <div class="regions" data-testid="regions-editor">
            {move || (0..count.get()).map(|i| view! { <RegionRow index=i /> }).collect_view()}
            <FieldError path="regions" />
            <button
                class="secondary"
                data-testid="add-region"
                disabled=move || { count.get() >= MAX_REGIONS }
                on:click=add
            >
                "+ Add region"
            </button>
        </div>
    }
}

/// The key controls of presentation mode: big sliders for what a customer
/// asks about in a meeting.
#[component]
pub fn KeyControls() -> impl IntoView {
    view! {
        <section class="key-controls" aria-label="Key controls" data-testid="key-controls">
            <RegionsEditor />
            <NumberField label="Peak traffic" unit="req/s" path="workload.peak_requests_per_s"
                help="Global peak requests per second: drives compute, Cosmos DB RU/s and Front Door."
                get=|s| s.workload.peak_requests_per_s set=|s, v| s.workload.peak_requests_per_s = v
                slider=(100.0, 20000.0, 100.0) />
            <NumberField label="Each stamp's capacity" unit="% of peak" path="compute.stamp_capacity_fraction"
                help="Per-stamp capacity in the active-active tiers, as a share of global peak (Northwind: 70%)."
                get=|s| s.compute.stamp_capacity_fraction set=|s, v| s.compute.stamp_capacity_fraction = v scale=100.0
                slider=(5.0, 100.0, 5.0) />
            <NumberField label="RTO target" unit="s" path="targets.rto_s"
                help="Longest acceptable time to recover from the loss of a region."
                get=|s| s.targets.rto_s set=|s, v| s.targets.rto_s = v slider=(10.0, 3600.0, 10.0) />
            <NumberField label="RPO target" unit="s" path="targets.rpo_s"
                help="Most data (in seconds of writes) the business accepts losing with a region."
                get=|s| s.targets.rpo_s set=|s, v| s.targets.rpo_s = v slider=(0.0, 900.0, 1.0) />
            <NumberField label="p95 latency target" unit="ms" path="targets.latency_p95_ms"
                help="p95 latency every user geography must get."
                get=|s| s.targets.latency_p95_ms set=|s, v| s.targets.latency_p95_ms = v slider=(20.0, 400.0, 5.0) />
        </section>
    }
}

/// Every input, in bands.
#[component]
pub fn InputPanel() -> impl IntoView {
    use crate::engine::scenario::Consistency;
    let consistency_options: Vec<(&'static str, &'static str)> = Consistency::ALL
        .iter()
        .map(|c| {
            let id = match c {
                Consistency::Strong => "strong",
                Consistency::BoundedStaleness => "bounded_staleness",
                Consistency::Session => "session",
                Consistency::ConsistentPrefix => "consistent_prefix",
                Consistency::Eventual => "eventual",
            };
            (id, c.label())
        })
        .collect();
    view! {
        <form class="inputs" data-testid="inputs" on:submit=|ev| ev.prevent_default() aria-label="Scenario inputs">
            <details open>
                <summary>"Regions and traffic"</summary>
                <RegionsEditor />
            </details>
            <details open>
                <summary>"Workload"</summary>
                <NumberField label="Peak requests" unit="req/s" path="workload.peak_requests_per_s"
                    help="Global peak requests per second, all regions together."
                    get=|s| s.workload.peak_requests_per_s set=|s, v| s.workload.peak_requests_per_s = v />
                <NumberField label="Average load" unit="% of peak" path="workload.average_to_peak_ratio"
                    help="Average load over a month as a share of peak: turns peak rates into monthly volumes (requests, egress, autoscale)."
                    get=|s| s.workload.average_to_peak_ratio set=|s, v| s.workload.average_to_peak_ratio = v scale=100.0 />
                <NumberField label="Response size" unit="KB" path="workload.response_kb"
                    help="Average response size: Front Door edge-to-client transfer."
                    get=|s| s.workload.response_kb set=|s, v| s.workload.response_kb = v />
                <NumberField label="Edge cache hits" unit="%" path="workload.edge_cache_hit_ratio"
                    help="Requests answered by Front Door's cache: they never reach a stamp or the database."
                    get=|s| s.workload.edge_cache_hit_ratio set=|s, v| s.workload.edge_cache_hit_ratio = v scale=100.0 />
                <NumberField label="Point reads per request" unit="" path="workload.point_reads_per_request"
                    help="Cosmos DB point reads per origin request (RU from item size)."
                    get=|s| s.workload.point_reads_per_request set=|s, v| s.workload.point_reads_per_request = v />
                <NumberField label="Writes per request" unit="" path="workload.writes_per_request"
                    help="Cosmos DB writes per origin request: every region spends RU on every write, and writes cross regions as egress."
                    get=|s| s.workload.writes_per_request set=|s, v| s.workload.writes_per_request = v />
                <NumberField label="Queries per request" unit="" path="workload.queries_per_request"
                    help="Cosmos DB queries per origin request."
                    get=|s| s.workload.queries_per_request set=|s, v| s.workload.queries_per_request = v />
                <NumberField label="RU per query" unit="RU" path="workload.ru_per_query"
                    help="Request units one query costs (the Cosmos DB capacity planner assumes 10; measure yours)."
                    get=|s| s.workload.ru_per_query set=|s, v| s.workload.ru_per_query = v />
                <NumberField label="Item size" unit="KB" path="workload.item_kb"
                    help="Average Cosmos DB item size: sets RU per read and write, and replication bytes."
                    get=|s| s.workload.item_kb set=|s, v| s.workload.item_kb = v />
                <NumberField label="Replaces among writes" unit="%" path="workload.replace_ratio"
                    help="Share of writes that replace an existing item (twice an insert's RU)."
                    get=|s| s.workload.replace_ratio set=|s, v| s.workload.replace_ratio = v scale=100.0 />
                <NumberField label="Data stored" unit="GB" path="workload.stored_gb"
                    help="Cosmos DB data, billed once in every region."
                    get=|s| s.workload.stored_gb set=|s, v| s.workload.stored_gb = v />
            </details>
            <details open>
                <summary>"Compute stamp"</summary>
                <CheckField label="App Service (Premium v3)" path="compute.app_service.enabled"
                    help="A zone-redundant App Service plan in every stamp."
                    get=|s| s.compute.app_service.enabled set=|s, v| s.compute.app_service.enabled = v />
                <SelectField label="App Service size" path="compute.app_service.sku"
                    help="Premium v3 size: P2 and P3 cost 2× and 4× P1."
                    options=vec![("p1v3", "P1v3"), ("p2v3", "P2v3"), ("p3v3", "P3v3")]
                    get=|s| enum_id(&s.compute.app_service.sku)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.compute.app_service.sku = x } } />
                <SelectField label="Operating system" path="compute.app_service.os"
                    help="Windows plans cost more than Linux ones."
                    options=vec![("linux", "Linux"), ("windows", "Windows")]
                    get=|s| enum_id(&s.compute.app_service.os)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.compute.app_service.os = x } } />
                <NumberField label="Requests per instance" unit="req/s" path="compute.app_service.requests_per_s_per_instance"
                    help="Requests per second one instance serves at target utilisation: sets the instance count."
                    get=|s| s.compute.app_service.requests_per_s_per_instance
                    set=|s, v| s.compute.app_service.requests_per_s_per_instance = v />
                <NumberField label="Minimum instances" unit="per stamp" path="compute.app_service.min_instances" integer=true
                    help="Fewest instances per stamp; zone redundancy needs at least 2 (and bills them)."
                    get=|s| s.compute.app_service.min_instances as f64
                    set=|s, v| s.compute.app_service.min_instances = v as u32 />
                <CheckField label="AKS back end" path="compute.aks.enabled"
                    help="An AKS cluster in every stamp (node VMs, cluster fee, optional Application Gateway)."
                    get=|s| s.compute.aks.enabled set=|s, v| s.compute.aks.enabled = v />
                <SelectField label="Node size" path="compute.aks.node_size"
                    help="VM size of the AKS node pool (Linux)."
                    options=vec![("d2s_v5", "D2s v5"), ("d4s_v5", "D4s v5"), ("d8s_v5", "D8s v5"), ("d4as_v5", "D4as v5"), ("e4s_v5", "E4s v5")]
                    get=|s| enum_id(&s.compute.aks.node_size)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.compute.aks.node_size = x } } />
                <SelectField label="AKS tier" path="compute.aks.tier"
                    help="Cluster management fee: Free has no financially backed SLA."
                    options=vec![("free", "Free"), ("standard", "Standard"), ("premium", "Premium")]
                    get=|s| enum_id(&s.compute.aks.tier)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.compute.aks.tier = x } } />
                <NumberField label="Requests per node" unit="req/s" path="compute.aks.requests_per_s_per_node"
                    help="Requests per second one node serves at target utilisation."
                    get=|s| s.compute.aks.requests_per_s_per_node set=|s, v| s.compute.aks.requests_per_s_per_node = v />
                <NumberField label="Minimum nodes" unit="per stamp" path="compute.aks.min_nodes" integer=true
                    help="Fewest nodes per stamp (3 spreads the pool over three zones)."
                    get=|s| s.compute.aks.min_nodes as f64 set=|s, v| s.compute.aks.min_nodes = v as u32 />
                <CheckField label="Application Gateway WAF_v2 in front of AKS" path="compute.aks.app_gateway"
                    help="The regional L7 ingress for AKS stamps."
                    get=|s| s.compute.aks.app_gateway set=|s, v| s.compute.aks.app_gateway = v />
                <NumberField label="Each stamp's capacity" unit="% of peak" path="compute.stamp_capacity_fraction"
                    help="Per-stamp capacity in the active-active tiers as a share of global peak: the failover-headroom dial (Northwind: 70%)."
                    get=|s| s.compute.stamp_capacity_fraction set=|s, v| s.compute.stamp_capacity_fraction = v scale=100.0 />
                <NumberField label="Warm standby size" unit="instances" path="compute.warm_standby_instances" integer=true
                    help="Instances (and nodes) of the active-passive standby; 0 means each pool's minimum."
                    get=|s| s.compute.warm_standby_instances as f64 set=|s, v| s.compute.warm_standby_instances = v as u32 />
            </details>
            <details open>
                <summary>"Data"</summary>
                <SelectField label="Cosmos DB throughput" path="data.cosmos_mode"
                    help="Manual RU/s, autoscale (billed on each hour's peak), or serverless (single region only)."
                    options=vec![("provisioned", "Provisioned (manual)"), ("autoscale", "Autoscale"), ("serverless", "Serverless")]
                    get=|s| enum_id(&s.data.cosmos_mode)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.data.cosmos_mode = x } } />
                <SelectField label="Consistency" path="data.consistency"
                    help="Strong and bounded staleness double read RU; Strong is impossible with multi-region writes."
                    options=consistency_options
                    get=|s| enum_id(&s.data.consistency)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.data.consistency = x } } />
                <CheckField label="Cosmos DB zone redundancy" path="data.cosmos_zone_redundant"
                    help="Zones in every region: ×1.25 RU/s on single-write manual accounts, waived for multi-write and autoscale; raises the SLA."
                    get=|s| s.data.cosmos_zone_redundant set=|s, v| s.data.cosmos_zone_redundant = v />
                <CheckField label="SQL ledger in a failover group" path="data.sql.enabled"
                    help="Relational state on Azure SQL: a primary, plus a full-price secondary in the second region."
                    get=|s| s.data.sql.enabled set=|s, v| s.data.sql.enabled = v />
                <SelectField label="SQL tier" path="data.sql.tier"
                    help="General Purpose or Business Critical (zone redundancy free on Business Critical)."
                    options=vec![("general_purpose", "General Purpose"), ("business_critical", "Business Critical")]
                    get=|s| enum_id(&s.data.sql.tier)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.data.sql.tier = x } } />
                <NumberField label="SQL vCores" unit="vCores" path="data.sql.vcores" integer=true
                    help="Gen5 vCores of each database."
                    get=|s| s.data.sql.vcores as f64 set=|s, v| s.data.sql.vcores = v as u32 />
                <NumberField label="SQL storage" unit="GB" path="data.sql.storage_gb"
                    help="Data stored in each database."
                    get=|s| s.data.sql.storage_gb set=|s, v| s.data.sql.storage_gb = v />
                <CheckField label="SQL zone redundancy" path="data.sql.zone_redundant"
                    help="Zone-redundant database (a surcharge on General Purpose; raises the SLA)."
                    get=|s| s.data.sql.zone_redundant set=|s, v| s.data.sql.zone_redundant = v />
                <NumberField label="Ledger writes" unit="GB/month" path="data.sql.write_gb_per_month"
                    help="Data written to the ledger per month: replicated to the secondary as egress."
                    get=|s| s.data.sql.write_gb_per_month set=|s, v| s.data.sql.write_gb_per_month = v />
            </details>
            <details>
                <summary>"Edge and platform"</summary>
                <SelectField label="Front Door tier" path="edge.front_door_tier"
                    help="Premium adds managed WAF rules and Private Link origins."
                    options=vec![("standard", "Standard"), ("premium", "Premium")]
                    get=|s| enum_id(&s.edge.front_door_tier)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.edge.front_door_tier = x } } />
                <CheckField label="Traffic Manager above Front Door" path="edge.traffic_manager"
                    help="DNS steering for non-HTTP endpoints: adds DNS query and health-check cost, and the DNS TTL to RTO."
                    get=|s| s.edge.traffic_manager set=|s, v| s.edge.traffic_manager = v />
                <NumberField label="DNS queries" unit="million/month" path="edge.dns_queries_millions_per_month"
                    help="Traffic Manager DNS queries per month."
                    get=|s| s.edge.dns_queries_millions_per_month set=|s, v| s.edge.dns_queries_millions_per_month = v />
                <SelectField label="Redis per stamp" path="platform.redis"
                    help="One independent cache per stamp (never geo-linked)."
                    options=vec![("none", "None"), ("standard_c1", "Standard C1"), ("standard_c3", "Standard C3"), ("premium_p1", "Premium P1")]
                    get=|s| enum_id(&s.platform.redis)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.platform.redis = x } } />
                <CheckField label="Zone-redundant Premium Redis" path="platform.redis_zone_redundant"
                    help="One more replica node per Premium cache."
                    get=|s| s.platform.redis_zone_redundant set=|s, v| s.platform.redis_zone_redundant = v />
                <NumberField label="Key Vault operations" unit="million/month per stamp" path="platform.key_vault_operations_millions_per_month"
                    help="Secret and key operations per stamp per month."
                    get=|s| s.platform.key_vault_operations_millions_per_month set=|s, v| s.platform.key_vault_operations_millions_per_month = v />
                <CheckField label="App Configuration (store + replicas)" path="platform.app_configuration"
                    help="One store, replicated to every other stamp's region."
                    get=|s| s.platform.app_configuration set=|s, v| s.platform.app_configuration = v />
                <NumberField label="Log Analytics" unit="GB/day per stamp" path="platform.log_analytics_gb_per_day"
                    help="Log ingestion per stamp per day."
                    get=|s| s.platform.log_analytics_gb_per_day set=|s, v| s.platform.log_analytics_gb_per_day = v />
            </details>
            <details open>
                <summary>"Targets"</summary>
                <NumberField label="RTO" unit="s" path="targets.rto_s"
                    help="Longest acceptable time to recover from the loss of a whole region."
                    get=|s| s.targets.rto_s set=|s, v| s.targets.rto_s = v />
                <NumberField label="RPO" unit="s" path="targets.rpo_s"
                    help="Most data, in seconds of writes, the business accepts losing with a region."
                    get=|s| s.targets.rpo_s set=|s, v| s.targets.rpo_s = v />
                <NumberField label="Availability" unit="%" path="targets.availability_pct"
                    help="Composite availability the design must reach."
                    get=|s| s.targets.availability_pct set=|s, v| s.targets.availability_pct = v />
                <NumberField label="p95 latency" unit="ms" path="targets.latency_p95_ms"
                    help="p95 latency every user geography must get."
                    get=|s| s.targets.latency_p95_ms set=|s, v| s.targets.latency_p95_ms = v />
                <CheckField label="Latency target applies to writes too" path="targets.latency_includes_writes"
                    help="Off: reads only (e.g. search). On: writes that travel to a single write region count too."
                    get=|s| s.targets.latency_includes_writes set=|s, v| s.targets.latency_includes_writes = v />
                <NumberField label="Monthly budget" unit="(0 = none)" path="targets.monthly_budget"
                    help="Tiers above it fail the budget target."
                    get=|s| s.targets.monthly_budget set=|s, v| s.targets.monthly_budget = v />
            </details>
            <details>
                <summary>"Resilience and risk"</summary>
                <NumberField label="Probe interval" unit="s" path="resilience.probe_interval_s"
                    help="Front Door health-probe interval: sets detection time, so RTO."
                    get=|s| s.resilience.probe_interval_s set=|s, v| s.resilience.probe_interval_s = v />
                <NumberField label="Failed samples to flip" unit="" path="resilience.failed_samples_to_flip" integer=true
                    help="Failed probes before an origin is taken out (sample size 4 with 3 successes required = 2)."
                    get=|s| s.resilience.failed_samples_to_flip as f64 set=|s, v| s.resilience.failed_samples_to_flip = v as u32 />
                <SelectField label="Write failover" path="resilience.write_failover"
                    help="Single-writer tiers: the service promotes a new write region, or a person does by runbook."
                    options=vec![("service_managed", "Service-managed"), ("human_gated", "Human-gated (runbook)")]
                    get=|s| enum_id(&s.resilience.write_failover)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.resilience.write_failover = x } } />
                <NumberField label="Service-managed failover" unit="s" path="resilience.service_managed_failover_s"
                    help="Time for a service-managed write-region failover (Cosmos DB documents < 15 min)."
                    get=|s| s.resilience.service_managed_failover_s set=|s, v| s.resilience.service_managed_failover_s = v />
                <NumberField label="Human promotion" unit="s" path="resilience.human_promotion_s"
                    help="Time for a person to promote the write region by runbook."
                    get=|s| s.resilience.human_promotion_s set=|s, v| s.resilience.human_promotion_s = v />
                <NumberField label="Standby scale-out" unit="s" path="resilience.standby_scale_out_s"
                    help="Time for the warm standby to grow to full capacity."
                    get=|s| s.resilience.standby_scale_out_s set=|s, v| s.resilience.standby_scale_out_s = v />
                <NumberField label="Autoscale reaction" unit="s" path="resilience.autoscale_reaction_s"
                    help="How long a capacity shortfall lasts after a region is lost."
                    get=|s| s.resilience.autoscale_reaction_s set=|s, v| s.resilience.autoscale_reaction_s = v />
                <NumberField label="Rebuild (single region)" unit="hours" path="resilience.rebuild_hours"
                    help="Time to rebuild or restore in another region when the only region is lost."
                    get=|s| s.resilience.rebuild_hours set=|s, v| s.resilience.rebuild_hours = v />
                <NumberField label="Async replication lag" unit="s" path="resilience.async_replication_lag_s"
                    help="Single-writer data: writes not yet replicated when the region is lost (RPO)."
                    get=|s| s.resilience.async_replication_lag_s set=|s, v| s.resilience.async_replication_lag_s = v />
                <NumberField label="Multi-write replication lag" unit="s" path="resilience.multi_write_replication_lag_s"
                    help="Replication lag between write regions (RPO of multi-region writes)."
                    get=|s| s.resilience.multi_write_replication_lag_s set=|s, v| s.resilience.multi_write_replication_lag_s = v />
                <NumberField label="Drain after detection" unit="s" path="resilience.drain_s"
                    help="Time for every Front Door edge to stop sending to a dead origin."
                    get=|s| s.resilience.drain_s set=|s, v| s.resilience.drain_s = v />
                <NumberField label="DNS TTL (Traffic Manager)" unit="s" path="resilience.dns_ttl_s"
                    help="Added to RTO where Traffic Manager steers clients by DNS."
                    get=|s| s.resilience.dns_ttl_s set=|s, v| s.resilience.dns_ttl_s = v />
                <NumberField label="SQL ledger replication lag" unit="s" path="resilience.sql_replication_lag_s"
                    help="The failover group's asynchronous lag: the ledger's RPO."
                    get=|s| s.resilience.sql_replication_lag_s set=|s, v| s.resilience.sql_replication_lag_s = v />
                <NumberField label="Backup interval (single region)" unit="min" path="resilience.backup_interval_min"
                    help="Single region restores from geo-redundant backup: its RPO on losing the region."
                    get=|s| s.resilience.backup_interval_min set=|s, v| s.resilience.backup_interval_min = v />
                <NumberField label="Regional outages" unit="per region per year" path="risk.regional_outages_per_year"
                    help="How often a whole region is lost."
                    get=|s| s.risk.regional_outages_per_year set=|s, v| s.risk.regional_outages_per_year = v />
                <NumberField label="Typical outage" unit="hours" path="risk.typical_outage_hours"
                    help="Typical length of a regional outage (the seed's lasted four hours)."
                    get=|s| s.risk.typical_outage_hours set=|s, v| s.risk.typical_outage_hours = v />
                <SelectField label="Outage durations" path="risk.duration_distribution"
                    help="Shape of outage durations in the simulation: long tails matter."
                    options=vec![("fixed", "Fixed"), ("exponential", "Exponential"), ("log_normal", "Log-normal (long tail)")]
                    get=|s| enum_id(&s.risk.duration_distribution)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.risk.duration_distribution = x } } />
                <NumberField label="Log-normal spread (σ)" unit="" path="risk.lognormal_sigma"
                    help="Spread of log-normal outage durations: 0.8 puts one outage in twenty above about 3.7× the typical length."
                    get=|s| s.risk.lognormal_sigma set=|s, v| s.risk.lognormal_sigma = v />
                <NumberField label="Cost of downtime" unit="per hour" path="risk.downtime_cost_per_hour"
                    help="Lost revenue and cost of one hour of full downtime."
                    get=|s| s.risk.downtime_cost_per_hour set=|s, v| s.risk.downtime_cost_per_hour = v />
                <NumberField label="Customer SLA" unit="%" path="risk.customer_sla_pct"
                    help="Monthly availability you promise your customers."
                    get=|s| s.risk.customer_sla_pct set=|s, v| s.risk.customer_sla_pct = v />
                <NumberField label="Revenue under SLA" unit="per month" path="risk.sla_covered_monthly_revenue"
                    help="Monthly fees SLA credits are paid from."
                    get=|s| s.risk.sla_covered_monthly_revenue set=|s, v| s.risk.sla_covered_monthly_revenue = v />
                <NumberField label="Simulated years" unit="years" path="risk.simulated_years" integer=true
                    help="Years in the Monte Carlo (more is smoother and slower)."
                    get=|s| s.risk.simulated_years as f64 set=|s, v| s.risk.simulated_years = v as u32 />
            </details>
            <details>
                <summary>"Latency model"</summary>
                <p class="group-note">"p95 = base + 2 × great-circle distance × route factor ÷ fibre speed, unless you give a measured round trip."</p>
                <NumberField label="Base p95" unit="ms" path="resilience.base_latency_ms"
                    help="Server time plus the access network to the nearest edge: what users next to a stamp see."
                    get=|s| s.resilience.base_latency_ms set=|s, v| s.resilience.base_latency_ms = v />
                <NumberField label="Route factor" unit="× great circle" path="resilience.route_factor"
                    help="Real network routes are longer than the great circle (1.75 reproduces the seed's 250 ms Europe–Singapore)."
                    get=|s| s.resilience.route_factor set=|s, v| s.resilience.route_factor = v />
                <NumberField label="Signal speed in fibre" unit="km/ms" path="resilience.fibre_km_per_ms"
                    help="About two thirds of the speed of light: 200 km per millisecond."
                    get=|s| s.resilience.fibre_km_per_ms set=|s, v| s.resilience.fibre_km_per_ms = v />
                <MeasuredRtts />
            </details>
            <details>
                <summary>"Component SLAs"</summary>
                <p class="group-note">"Defaults from Microsoft's published SLAs (see shared reference); change them to your contract's."</p>
                <NumberField label="Front Door" unit="%" path="resilience.slas.front_door_pct" help="Global band."
                    get=|s| s.resilience.slas.front_door_pct set=|s, v| s.resilience.slas.front_door_pct = v />
                <NumberField label="Traffic Manager" unit="%" path="resilience.slas.traffic_manager_pct" help="Global band, where enabled."
                    get=|s| s.resilience.slas.traffic_manager_pct set=|s, v| s.resilience.slas.traffic_manager_pct = v />
                <NumberField label="App Service" unit="%" path="resilience.slas.app_service_pct" help="In each stamp (serial)."
                    get=|s| s.resilience.slas.app_service_pct set=|s, v| s.resilience.slas.app_service_pct = v />
                <NumberField label="AKS" unit="%" path="resilience.slas.aks_pct" help="In each stamp (serial): 99.95% with zones, Standard tier."
                    get=|s| s.resilience.slas.aks_pct set=|s, v| s.resilience.slas.aks_pct = v />
                <NumberField label="Application Gateway" unit="%" path="resilience.slas.app_gateway_pct" help="In each AKS stamp (serial)."
                    get=|s| s.resilience.slas.app_gateway_pct set=|s, v| s.resilience.slas.app_gateway_pct = v />
                <NumberField label="Redis" unit="%" path="resilience.slas.redis_pct" help="In each stamp (serial)."
                    get=|s| s.resilience.slas.redis_pct set=|s, v| s.resilience.slas.redis_pct = v />
                <NumberField label="Key Vault" unit="%" path="resilience.slas.key_vault_pct" help="In each stamp (serial)."
                    get=|s| s.resilience.slas.key_vault_pct set=|s, v| s.resilience.slas.key_vault_pct = v />
                <NumberField label="App Configuration" unit="%" path="resilience.slas.app_configuration_pct" help="In each stamp (serial), where enabled."
                    get=|s| s.resilience.slas.app_configuration_pct set=|s, v| s.resilience.slas.app_configuration_pct = v />
                <NumberField label="Cosmos DB, one region" unit="%" path="resilience.slas.cosmos_single_region_pct" help="Data band without zones."
                    get=|s| s.resilience.slas.cosmos_single_region_pct set=|s, v| s.resilience.slas.cosmos_single_region_pct = v />
                <NumberField label="Cosmos DB, one region with zones" unit="%" path="resilience.slas.cosmos_single_region_zonal_pct" help="Data band with zones; also the write SLA of single-writer accounts."
                    get=|s| s.resilience.slas.cosmos_single_region_zonal_pct set=|s, v| s.resilience.slas.cosmos_single_region_zonal_pct = v />
                <NumberField label="Cosmos DB, multi-region writes" unit="%" path="resilience.slas.cosmos_multi_region_pct" help="Data band with multi-region writes."
                    get=|s| s.resilience.slas.cosmos_multi_region_pct set=|s, v| s.resilience.slas.cosmos_multi_region_pct = v />
                <NumberField label="SQL Database" unit="%" path="resilience.slas.sql_pct" help="The ledger, without zones."
                    get=|s| s.resilience.slas.sql_pct set=|s, v| s.resilience.slas.sql_pct = v />
                <NumberField label="SQL Database, zone-redundant" unit="%" path="resilience.slas.sql_zone_redundant_pct" help="The ledger, with zones."
                    get=|s| s.resilience.slas.sql_zone_redundant_pct set=|s, v| s.resilience.slas.sql_zone_redundant_pct = v />
            </details>
            <details>
                <summary>"Commercial terms"</summary>
                <NumberField label="Discount" unit="%" path="commercial.discount_pct"
                    help="Negotiated discount (EA/MCA) off every line."
                    get=|s| s.commercial.discount_pct set=|s, v| s.commercial.discount_pct = v />
                <SelectField label="Reservation" path="commercial.reservation"
                    help="Reserved pricing for compute and manual Cosmos DB throughput."
                    options=vec![("none", "None (pay as you go)"), ("one_year", "1 year"), ("three_years", "3 years")]
                    get=|s| enum_id(&s.commercial.reservation)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.commercial.reservation = x } } />
                <NumberField label="Hours per month" unit="h" path="commercial.hours_per_month"
                    help="Billing hours per month (730 is Azure's convention)."
                    get=|s| s.commercial.hours_per_month set=|s, v| s.commercial.hours_per_month = v />
            </details>
        </form>
    }
}
