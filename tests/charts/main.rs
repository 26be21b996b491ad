//! Charts drawn to SVG and checked for what a person would see: legend
//! entries, money and percentage labels, bar counts, markers, and that edge
//! cases draw without failing.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../common/mod.rs"]
mod common;
mod data;
mod edge_cases;
mod per_chart;
mod svg;
