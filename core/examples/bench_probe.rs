//! What criterion cannot measure, for tests/bench/run: the peak memory of
//! each export (a counting global allocator for the heap, and the process's
//! peak resident set from /proc), the first open of a store in a fresh
//! process, and the fixtures' paths and "now" for the Kotlin and Swift
//! harnesses. One measurement per process, so each starts clean.
//!
//! ```text
//! cargo run --release -p rollsafe-core --example bench_probe -- fixtures
//! cargo run --release -p rollsafe-core --example bench_probe -- peak <export> <days>
//! cargo run --release -p rollsafe-core --example bench_probe -- open-cold <floor|store>
//! ```
//!
//! Prints tab-separated lines; see tests/bench/table.py.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

#[path = "../benches/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rollsafe_core::Store;
use support::exports;

/// The system allocator, counting the bytes live now and at most.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on unchanged to the system allocator; the
// counters are only statistics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is the system allocator's.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        new
    }
}

fn grew(size: usize) {
    let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The process's peak resident set (VmHWM), in bytes.
fn peak_rss() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<usize>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// Runs one export on the fixture of `days` days; prints its time, the Rust
/// heap it added at most, and the process's peak RSS (which also counts
/// SQLite's page cache: SQLite allocates with the C allocator, unseen by
/// the counting one).
fn peak(name: &str, days: u64) {
    let path = support::fixture(days);
    let now = support::end_of(days);
    let store = Store::open(&path).unwrap();
    let backup = (name == "import").then(|| exports::backup(&store, now).into_bytes());
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let started = Instant::now();
    match name {
        "read-every-row" => drop(exports::read_every_row(&path)),
        "backup" => drop(exports::backup(&store, now)),
        "import" => drop(exports::import(backup.as_deref().unwrap_or_default(), now)),
        "fhir" => drop(exports::fhir(&store, now)),
        "csv" => drop(exports::csv(&store)),
        "pdf" => drop(exports::pdf(&store, now)),
        other => panic!("unknown export {other}; one of {:?}", exports::NAMES),
    }
    let elapsed = started.elapsed().as_nanos();
    let heap = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    println!("PEAK\t{name}\t{days}\t{elapsed}\t{heap}\t{}", peak_rss());
}

/// Opens the ten-year store once, the first thing this process does (the
/// file is in the OS cache: "cold" means a fresh process, not a cold disk).
fn open_cold(what: &str) {
    let path = support::fixture(3_650);
    let started = Instant::now();
    match what {
        "floor" => {
            let conn = rusqlite::Connection::open(&path).unwrap();
            for (pragma, value) in [
                ("journal_mode", "WAL"),
                ("synchronous", "FULL"),
                ("foreign_keys", "1"),
                ("temp_store", "2"),
            ] {
                conn.pragma_update(None, pragma, value).unwrap();
            }
            let v: u32 = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap();
            std::hint::black_box(v);
        }
        "store" => drop(std::hint::black_box(Store::open(&path).unwrap())),
        other => panic!("open-cold: floor or store, not {other}"),
    }
    println!("COLD\t{what}\t{}", started.elapsed().as_nanos());
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["fixtures"] => {
            for days in [365, 3_650] {
                let path = support::fixture(days);
                println!(
                    "FIXTURE\t{days}\t{}\t{}",
                    path.display(),
                    support::end_of(days).to_rfc3339()
                );
            }
        }
        ["peak", name, days] => peak(name, days.parse().unwrap()),
        ["open-cold", what] => open_cold(what),
        _ => {
            eprintln!(
                "usage: bench_probe fixtures | peak <export> <days> | open-cold <floor|store>"
            );
            std::process::exit(2);
        }
    }
}
