//! The exports the benchmarks time and weigh, one function each, so the
//! criterion bench (core/benches/exports.rs) and the peak-memory probe
//! (core/examples/bench_probe.rs) run exactly the same work.

use std::hint::black_box;

use rollsafe_core::export::csv::{self, CsvOptions};
use rollsafe_core::export::fhir::{self, FhirOptions};
use rollsafe_core::export::{Period, Privacy, Sections};
use rollsafe_core::report::{self, ReportOptions};
use rollsafe_core::{Moment, Store};
use rusqlite::Connection;
use rusqlite::types::ValueRef;

/// The exports, by the name the harnesses and the table use.
pub const NAMES: [&str; 6] = ["read-every-row", "backup", "import", "fhir", "csv", "pdf"];

/// The floor of every export: reading every row of every table of the
/// fixture at `path` with rusqlite, touching each value, nothing decoded.
pub fn read_every_row(path: &std::path::Path) -> usize {
    let conn = Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut bytes = 0;
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..columns {
                bytes += match row.get_ref(i).unwrap() {
                    ValueRef::Text(t) | ValueRef::Blob(t) => t.len(),
                    _ => 8,
                };
            }
        }
    }
    black_box(bytes)
}

/// The JSON backup of the whole log.
pub fn backup(store: &Store, now: Moment) -> String {
    store.export_backup(None, now).unwrap()
}

/// Restores `backup` into a fresh in-memory store.
pub fn import(backup: &[u8], now: Moment) -> Store {
    let store = Store::open_in_memory().unwrap();
    black_box(store.import_backup(backup, now).unwrap());
    store
}

/// The FHIR R4 bundle of everything.
pub fn fhir(store: &Store, now: Moment) -> String {
    fhir::bundle(store, &FhirOptions::everything(), now).unwrap()
}

/// The CSV files of everything.
pub fn csv(store: &Store) -> Vec<csv::CsvFile> {
    let options = CsvOptions {
        period: Period::everything(),
        sections: Sections::ALL,
        privacy: Privacy::default(),
        utf8_bom: false,
    };
    csv::files(store, &options).unwrap()
}

/// The dermatologist's PDF report of the whole log, A4, every section (the
/// goal: ten years in under 0.5 s and 50 MB peak).
pub fn pdf(store: &Store, now: Moment) -> Vec<u8> {
    report::pdf(store, &ReportOptions::default(), now).unwrap()
}
