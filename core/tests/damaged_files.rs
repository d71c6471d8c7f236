//! Files RollSafe cannot use: each gives a clear typed error, and nothing the
//! user recorded is deleted or overwritten.

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

fn expect_damaged(path: &Path, original: &[u8]) {
    let err = Store::open(path)
        .err()
        .expect("a damaged file must be refused");
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
    {
        let store = Store::open(&path).unwrap();
        for n in 0..200 {
            store.add_device(roller(n), now()).unwrap();
        }
    }
    let mut bytes = fs::read(&path).unwrap();
    assert!(bytes.len() > 8 * 4096, "the log spans several pages");
    // Scribble over the middle of a page full of devices: the header and the
    // file's length stay as they were, so only reading the pages can tell.
    let page = bytes.len() / 4096 - 2;
    for byte in &mut bytes[page * 4096 + 8..page * 4096 + 2048] {
        *byte = 0x5a;
    }
    fs::write(&path, &bytes).unwrap();
    expect_damaged(&path, &bytes);
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
