//! Golden files: the `plan --format json` output of the three presets,
//! committed before a refactor so that a reshaping which should change no
//! figure can prove it changed none. A difference fails with the first
//! differing line; after an intended model change, rewrite the files with
//! `GOLDEN_UPDATE=1 cargo test --test golden` and review the diff in git.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::Command;

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// The CLI's JSON for a preset, with the drill date fixed so the output
/// does not depend on the day the test runs.
fn plan_json(preset: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args([
            "--preset",
            preset,
            "--format",
            "json",
            "--today",
            "2026-12-02",
        ])
        .output()
        .expect("plan runs");
    assert!(
        out.status.success(),
        "plan --preset {preset} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn check(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("GOLDEN_UPDATE").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (GOLDEN_UPDATE=1 writes it)", path.display()));
    if expected == actual {
        return;
    }
    let (line, (want, got)) = expected
        .lines()
        .zip(actual.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .map(|(i, p)| (i + 1, p))
        .unwrap_or((
            expected.lines().count().min(actual.lines().count()) + 1,
            ("(end of file)", "(end of file)"),
        ));
    panic!(
        "{name} differs from the golden file at line {line}:\n  golden: {want}\n  now:    {got}\n\
         If the change is intended, rewrite with GOLDEN_UPDATE=1 and review the git diff."
    );
}

#[test]
fn northwind_json_is_unchanged() {
    check("northwind.json", &plan_json("northwind"));
}

#[test]
fn startup_json_is_unchanged() {
    check("startup.json", &plan_json("startup"));
}

#[test]
fn enterprise_json_is_unchanged() {
    check("enterprise.json", &plan_json("enterprise"));
}
