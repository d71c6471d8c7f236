//! A log opened by a relative path stays the same log when the process
//! changes its working folder (alone in its test binary: the working folder
//! belongs to the whole process).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use chrono::DateTime;
use rollsafe_core::{DeviceKind, NewDevice, Store};

#[test]
fn a_log_opened_by_a_relative_path_survives_a_change_of_folder() {
    let now = DateTime::parse_from_rfc3339("2026-03-01T10:00:00+01:00").unwrap();
    let home = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    std::env::set_current_dir(home.path()).unwrap();
    let store = Store::open("log.sqlite3").unwrap();
    std::env::set_current_dir(elsewhere.path()).unwrap();
    let added = store.add_device(NewDevice::simple(DeviceKind::Roller, 0.25, "Roller"), now);
    assert!(added.is_ok(), "{added:?}");
    assert_eq!(store.devices().unwrap().len(), 1);
    assert!(!elsewhere.path().join("log.sqlite3").exists());
}
