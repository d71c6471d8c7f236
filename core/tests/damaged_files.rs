//! Files RollSafe cannot use: each gives a clear typed error, and nothing the
//! user recorded is deleted or overwritten.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use std::fs;
use std::path::Path;

use chrono::DateTime;
use rollsafe_core::store::OpenOptions;
use rollsafe_core::{DeviceKind, Error, Moment, NewDevice, Store};

fn now() -> Moment {
    DateTime::parse_from_rfc3339("2026-03-01T10:00:00+01:00").unwrap()
}

fn roller(n: usize) -> NewDevice {
    NewDevice::simple(DeviceKind::Roller, 0.25, &format!("Roller {n}"))
}

/// The file at `path` (holding `original`) is found damaged, at open or at
/// the first checkpoint (which the apps make each time they go to the
/// background, and which reads every page): it is moved aside byte for
/// byte, at once or at the next open, and the path is free for a new log.
fn expect_damaged(path: &Path, original: &[u8]) {
    let err = match Store::open(path) {
        Err(err) => err,
        Ok(store) => {
            let found = store
                .checkpoint()
                .expect_err("a damaged file must be refused at open or at the first checkpoint");
            assert!(matches!(found, Error::DamagedInUse { .. }), "{found}");
            drop(store);
            Store::open(path)
                .err()
                .expect("the next open moves the damaged file aside")
        }
    };
    let Error::Damaged { kept_at, .. } = err else {
        panic!("expected Damaged, got {err}");
    };
    assert_eq!(
        fs::read(&kept_at).unwrap(),
        original,
        "the file is kept byte for byte"
    );
    assert!(
        !path.exists(),
        "the damaged file was moved, not copied over"
    );
    let fresh = Store::open(path).expect("the path is free for a new log");
    assert!(fresh.devices().unwrap().is_empty());
}

/// A log of 200 devices, closed cleanly, with the middle of a page near its
/// end scribbled over: the header and the file's length stay as they were,
/// so only reading the pages can tell.
fn log_damaged_inside_a_sound_header(path: &Path) -> Vec<u8> {
    {
        let store = Store::open(path).unwrap();
        for n in 0..200 {
            store.add_device(roller(n), now()).unwrap();
        }
    }
    let mut bytes = fs::read(path).unwrap();
    assert!(bytes.len() > 8 * 4096, "the log spans several pages");
    let page = bytes.len() / 4096 - 2;
    scribble(&mut bytes, page);
    fs::write(path, &bytes).unwrap();
    bytes
}

/// Writes over most of page `page` (0-based), leaving its first 8 bytes.
fn scribble(bytes: &mut [u8], page: usize) {
    for byte in &mut bytes[page * 4096 + 8..page * 4096 + 2048] {
        *byte = 0x5a;
    }
}

/// The first page that holds the nickname `text`: a leaf of the devices
/// table (the indexes hold ids only).
fn page_holding(bytes: &[u8], text: &[u8]) -> usize {
    bytes
        .windows(text.len())
        .position(|w| w == text)
        .map(|at| at / 4096)
        .unwrap()
}

#[test]
fn a_file_that_is_not_sqlite_is_moved_aside_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    let text = b"These are my notes, not a database. ".repeat(10);
    fs::write(&path, &text).unwrap();
    expect_damaged(&path, &text);
}

#[test]
fn a_truncated_database_is_moved_aside_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    {
        let store = Store::open(&path).unwrap();
        for n in 0..200 {
            store.add_device(roller(n), now()).unwrap();
        }
    }
    let whole = fs::read(&path).unwrap();
    let half = &whole[..whole.len() / 2];
    fs::write(&path, half).unwrap();
    expect_damaged(&path, half);
}

#[test]
fn a_database_corrupted_inside_a_sound_header_is_moved_aside_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    let bytes = log_damaged_inside_a_sound_header(&path);
    expect_damaged(&path, &bytes);
}

/// After a clean close the open reads no more than the header and the
/// schema: damage at rest is found as SQLite reads the damaged page, and a
/// change that needs it fails before it writes anything.
#[test]
fn damage_after_a_clean_close_is_found_before_anything_is_written_over_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    {
        let store = Store::open(&path).unwrap();
        for n in 0..200 {
            store.add_device(roller(n), now()).unwrap();
        }
    }
    assert!(
        !dir.path().join("log.sqlite3-wal").exists(),
        "a clean close leaves no -wal"
    );
    // A page of device rows: every change re-assesses, reading each device.
    let mut bytes = fs::read(&path).unwrap();
    let page = page_holding(&bytes, b"Roller 150");
    scribble(&mut bytes, page);
    fs::write(&path, &bytes).unwrap();
    let store = Store::open(&path).expect("a cleanly closed file opens without a full read");
    let refused = store.add_device(roller(999), now());
    assert!(
        matches!(refused, Err(Error::DamagedInUse { .. })),
        "the change that meets the damaged page is refused: {:?}",
        refused.map(|_| ())
    );
    assert_eq!(
        fs::read(&path).unwrap(),
        bytes,
        "nothing was written over it"
    );
    drop(store);
    expect_damaged(&path, &bytes);
}

/// A `-wal` present at open means the last close was not clean (or another
/// connection has the file): then the whole file is read before anything
/// else, and damage is found at open.
#[test]
fn damage_after_an_unclean_close_is_found_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.sqlite3");
    let image = dir.path().join("crashed.sqlite3");
    {
        let store = Store::open(&live).unwrap();
        for n in 0..200 {
            store.add_device(roller(n), now()).unwrap();
        }
        store.checkpoint().unwrap();
        // What a kill leaves behind: the main file and its (here empty) -wal.
        fs::copy(&live, &image).unwrap();
        fs::copy(
            dir.path().join("live.sqlite3-wal"),
            dir.path().join("crashed.sqlite3-wal"),
        )
        .unwrap();
    }
    let mut bytes = fs::read(&image).unwrap();
    let page = bytes.len() / 4096 - 2;
    scribble(&mut bytes, page);
    fs::write(&image, &bytes).unwrap();
    let Err(Error::Damaged { kept_at, .. }) = Store::open(&image) else {
        panic!("damage after an unclean close must be found at open");
    };
    assert_eq!(fs::read(&kept_at).unwrap(), bytes);
}

#[test]
fn a_second_damaged_file_never_overwrites_the_first_kept_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    fs::write(
        &path,
        b"first damaged file, long enough to have a header ...".repeat(3),
    )
    .unwrap();
    let Err(Error::Damaged { kept_at: first, .. }) = Store::open(&path) else {
        panic!("expected Damaged");
    };
    fs::write(
        &path,
        b"second damaged file, also long enough for a header ..".repeat(3),
    )
    .unwrap();
    let Err(Error::Damaged {
        kept_at: second, ..
    }) = Store::open(&path)
    else {
        panic!("expected Damaged");
    };
    assert_ne!(first, second);
    assert!(fs::read(&first).unwrap().starts_with(b"first"));
    assert!(fs::read(&second).unwrap().starts_with(b"second"));
}

#[test]
fn a_full_disk_refuses_the_change_and_keeps_everything_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    let store = Store::open_with(
        &path,
        OpenOptions {
            max_pages: Some(48),
        },
    )
    .unwrap();
    let mut added = 0;
    let err = loop {
        match store.add_device(roller(added), now()) {
            Ok(_) => added += 1,
            Err(e) => break e,
        }
        assert!(added < 100_000, "the size limit never bit");
    };
    assert!(matches!(err, Error::Full), "expected Full, got {err}");
    assert_eq!(
        store.devices().unwrap().len(),
        added,
        "nothing half-written"
    );
    drop(store);
    let reopened = Store::open(&path).unwrap();
    assert_eq!(
        reopened.devices().unwrap().len(),
        added,
        "everything committed survived"
    );
    let conn = rusqlite::Connection::open(&path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

/// The mark a store leaves after meeting damage only asks for a whole read:
/// a file found sound is opened as it is and the mark dropped.
#[test]
fn a_sound_file_with_a_check_due_mark_is_read_whole_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    {
        let store = Store::open(&path).unwrap();
        store.add_device(roller(1), now()).unwrap();
    }
    let mark = dir.path().join("log.sqlite3-check-due");
    fs::write(&mark, b"").unwrap();
    let store = Store::open(&path).expect("a sound file opens");
    assert_eq!(store.devices().unwrap().len(), 1);
    assert!(
        !mark.exists(),
        "the mark is dropped once the file read sound"
    );
}
