//! Runs the shared scenarios in `tests/scenarios/` through the public API of
//! `rollsafe-ffi`: the same API, and the same files, that the Kotlin and
//! Swift suites run through the generated bindings.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod scenario_runner;

use std::path::PathBuf;

#[test]
fn every_shared_scenario_holds() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    rollsafe_core::sorting::sort(&mut files);
    assert!(
        files.len() >= 20,
        "expected at least 20 scenarios, found {}",
        files.len()
    );
    let failures: Vec<String> = files
        .iter()
        .filter_map(|file| scenario_runner::run_file(file).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} scenario(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
