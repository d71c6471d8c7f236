//! Criterion benchmarks of the exports on the one- and ten-year fixtures:
//! the JSON backup out and back in (into an empty in-memory store), the FHIR
//! bundle, the CSV files and the PDF report, each against the floor of reading every row of
//! the same file with rusqlite. Their peak memory is measured apart, one
//! process per export, by core/examples/bench_probe.rs.
//!
//! `cargo bench -p rollsafe-core --bench exports`; `tests/bench/run` runs it
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
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use rollsafe_core::Store;

use support::exports;

fn export_timings(c: &mut Criterion) {
    let mut group = c.benchmark_group("export");
    // Each call takes milliseconds to a second: ten samples are enough.
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    for days in [365_u64, 3_650] {
        let path = support::fixture(days);
        let store = Store::open(&path).unwrap();
        let now = support::end_of(days);
        let backup = exports::backup(&store, now).into_bytes();
        group.bench_with_input(BenchmarkId::new("floor", days), &days, |b, _| {
            b.iter(|| exports::read_every_row(&path))
        });
        group.bench_with_input(BenchmarkId::new("backup", days), &days, |b, _| {
            b.iter(|| black_box(exports::backup(&store, now)))
        });
        group.bench_with_input(BenchmarkId::new("import", days), &days, |b, _| {
            // Dropping the filled store is not part of the import.
            b.iter_batched(
                || (),
                |()| exports::import(&backup, now),
                BatchSize::PerIteration,
            )
        });
        group.bench_with_input(BenchmarkId::new("fhir", days), &days, |b, _| {
            b.iter(|| black_box(exports::fhir(&store, now)))
        });
        group.bench_with_input(BenchmarkId::new("csv", days), &days, |b, _| {
            b.iter(|| black_box(exports::csv(&store)))
        });
        group.bench_with_input(BenchmarkId::new("pdf", days), &days, |b, _| {
            b.iter(|| black_box(exports::pdf(&store, now)))
        });
    }
    group.finish();
}

criterion_group!(benches, export_timings);
criterion_main!(benches);
