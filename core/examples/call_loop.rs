//! Runs one everyday call in a loop on the benchmark fixtures, for a
//! profiler rather than a clock: on a shared machine wall-clock times swing,
//! while callgrind's instruction counts repeat exactly. The README's
//! Performance section quotes counts taken this way:
//!
//! ```text
//! cargo build --release -p rollsafe-core --example call_loop
//! valgrind --tool=callgrind target/release/examples/call_loop today 365 30
//! valgrind --tool=callgrind target/release/examples/call_loop today 365 0   # the open alone
//! valgrind --tool=callgrind target/release/examples/call_loop record 200
//! ```
//!
//! `today <days> <calls>`: the home screen on the fixture of `days` days;
//! `record <calls>`: one recorded session a day on a fresh store, as in the
//! criterion benchmark.

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

use std::hint::black_box;
use std::process::ExitCode;

use rollsafe_core::Store;
use support::session;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["today", days, calls] => match (days.parse(), calls.parse()) {
            (Ok(days), Ok(calls)) => {
                today(days, calls);
                ExitCode::SUCCESS
            }
            _ => usage(),
        },
        ["record", calls] => match calls.parse() {
            Ok(calls) => {
                record(calls);
                ExitCode::SUCCESS
            }
            Err(_) => usage(),
        },
        _ => usage(),
    }
}

fn today(days: u64, calls: u32) {
    let store = Store::open(support::fixture(days)).unwrap();
    let now = support::end_of(days);
    for _ in 0..calls {
        black_box(store.today(now).unwrap());
    }
}

fn record(calls: i64) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("store.sqlite3")).unwrap();
    let device = session::add_roller(&store);
    for day in 1..=calls {
        session::record_day(&store, device, day);
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: call_loop today <days> <calls> | call_loop record <calls>");
    ExitCode::from(2)
}
