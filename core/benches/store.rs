//! Criterion benchmarks of the core against floors measured in the same run:
//! a bare rusqlite open with the same pragmas, and a bare one-row insert in
//! one transaction with the same durability.
//!
//! `cargo bench -p rollsafe-core --bench store`

mod support;

use std::hint::black_box;

use chrono::TimeDelta;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rollsafe_core::{BodyZone, DeviceKind, NewDevice, NewSession, PreChecks, SessionPlan, Store};
use rusqlite::Connection;

fn pragmas(conn: &Connection) {
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    conn.pragma_update(None, "temp_store", 2).unwrap();
}

fn open(c: &mut Criterion) {
    let ten_years = support::fixture(3_650);
    let mut group = c.benchmark_group("open ten-year store");
    group.bench_function("floor: rusqlite open + pragmas", |b| {
        b.iter(|| {
            let conn = Connection::open(&ten_years).unwrap();
            pragmas(&conn);
            let v: u32 = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap();
            black_box(v)
        })
    });
    group.bench_function("Store::open (warm)", |b| {
        b.iter(|| black_box(Store::open(&ten_years).unwrap()))
    });
    group.finish();
}

fn record(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("record a session");
    let floor_path = dir.path().join("floor.sqlite3");
    let conn = Connection::open(&floor_path).unwrap();
    pragmas(&conn);
    conn.execute_batch(
        "CREATE TABLE s (id TEXT PRIMARY KEY, device TEXT, at_ms INTEGER, at_offset_s INTEGER,
                         needle REAL, zone TEXT, recorded_ms INTEGER) STRICT;",
    )
    .unwrap();
    let mut n = 0_i64;
    group.bench_function("floor: bare insert in one transaction", |b| {
        b.iter(|| {
            n += 1;
            let conn_tx = conn.unchecked_transaction().unwrap();
            conn_tx
                .execute(
                    "INSERT INTO s VALUES (?1, 'd', ?2, 3600, 0.25, 'cheeks', ?2)",
                    rusqlite::params![format!("{n:036}"), n],
                )
                .unwrap();
            conn_tx.commit().unwrap();
        })
    });
    let store = Store::open(dir.path().join("store.sqlite3")).unwrap();
    let start = support::start();
    let device = store
        .add_device(NewDevice::simple(DeviceKind::Roller, 0.25, "Roller"), start)
        .unwrap()
        .value
        .id;
    // One session a day, as people use the app, so the 30-day window the
    // re-assessment reads stays realistic however many iterations run.
    let mut day = 0_i64;
    group.bench_function("record_session (verdict, write, re-assessment)", |b| {
        b.iter(|| {
            day += 1;
            let now = start + TimeDelta::days(day);
            let plan = SessionPlan {
                device_id: device,
                zones: vec![BodyZone::Thighs],
                needle_length_mm: None,
                products: vec![],
                pre_checks: PreChecks::ALL_CLEAR,
            };
            let session = NewSession {
                plan,
                at: now,
                passes: None,
                pain: None,
                notes: None,
            };
            // Acknowledge whatever the rules say, so every call writes.
            let ack = [
                "interval_not_elapsed",
                "device_not_cleaned",
                "device_due_for_replacement",
            ]
            .map(String::from);
            black_box(store.record_session(session, &ack, now).unwrap())
        })
    });
    group.finish();
}

fn home_screen(c: &mut Criterion) {
    let mut group = c.benchmark_group("home screen (verdict per device + assessment + reminders)");
    for days in [365_u64, 3_650] {
        let store = Store::open(support::fixture(days)).unwrap();
        let now = support::end_of(days);
        let devices = store.devices().unwrap();
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{days} days")),
            &days,
            |b, _| {
                b.iter(|| {
                    for device in &devices {
                        let plan = SessionPlan {
                            device_id: device.id,
                            zones: vec![BodyZone::Cheeks],
                            needle_length_mm: device
                                .is_adjustable()
                                .then_some(device.needle_length_mm),
                            products: vec![],
                            pre_checks: PreChecks::ALL_CLEAR,
                        };
                        black_box(store.check_session(&plan, now).unwrap());
                    }
                    black_box(store.assess(now).unwrap());
                    black_box(store.reminders(now).unwrap())
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, open, record, home_screen);
criterion_main!(benches);
