//! `rollsafe demo` end to end: the real binary, a real file, a fixed clock.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod common;

use std::process::Command;

const NOW: &str = "2026-11-22T09:30:00+01:00";

fn demo(db: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rollsafe"))
        .args(["demo", "--now", NOW, "--db"])
        .arg(db)
        .env_remove(common::PASSPHRASE_VAR)
        .output()
        .expect("the rollsafe binary runs")
}

#[test]
fn the_demo_shows_verdicts_risk_alerts_and_reminders() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let output = demo(&db);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(db.exists(), "the demo writes a real SQLite file");
    let report = dir.path().join("demo-report.pdf");
    common::assert_valid_pdf(&report);
    let size = std::fs::metadata(&report).unwrap().len();
    assert!(
        stdout.ends_with(&format!(
            "The dermatologist's report (PDF, the whole log, A4): {} ({size} bytes)\n",
            report.display()
        )),
        "{stdout}"
    );
    for expected in [
        "Care plan: set by Dr Amara Osei",
        "Face roller   roller        0.25 mm  6 uses, clean for next use, replace now",
        "As far as the log knows. Before you start, RollSafe asks about your skin",
        "Let the scalp rest at least 14 days between sessions",
        "the next is allowed from 2026-12-03",
        "rule care_plan (clinician evidence)",
        "Replace Face roller before the next session",
        "cold sores",
        "Infection risk from how the devices were used (last 30 days): moderate",
        "Sessions where you answered that the device was not cleaned, though the log shows a cleaning since its last use: 2026-11-14",
        "Other risks, apart from infection:",
        "Symptoms: amber",
        "Worse than the previous report",
        "Infection risk rose from low to moderate",
        "Contact your dermatologist",
        "Upcoming reminders",
        "How is your skin now?",
        "not a diagnosis",
        "not medical advice",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
    assert!(
        !stdout.to_lowercase().contains("is sterile"),
        "never claims a device is sterile"
    );
}

#[test]
fn the_demo_never_overwrites_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("my-real-log.sqlite3");
    std::fs::write(&db, b"precious").unwrap();
    let output = demo(&db);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&db).unwrap(), b"precious");

    // Nor the report it would write beside a new store: refused before the
    // store is created.
    let fresh = dir.path().join("fresh.sqlite3");
    let report = dir.path().join("fresh-report.pdf");
    std::fs::write(&report, b"a letter").unwrap();
    let output = demo(&fresh);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("fresh-report.pdf already exists"));
    assert_eq!(std::fs::read(&report).unwrap(), b"a letter");
    assert!(!fresh.exists());
}
