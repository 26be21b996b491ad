//! Mutation fuzzing of the three parsers a user can feed: the price-sheet
//! CSV, the scenario JSON and the share-link decoder. Every run must return
//! (Ok or a typed error with a message), never panic.
//!
//! cargo-fuzz needs a nightly toolchain, which this project's machines cannot
//! fetch, so this is a seeded mutation fuzzer in plain Rust: it starts from
//! valid inputs (the shipped sheet's rows, every preset, their share links)
//! and flips, deletes, duplicates and splices bytes. `FUZZ_RUNS` sets the
//! runs per parser: 20,000 by default (the test suite), 1,000,000 in
//! `scripts/fuzz.sh` (release build; figures in docs/robustness.md).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use planner::engine::presets::{self, PRESETS};
use planner::engine::risk::SplitMix64;
use planner::engine::{share, PriceSheet};

fn runs() -> u64 {
    std::env::var("FUZZ_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000)
}

/// Characters that matter to the parsers, for insertions.
const INTERESTING: &[u8] = b",\"\n\r\t{}[]:.-+eE0123456789 \\/=_#sABC\xef\xbb\xbf\xff\x00";

/// One random mutation of `input` (a few edits, sometimes a splice with `other`).
fn mutate(rng: &mut SplitMix64, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    let edits = 1 + rng.next_u64() % 4;
    for _ in 0..edits {
        let len = out.len().max(1) as u64;
        let at = (rng.next_u64() % len) as usize;
        match rng.next_u64() % 7 {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << (rng.next_u64() % 8);
            }
            1 if !out.is_empty() => {
                let end = (at + 1 + (rng.next_u64() % 16) as usize).min(out.len());
                out.drain(at.min(out.len())..end);
            }
            2 => {
                let c = INTERESTING[(rng.next_u64() as usize) % INTERESTING.len()];
                out.insert(at.min(out.len()), c);
            }
            3 => out.truncate(at),
            4 if !out.is_empty() => {
                let end = (at + 1 + (rng.next_u64() % 32) as usize).min(out.len());
                let chunk = out[at.min(out.len())..end].to_vec();
                let to = (rng.next_u64() as usize) % (out.len() + 1);
                out.splice(to..to, chunk);
            }
            5 if !other.is_empty() => {
                let from = (rng.next_u64() as usize) % other.len();
                let end = (from + 1 + (rng.next_u64() % 64) as usize).min(other.len());
                let to = (rng.next_u64() as usize) % (out.len() + 1);
                out.splice(to..to, other[from..end].iter().copied());
            }
            _ => {
                let b = (rng.next_u64() & 0xff) as u8;
                out.insert(at.min(out.len()), b);
            }
        }
    }
    out
}

/// A few rows of the shipped sheet: small inputs keep each run fast.
fn sheet_seeds() -> Vec<Vec<u8>> {
    let lines: Vec<&str> = presets::DEFAULT_SHEET_CSV.lines().collect();
    let header = lines[0];
    (0..8)
        .map(|i| {
            let rows: Vec<&str> = lines.iter().skip(1 + i * 37).take(6).copied().collect();
            format!("{header}\n{}\n", rows.join("\n")).into_bytes()
        })
        .collect()
}

fn scenario_seeds() -> Vec<Vec<u8>> {
    PRESETS
        .iter()
        .map(|(_, _, json)| json.as_bytes().to_vec())
        .collect()
}

fn link_seeds() -> Vec<Vec<u8>> {
    PRESETS
        .iter()
        .map(|(id, _, _)| share::encode(&presets::preset(id).unwrap()).into_bytes())
        .collect()
}

fn fuzz(name: &str, seeds: &[Vec<u8>], seed: u64, mut run: impl FnMut(&[u8])) {
    let mut rng = SplitMix64::new(seed);
    let n = runs();
    let started = std::time::Instant::now();
    for i in 0..n {
        let a = &seeds[(i as usize) % seeds.len()];
        let b = &seeds[((i as usize) + 1) % seeds.len()];
        let input = mutate(&mut rng, a, b);
        run(&input);
    }
    eprintln!(
        "fuzz {name}: {n} runs, no panic, {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn the_price_sheet_parser_never_panics_and_names_where_it_failed() {
    let seeds = sheet_seeds();
    for s in &seeds {
        assert!(PriceSheet::parse("seed.csv", std::str::from_utf8(s).unwrap()).is_ok());
    }
    let mut rejected = 0u64;
    fuzz("price sheet", &seeds, 1, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        if let Err(e) = PriceSheet::parse("fuzz.csv", &text) {
            rejected += 1;
            let message = e.to_string();
            assert!(message.starts_with("fuzz.csv, line "), "{message}");
            assert!(!e.message.is_empty());
        }
    });
    assert!(rejected > 0, "the mutations reached the error paths");
}

#[test]
fn the_scenario_json_reader_never_panics() {
    let seeds = scenario_seeds();
    let mut rejected = 0u64;
    fuzz("scenario JSON", &seeds, 2, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        if let Err(e) = share::from_json(&text) {
            rejected += 1;
            assert!(
                e.to_string().contains("cannot be read") || e.to_string().contains("larger"),
                "{e}"
            );
        }
    });
    assert!(rejected > 0);
}

#[test]
fn the_share_link_decoder_never_panics() {
    let seeds = link_seeds();
    for s in &seeds {
        assert!(share::decode(std::str::from_utf8(s).unwrap()).is_ok());
    }
    let mut rejected = 0u64;
    fuzz("share link", &seeds, 3, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        if let Err(e) = share::decode(&text) {
            rejected += 1;
            assert!(!e.to_string().is_empty());
        }
    });
    assert!(rejected > 0);
}
