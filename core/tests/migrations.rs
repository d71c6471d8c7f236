//! Every released schema version has a frozen fixture in `tests/fixtures/`
//! (a real log written by that version). Each is upgraded to the current
//! version: every record survives, and the schema equals a fresh store's.
//!
//! When a new schema version is released, add its fixture here
//! (`rollsafe demo --db core/tests/fixtures/schema-vN.sqlite3 --now ...`,
//! then `VACUUM`) and never change an old one.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rollsafe_core::Store;
use rollsafe_core::store::schema::CURRENT_VERSION;
use rusqlite::Connection;

fn fixtures() -> Vec<(u32, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name()?.to_str()?.to_owned();
            let version = name
                .strip_prefix("schema-v")?
                .strip_suffix(".sqlite3")?
                .parse()
                .ok()?;
            Some((version, path))
        })
        .collect();
    rollsafe_core::sorting::sort(&mut found);
    found
}

/// Row counts of every table, and the ids of the main records.
fn contents(conn: &Connection) -> BTreeMap<String, Vec<String>> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables
        .into_iter()
        .map(|table| {
            let has_id = conn
                .prepare(&format!("SELECT id FROM \"{table}\" LIMIT 0"))
                .is_ok();
            let rows: Vec<String> = if has_id {
                conn.prepare(&format!(
                    "SELECT CAST(id AS TEXT) FROM \"{table}\" ORDER BY 1"
                ))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect()
            } else {
                let n: i64 = conn
                    .query_row(&format!("SELECT COUNT(*) FROM \"{table}\""), [], |r| {
                        r.get(0)
                    })
                    .unwrap();
                vec![format!("{n} rows")]
            };
            (table, rows)
        })
        .collect()
}

fn schema(conn: &Connection) -> Vec<(String, String, Option<String>)> {
    conn.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn every_released_schema_upgrades_with_every_record_intact() {
    let fixtures = fixtures();
    assert!(
        fixtures.iter().any(|(v, _)| *v == CURRENT_VERSION),
        "the current schema version {CURRENT_VERSION} needs a frozen fixture"
    );
    let dir = tempfile::tempdir().unwrap();
    let fresh_path = dir.path().join("fresh.sqlite3");
    drop(Store::open(&fresh_path).unwrap());
    let fresh_schema = schema(&Connection::open(&fresh_path).unwrap());

    for (version, fixture) in fixtures {
        let before = contents(&Connection::open(&fixture).unwrap());
        let copy = dir.path().join(format!("v{version}.sqlite3"));
        std::fs::copy(&fixture, &copy).unwrap();
        let store = Store::open(&copy).unwrap_or_else(|e| panic!("v{version}: {e}"));
        assert!(
            !store.devices().unwrap().is_empty(),
            "v{version}: devices readable"
        );
        assert!(
            !store.sessions().unwrap().is_empty(),
            "v{version}: sessions readable"
        );
        let far_future = chrono::DateTime::parse_from_rfc3339("2090-01-01T00:00:00Z").unwrap();
        let sessions = store.sessions().unwrap();
        for device in store.devices().unwrap() {
            assert_eq!(
                store
                    .device_overview(device.id, far_future)
                    .unwrap()
                    .wear
                    .total_uses as usize,
                sessions.iter().filter(|s| s.device_id == device.id).count(),
                "v{version}: the session count kept since v2 agrees with the sessions"
            );
        }
        drop(store);
        let conn = Connection::open(&copy).unwrap();
        let after = contents(&conn);
        for (table, rows) in &before {
            assert_eq!(
                after.get(table),
                Some(rows),
                "v{version}: table {table} survived intact"
            );
        }
        assert_eq!(
            schema(&conn),
            fresh_schema,
            "v{version}: schema equals a fresh store's"
        );
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }
}

#[test]
fn a_care_plan_limit_from_before_version_3_holds_on_every_region() {
    let dir = tempfile::tempdir().unwrap();
    for version in [1, 2] {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/fixtures/schema-v{version}.sqlite3"));
        let global: f64 = Connection::open(&fixture)
            .unwrap()
            .query_row(
                "SELECT max_needle_length_mm FROM care_plans ORDER BY revision DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let copy = dir.path().join(format!("limits-v{version}.sqlite3"));
        std::fs::copy(&fixture, &copy).unwrap();
        let plan = Store::open(&copy).unwrap().care_plan().unwrap().unwrap();
        for region in rollsafe_core::BodyRegion::ALL {
            assert_eq!(
                plan.max_needle_for(region),
                Some(global),
                "v{version} {region:?}"
            );
        }
    }
}
