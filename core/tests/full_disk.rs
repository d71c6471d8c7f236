//! A disk that fills up refuses the change and keeps the log: after the
//! store is closed on a full disk (its last checkpoint cut short, the main
//! file shorter than its header says) and space is freed, the log reopens
//! with everything committed, and nothing is moved aside.
//!
//! The disk is a small tmpfs mounted inside a private mount namespace
//! (`unshare --mount`, as root, which CI is), which vanishes with the
//! child: this test binary run again.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod support;

use chrono::TimeDelta;
use rollsafe_core::{DeviceKind, Error, Store};
use std::fs;
use support::{add_device, at, soak};

const CHILD: &str = "ROLLSAFE_FULL_DISK_CHILD";

/// In the child, on the small disk.
#[test]
fn full_disk_child() {
    let Ok(dir) = std::env::var(CHILD) else {
        return; // Run only as the child of the test below.
    };
    let dir = std::path::Path::new(&dir);
    let path = dir.join("log.sqlite3");
    // Leave the log about 400 KB: a few hundred cleanings.
    let filler = dir.join("photos.bin");
    fs::write(&filler, vec![7_u8; 1_600 * 1024]).unwrap();
    let start = at("2026-03-01T10:00:00+01:00");
    let store = Store::open(&path).unwrap();
    let device = add_device(&store, DeviceKind::Roller, 0.25, "Roller", start);
    let mut committed = 0;
    let refusal = loop {
        let when = start + TimeDelta::minutes(committed);
        match store.record_cleaning(soak(device, when), when) {
            Ok(_) => committed += 1,
            Err(e) => break e,
        }
        assert!(committed < 1_000_000, "the disk never filled");
    };
    assert!(
        matches!(refusal, Error::Full),
        "expected Full, got {refusal}"
    );
    drop(store); // Its closing checkpoint runs out of space too.
    fs::remove_file(&filler).unwrap();

    let reopened = Store::open(&path).unwrap_or_else(|e| panic!("reopening failed: {e}"));
    let kept = reopened.cleanings(device).unwrap().len() as i64;
    assert_eq!(kept, committed, "every committed cleaning is there");
    drop(reopened);
    let check: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let aside = support::moved_aside(dir);
    assert!(aside.is_empty(), "moved aside: {aside:?}");
    println!("full disk: {committed} cleanings kept");
}

#[test]
fn a_log_closed_on_a_full_disk_reopens_whole_once_space_is_freed() {
    if std::env::var(CHILD).is_ok() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().display().to_string();
    let output = support::run_in_private_mount(
        &format!("mount -t tmpfs -o size=2m tmpfs '{folder}'"),
        "full_disk_child",
        CHILD,
        &folder,
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("full disk: "),
        "child failed: {stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
