//! Criterion benchmarks of the everyday calls, each against a floor measured
//! in the same run: opening the ten-year store (floor: a bare rusqlite open
//! with the same pragmas), recording a session (floor: a bare one-row insert
//! in one transaction with the same durability), the home screen
//! (`Store::today`) on the one- and ten-year fixtures (its "floor" is the
//! one-year figure: the cost must not grow with history), and the check of
//! a plan on an in-memory store (the Rust side of the FFI floor that the
//! Kotlin and Swift harnesses time through the bindings).
//!
//! `cargo bench -p rollsafe-core --bench store`; `tests/bench/run` runs it
//! with the other harnesses and prints one table.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs,
    reason = "measuring code (criterion_main! makes an undocumented main): the workspace lints are for the shipped code"
)]

mod support;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rollsafe_core::Store;
use rusqlite::Connection;

use support::session;

fn pragmas(conn: &Connection) {
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    conn.pragma_update(None, "temp_store", 2).unwrap();
}

fn open(c: &mut Criterion) {
    let ten_years = support::fixture(3_650);
    let mut group = c.benchmark_group("open");
    group.bench_function("floor", |b| {
        b.iter(|| {
            let conn = Connection::open(&ten_years).unwrap();
            pragmas(&conn);
            let v: u32 = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap();
            black_box(v)
        })
    });
    group.bench_function("Store::open", |b| {
        b.iter(|| black_box(Store::open(&ten_years).unwrap()))
    });
    group.finish();
}

fn record(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("record");
    let floor_path = dir.path().join("floor.sqlite3");
    let conn = Connection::open(&floor_path).unwrap();
    pragmas(&conn);
    conn.execute_batch(
        "CREATE TABLE s (id TEXT PRIMARY KEY, device TEXT, at_ms INTEGER, at_offset_s INTEGER,
                         needle REAL, zone TEXT, recorded_ms INTEGER) STRICT;",
    )
    .unwrap();
    let mut n = 0_i64;
    group.bench_function("floor", |b| {
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
    let device = session::add_roller(&store);
    let mut day = 0_i64;
    group.bench_function("Store::record_session", |b| {
        b.iter(|| {
            day += 1;
            session::record_day(&store, device, day);
        })
    });
    group.finish();
}

fn today(c: &mut Criterion) {
    let mut group = c.benchmark_group("today");
    for days in [365_u64, 3_650] {
        let store = Store::open(support::fixture(days)).unwrap();
        let now = support::end_of(days);
        group.bench_with_input(BenchmarkId::new("Store::today", days), &days, |b, _| {
            b.iter(|| black_box(store.today(now).unwrap()))
        });
    }
    group.finish();
}

/// The Rust side of the FFI floor: the same check the Kotlin and Swift
/// harnesses pass across the boundary (a plan with a string and lists in, a
/// verdict with strings and lists out), on an in-memory store.
fn check(c: &mut Criterion) {
    let store = Store::open_in_memory().unwrap();
    let device = session::add_roller(&store);
    let plan = session::plan(device);
    let now = support::start();
    let mut group = c.benchmark_group("check");
    group.bench_function("Store::check_session", |b| {
        b.iter(|| black_box(store.check_session(black_box(&plan), now).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, open, record, today, check);
criterion_main!(benches);
