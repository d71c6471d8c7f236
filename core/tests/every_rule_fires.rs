//! Every risk factor and triage prompt in the catalogue is seen firing in a
//! shared scenario (run from Rust, Kotlin and Swift): a rule whose code no
//! longer fires anywhere, or a code renamed on one side, fails here.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use std::collections::BTreeSet;

use rollsafe_core::risk::{RiskFactorCode, TriagePromptCode};
use serde_json::Value;

/// Every code some scenario expects under `key` in an `assess` step.
fn expected(key: &str) -> BTreeSet<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/scenarios");
    let mut seen = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let story: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for step in story["steps"].as_array().unwrap() {
            if step["do"] == "assess" {
                for code in step["expect"][key].as_array().into_iter().flatten() {
                    seen.insert(code.as_str().unwrap().to_owned());
                }
            }
        }
    }
    seen
}

#[test]
fn every_triage_prompt_fires_in_a_scenario() {
    let seen = expected("prompts");
    let missing: Vec<_> = TriagePromptCode::ALL
        .iter()
        .map(|c| c.code())
        .filter(|c| !seen.contains(*c))
        .collect();
    assert!(missing.is_empty(), "no scenario expects {missing:?}");
}

#[test]
fn every_risk_factor_fires_in_a_scenario() {
    let seen: BTreeSet<String> = expected("factors")
        .into_iter()
        .chain(expected("other_risks"))
        .collect();
    let missing: Vec<_> = RiskFactorCode::ALL
        .iter()
        .map(|c| c.code())
        .filter(|c| !seen.contains(*c))
        .collect();
    assert!(missing.is_empty(), "no scenario expects {missing:?}");
}
