#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::engine::presets;
use crate::engine::scenario::Consistency;
use crate::engine::validate::validate;

fn northwind() -> Scenario {
    presets::preset("northwind").expect("the preset")
}

/// The scenario's JSON value at a dotted path.
fn json_at(s: &Scenario, path: &str) -> Option<serde_json::Value> {
    let v = serde_json::to_value(s).expect("a scenario serializes");
    v.pointer(&format!("/{}", path.replace('.', "/"))).cloned()
}

#[test]
fn every_path_is_declared_once() {
    let mut seen = std::collections::BTreeSet::new();
    for i in all() {
        assert!(seen.insert(i.path), "{} is declared twice", i.path);
    }
    for l in lists() {
        assert!(seen.insert(l.list) || l.list == "risk.credit_schedule");
    }
}

#[test]
fn every_entry_reads_and_writes_the_field_its_path_names() {
    let mut s = northwind();
    // Default ranges are left out of the JSON, and so are the pay-as-you-go
    // Log Analytics tier and the default Azure Managed Redis SLA.
    s.ranges.swing_pct = 25.0;
    s.platform.log_analytics_tier = crate::engine::scenario::LogAnalyticsTier::Gb100;
    s.resilience.slas.managed_redis_pct = 99.95;
    for i in all() {
        let json = json_at(&s, i.path).unwrap_or_else(|| panic!("{} is not a field", i.path));
        let mut x = s.clone();
        match i.control {
            Control::Number(n) => {
                assert_eq!(json.as_f64(), Some((n.get)(&s)), "{}", i.path);
                (n.set)(&mut x, 12.0);
                assert_eq!((n.get)(&x), 12.0, "{}", i.path);
                assert_eq!(json_at(&x, i.path).and_then(|v| v.as_f64()), Some(12.0));
            }
            Control::Check(c) => {
                assert_eq!(json.as_bool(), Some((c.get)(&s)), "{}", i.path);
                (c.set)(&mut x, !(c.get)(&s));
                assert_eq!(
                    json_at(&x, i.path).and_then(|v| v.as_bool()),
                    Some(!(c.get)(&s))
                );
            }
            Control::Choice(c) => {
                assert_eq!(json.as_str(), Some((c.get)(&s).as_str()), "{}", i.path);
                // Every option is a value the scenario accepts, and reads back.
                for (value, _) in c.options {
                    (c.set)(&mut x, value);
                    assert_eq!((c.get)(&x), *value, "{}: {value}", i.path);
                }
            }
        }
    }
    for l in lists() {
        for index in 0..(l.count)(&s) {
            let path = l.path(index);
            let json = json_at(&s, &path.replace('[', ".").replace(']', ""));
            assert_eq!(json.and_then(|v| v.as_f64()), (l.get)(&s, index), "{path}");
        }
    }
}

#[test]
fn the_presets_are_inside_every_range() {
    for id in ["northwind", "startup", "enterprise"] {
        let s = presets::preset(id).expect("the preset");
        for i in all() {
            assert_eq!(input_problem(i, &s), None, "{id}: {}", i.path);
        }
    }
}

/// Every bound is said in the displayed unit, and the value too: a stored
/// value just outside the range round-trips through the display scale.
#[test]
fn every_range_message_speaks_the_displayed_unit() {
    let s = northwind();
    for i in all() {
        let Some(n) = i.number() else { continue };
        let (outside, bound) = match n.bounds {
            Bounds::Between(_, max) | Bounds::Positive(max) => (max + 1.0, max),
            Bounds::Among(values) => (values[0] + 1.0, values[0]),
        };
        let mut x = s.clone();
        (n.set)(&mut x, outside / n.scale);
        // Integer fields round through their stored type.
        let typed = (n.get)(&x) * n.scale;
        let message = problem((n.get)(&x), n.scale, n.bounds, i.unit, n.note)
            .unwrap_or_else(|| panic!("{}: {outside} accepted", i.path));
        assert!(message.contains(&shown(bound)), "{}: {message}", i.path);
        let unit = if i.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", i.unit)
        };
        assert!(
            message.ends_with(&format!("it is {}{unit}", shown(typed))),
            "{}: {message}",
            i.path
        );
        // The bounds themselves are accepted.
        if let Bounds::Between(min, max) = n.bounds {
            for edge in [min, max] {
                assert_eq!(
                    problem(edge / n.scale, n.scale, n.bounds, i.unit, n.note),
                    None,
                    "{}: {edge}",
                    i.path
                );
            }
        }
    }
}

#[test]
fn a_percent_field_at_150_says_percent() {
    let mut s = northwind();
    s.workload.edge_cache_hit_ratio = 1.5;
    let regions = presets::default_regions().expect("the region table");
    let errors = validate(&s, &regions);
    let e = errors
        .iter()
        .find(|e| e.field == "workload.edge_cache_hit_ratio")
        .expect("a message");
    assert_eq!(e.message, "must be between 0 and 99 %; it is 150 %");
    for i in all().filter(|i| i.number().is_some_and(|n| n.scale == PERCENT)) {
        let n = i.number().expect("a number");
        let mut x = northwind();
        (n.set)(&mut x, 1.5);
        let m = input_problem(i, &x).unwrap_or_else(|| panic!("{}", i.path));
        assert!(
            m.contains(" %") && m.contains("it is 150 %"),
            "{}: {m}",
            i.path
        );
    }
}

#[test]
fn list_rows_say_their_unit() {
    let mut s = northwind();
    s.regions[0].traffic_share = -0.2;
    let regions = presets::default_regions().expect("the region table");
    let e = validate(&s, &regions);
    assert!(e.iter().any(|e| e.field == "regions[0].traffic_share"
        && e.message == "must be between 0 and 100 % of users; it is -20 % of users"));
}

#[test]
fn inputs_out_of_use_are_not_checked() {
    let mut s = northwind();
    s.compute.aks.enabled = false;
    s.compute.aks.min_nodes = 0;
    assert_eq!(
        input_problem(find("compute.aks.min_nodes").expect("known"), &s),
        None
    );
    s.compute.aks.enabled = true;
    assert!(input_problem(find("compute.aks.min_nodes").expect("known"), &s).is_some());
}

#[test]
fn sql_vcores_are_the_gen5_sizes() {
    let mut s = northwind();
    s.data.sql.enabled = true;
    s.data.sql.vcores = 7;
    let m = input_problem(find("data.sql.vcores").expect("known"), &s).expect("refused");
    assert!(m.starts_with("must be one of 2, 4, 6,"), "{m}");
    assert!(
        m.ends_with("vCores (the Gen5 sizes); it is 7 vCores"),
        "{m}"
    );
    s.data.sql.vcores = 8;
    assert_eq!(
        input_problem(find("data.sql.vcores").expect("known"), &s),
        None
    );
}

#[test]
fn the_consistency_options_are_the_scenario_labels() {
    let Some(Control::Choice(c)) = find("data.consistency").map(|i| i.control) else {
        panic!("data.consistency is a choice");
    };
    let labels: Vec<&str> = c.options.iter().map(|(_, l)| *l).collect();
    let want: Vec<&str> = Consistency::ALL.iter().map(|c| c.label()).collect();
    assert_eq!(labels, want);
    for ((value, _), c) in c.options.iter().zip(Consistency::ALL) {
        assert_eq!(enum_id(&c), *value);
    }
}

#[test]
fn numbers_in_messages_read_as_people_write_them() {
    assert_eq!(shown(10_000_000.0), "10,000,000");
    assert_eq!(shown(1e20), "1e20");
    assert_eq!(shown(0.99 * 100.0), "99");
    assert_eq!(shown(150.0), "150");
    assert_eq!(shown(-5.0), "-5");
    assert_eq!(shown(0.3), "0.3");
    assert_eq!(shown(1.0 / 3.0), "0.333333");
}
