//! The exports of one fixed log, byte for byte: the files in
//! `tests/exports/expected/` are what Rust, Kotlin and Swift must all produce
//! from `tests/exports/input.backup.json` at the same moment, so Android and
//! iOS share identical output.
//!
//! After a deliberate change of an export, regenerate the expected files
//! with `ROLLSAFE_UPDATE_GOLDEN=1 cargo test -p rollsafe-core --test
//! golden_exports` and review the diff. The input is the demo log of the
//! frozen schema-v1 fixture, exported once.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use std::path::{Path, PathBuf};

use chrono::DateTime;
use rollsafe_core::export::csv::{CsvOptions, files};
use rollsafe_core::export::fhir::{FhirOptions, bundle};
use rollsafe_core::export::{Period, Privacy, Sections};
use rollsafe_core::report::{ReportOptions, pdf};
use rollsafe_core::{Moment, Store};

/// The moment every golden export is made at.
fn now() -> Moment {
    DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").unwrap()
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/exports")
}

fn updating() -> bool {
    std::env::var_os("ROLLSAFE_UPDATE_GOLDEN").is_some()
}

/// Compares `actual` with the expected file `name`, or writes it when updating.
fn golden(name: &str, actual: &[u8]) {
    let path = dir().join("expected").join(name);
    if updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; regenerate with ROLLSAFE_UPDATE_GOLDEN=1",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from {}; if the change is deliberate, regenerate with ROLLSAFE_UPDATE_GOLDEN=1",
        path.display()
    );
}

fn input() -> Vec<u8> {
    let path = dir().join("input.backup.json");
    if updating() {
        let fixture =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.sqlite3");
        let copy = tempfile::tempdir().unwrap();
        let db = copy.path().join("log.sqlite3");
        std::fs::copy(fixture, &db).unwrap();
        let store = Store::open(&db).unwrap();
        let mut text = store.export_backup(None, now()).unwrap();
        // The migration draws a new pseudonym key each time; the input keeps
        // the one it has, so regenerating changes only what changed.
        let key_of = |text: &str| {
            serde_json::from_str::<serde_json::Value>(text).unwrap()["pseudonym_key"]
                .as_str()
                .map(str::to_owned)
        };
        let kept = std::fs::read_to_string(&path).ok().and_then(|t| key_of(&t));
        if let (Some(kept), Some(drawn)) = (kept, key_of(&text)) {
            text = text.replace(&drawn, &kept);
        }
        std::fs::write(&path, text).unwrap();
    }
    std::fs::read(&path).unwrap()
}

fn restored() -> Store {
    let store = Store::open_in_memory().unwrap();
    store.import_backup(&input(), now()).unwrap();
    store
}

#[test]
fn the_backup_of_the_restored_log_is_the_input() {
    let store = restored();
    let backup = store.export_backup(None, now()).unwrap();
    assert!(
        backup.as_bytes() == input().as_slice(),
        "the backup of the restored log differs from tests/exports/input.backup.json"
    );
}

#[test]
fn the_fhir_bundle_is_fixed() {
    let store = restored();
    golden(
        "fhir.json",
        bundle(&store, &FhirOptions::everything(), now())
            .unwrap()
            .as_bytes(),
    );
}

#[test]
fn the_csv_files_are_fixed() {
    let store = restored();
    let options = CsvOptions {
        period: Period::everything(),
        sections: Sections::ALL,
        privacy: Privacy::default(),
        utf8_bom: false,
    };
    for file in files(&store, &options).unwrap() {
        golden(&format!("csv/{}", file.name), file.contents.as_bytes());
    }
}

#[test]
fn the_pdf_report_is_fixed() {
    let store = restored();
    golden(
        "report.pdf",
        &pdf(&store, &ReportOptions::default(), now()).unwrap(),
    );
}
