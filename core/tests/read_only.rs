//! A log in a folder that cannot be written (a read-only mount) gives the
//! typed `ReadOnly` error, and the file is left exactly as it was.
//!
//! Permission bits do not stop root, who runs CI, so the folder is made
//! read-only the way a full or protected volume is: a read-only bind mount,
//! inside a private mount namespace (`unshare --mount`) that vanishes with
//! the child process. The child is this test binary run again.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod support;

use chrono::DateTime;
use rollsafe_core::{DeviceKind, Error, NewDevice, Store};

const CHILD: &str = "ROLLSAFE_READ_ONLY_CHILD";

/// In the child, inside the read-only mount: opening must be refused.
#[test]
fn read_only_child() {
    let Ok(dir) = std::env::var(CHILD) else {
        return; // Run only as the child of the test below.
    };
    let dir = std::path::Path::new(&dir);
    for name in ["existing.sqlite3", "new.sqlite3", "leftover-wal.sqlite3"] {
        match Store::open(dir.join(name)) {
            Err(Error::ReadOnly { .. }) => println!("{name}: read-only"),
            Err(other) => panic!("{name}: expected ReadOnly, got {other}"),
            Ok(_) => panic!("{name}: opened a store in a read-only folder"),
        }
    }
}

#[test]
fn a_store_in_a_read_only_folder_is_refused_and_left_untouched() {
    if std::env::var(CHILD).is_ok() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("existing.sqlite3");
    {
        let store = Store::open(&existing).unwrap();
        let now = DateTime::parse_from_rfc3339("2026-03-01T10:00:00+01:00").unwrap();
        store
            .add_device(NewDevice::simple(DeviceKind::Roller, 0.25, "Roller"), now)
            .unwrap();
    }
    // A log whose last changes are still in its -wal (its app was killed),
    // left on the volume as it became read-only.
    let leftover = dir.path().join("leftover-wal.sqlite3");
    {
        let store = Store::open(&leftover).unwrap();
        let now = DateTime::parse_from_rfc3339("2026-03-01T10:00:00+01:00").unwrap();
        store
            .add_device(NewDevice::simple(DeviceKind::Roller, 0.25, "Roller"), now)
            .unwrap();
        std::mem::forget(store); // Never closed: the WAL is not folded in.
    }
    let wal = dir.path().join("leftover-wal.sqlite3-wal");
    assert!(
        std::fs::metadata(&wal).unwrap().len() > 0,
        "the WAL holds the change"
    );
    let _ = std::fs::remove_file(dir.path().join("leftover-wal.sqlite3-shm"));
    let wal_before = std::fs::read(&wal).unwrap();
    let before = std::fs::read(&existing).unwrap();
    let folder = dir.path().display().to_string();
    let output = support::run_in_private_mount(
        &format!("mount --bind '{folder}' '{folder}' && mount -o remount,bind,ro '{folder}'"),
        "read_only_child",
        CHILD,
        &folder,
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "child failed: {stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("existing.sqlite3: read-only"), "{stdout}");
    assert!(stdout.contains("new.sqlite3: read-only"), "{stdout}");
    assert!(
        stdout.contains("leftover-wal.sqlite3: read-only"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read(&wal).unwrap(),
        wal_before,
        "the WAL is unchanged"
    );
    assert_eq!(
        std::fs::read(&existing).unwrap(),
        before,
        "the file is unchanged"
    );
    assert!(
        !dir.path().join("new.sqlite3").exists(),
        "nothing was created"
    );
}
