//! Size and time of the dermatologist's PDF for one and ten years of daily
//! use (the benchmark fixtures: 6 devices, a soak before and after each
//! session, about 100 symptom reports a year). Run in release:
//!
//! `cargo run --release -p rollsafe-core --example pdf_figures`
//!
//! Writes the PDFs to `target/pdf-figures/` to look at.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

#[allow(dead_code)]
#[path = "../benches/support/mod.rs"]
mod support;

use std::time::Instant;

use rollsafe_core::Store;
use rollsafe_core::report::{ReportOptions, pdf};

fn main() {
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/pdf-figures");
    std::fs::create_dir_all(&out).unwrap();
    for days in [365, 3650] {
        let store = Store::open(support::fixture(days)).unwrap();
        let now = support::end_of(days);
        let sessions = store.sessions().unwrap().len();
        let options = ReportOptions::default();
        let mut times = Vec::new();
        let mut bytes = Vec::new();
        for _ in 0..5 {
            let started = Instant::now();
            bytes = pdf(&store, &options, now).unwrap();
            times.push(started.elapsed().as_secs_f64());
        }
        rollsafe_core::sorting::sort_by(&mut times, f64::total_cmp);
        let path = out.join(format!("daily-{days}-days.pdf"));
        std::fs::write(&path, &bytes).unwrap();
        println!(
            "{days} days ({sessions} sessions): {} bytes, median {:.3} s (min {:.3}, max {:.3}) -> {}",
            bytes.len(),
            times[2],
            times[0],
            times[4],
            path.display()
        );
    }
}
