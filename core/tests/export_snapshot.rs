//! Each export reads the log in one snapshot: a writer in another connection
//! (as a second process or the app's own background work would be) commits
//! between the export's reads, and no export may disagree with itself.
//!
//! The writer adds a device and at once a session on it, over and over,
//! while exports are made from another store on the same file. An export
//! that read the devices before a commit and the sessions after it would
//! list a session of a device it does not list (CSV), or count more sessions
//! than its devices say they had (FHIR).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod support;

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::TimeDelta;
use rollsafe_core::export::csv::{CsvFile, CsvOptions, files};
use rollsafe_core::export::fhir::{FhirOptions, bundle};
use rollsafe_core::export::{Period, Privacy, Sections};
use rollsafe_core::{BodyZone, DeviceKind, Store};
use serde_json::Value;
use support::{add_device, at, session};

/// The most exports made while the writer runs (both kinds each round). On
/// reads in separate transactions the first disagreement came within the
/// first 60 rounds in each of five runs.
const ROUNDS: usize = 150;

/// Device-and-session pairs the writer commits, one hour apart.
const WRITES: i64 = 300;

fn column<'a>(file: &'a CsvFile, name: &str) -> Vec<&'a str> {
    let mut lines = file.contents.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let index = header.iter().position(|h| *h == name).unwrap();
    lines.map(|l| l.split(',').nth(index).unwrap()).collect()
}

fn csv_disagreement(store: &Store) -> Option<String> {
    let options = CsvOptions {
        period: Period::everything(),
        sections: Sections::ALL,
        privacy: Privacy::default(),
        utf8_bom: false,
    };
    let files = files(store, &options).unwrap();
    let named = |name: &str| files.iter().find(|f| f.name == name).unwrap();
    let devices: HashSet<&str> = column(named("devices.csv"), "device_id")
        .into_iter()
        .collect();
    column(named("sessions.csv"), "device_id")
        .into_iter()
        .find(|d| !devices.contains(d))
        .map(|d| format!("sessions.csv names device {d}, which devices.csv lacks"))
}

fn fhir_disagreement(store: &Store, now: rollsafe_core::Moment) -> Option<String> {
    let json: Value =
        serde_json::from_str(&bundle(store, &FhirOptions::everything(), now).unwrap()).unwrap();
    let resources: Vec<&Value> = json["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .collect();
    let procedures = resources
        .iter()
        .filter(|r| r["resourceType"] == "Procedure")
        .count();
    let counted: u64 = resources
        .iter()
        .filter(|r| r["resourceType"] == "Device")
        .flat_map(|d| d["property"].as_array().into_iter().flatten())
        .filter(|p| p["type"]["coding"][0]["code"] == "uses-total")
        .map(|p| p["valueQuantity"][0]["value"].as_u64().unwrap())
        .sum();
    (procedures as u64 != counted)
        .then(|| format!("{procedures} Procedures but the Devices count {counted} sessions"))
}

#[test]
fn an_export_never_disagrees_with_itself_while_another_connection_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    let exporter = Store::open(&path).unwrap();
    let writer = Store::open(&path).unwrap();
    let start = at("2026-03-01T08:00:00+01:00");
    // A few hundred devices and sessions: enough commits to land between
    // the reads of many exports, few enough that each export stays quick.
    let end = start + TimeDelta::hours(WRITES);
    let done = AtomicBool::new(false);
    let found = std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut when = start;
            while !done.load(Ordering::SeqCst) && when < end {
                let device = add_device(&writer, DeviceKind::Roller, 0.25, "Roller", when);
                let new = session(device, &[BodyZone::Cheeks], when);
                let to_acknowledge: Vec<String> = writer
                    .check_session(&new.plan, when)
                    .unwrap()
                    .to_acknowledge()
                    .map(|f| f.code.code().to_owned())
                    .collect();
                writer.record_session(new, &to_acknowledge, when).unwrap();
                when += TimeDelta::hours(1);
            }
            done.store(true, Ordering::SeqCst);
        });
        let mut found = Vec::new();
        let mut rounds = 0;
        for round in 0..ROUNDS {
            if done.load(Ordering::SeqCst) {
                break;
            }
            rounds += 1;
            found.extend(csv_disagreement(&exporter));
            found.extend(fhir_disagreement(&exporter, end));
            if !found.is_empty() {
                found.push(format!("in round {round}"));
                break;
            }
        }
        done.store(true, Ordering::SeqCst);
        (found, rounds)
    });
    let (found, rounds) = found;
    assert!(found.is_empty(), "{found:?}");
    // The exports really ran while the writer wrote.
    assert!(rounds >= 20, "only {rounds} exports overlapped the writes");
}
