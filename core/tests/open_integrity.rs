//! Opening a log never swaps it out: paths that cannot hold a log, sound
//! files that are not RollSafe logs, a file moved while open, a writer that
//! holds the lock, and what a backup of the main file alone holds. Each
//! refusal is typed and leaves the disk as it was.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod support;

use std::fs;
use std::path::Path;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use rollsafe_core::{DeviceKind, Error, Store};
use rusqlite::Connection;
use support::{add_device, at, soak};

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    rollsafe_core::sorting::sort(&mut names);
    names
}

fn expect_path_refused(path: &Path) {
    match Store::open(path) {
        Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "path"),
        Err(other) => panic!("{path:?}: expected InvalidInput(path), got {other:?}"),
        Ok(_) => panic!("{path:?}: opened a store"),
    }
}

#[test]
fn paths_that_cannot_hold_a_log_are_refused_and_nothing_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("log.sqlite3");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("photo.jpg"), b"kept").unwrap();
    let dangling = dir.path().join("link.sqlite3");
    std::os::unix::fs::symlink(dir.path().join("gone.sqlite3"), &dangling).unwrap();
    let before = names_in(dir.path());

    expect_path_refused(&folder);
    expect_path_refused(Path::new(""));
    expect_path_refused(Path::new(":memory:"));
    expect_path_refused(&dir.path().join("missing/log.sqlite3"));
    expect_path_refused(&dangling);

    assert_eq!(names_in(dir.path()), before, "nothing was created or moved");
    assert_eq!(fs::read(folder.join("photo.jpg")).unwrap(), b"kept");
}

fn expect_not_a_log(path: &Path) -> String {
    let before = fs::read(path).unwrap();
    let message = match Store::open(path) {
        Err(e @ Error::NotALog { .. }) => e.to_string(),
        Err(other) => panic!("expected NotALog, got {other:?}"),
        Ok(_) => panic!("opened a file that is not a RollSafe log"),
    };
    assert_eq!(fs::read(path).unwrap(), before, "the file is untouched");
    assert!(message.len() < 200, "a short message: {message}");
    assert!(
        !message.contains("CREATE"),
        "no SQL in the message: {message}"
    );
    message
}

#[test]
fn sound_databases_that_are_not_rollsafe_logs_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();

    let negative = dir.path().join("negative.sqlite3");
    Store::open(&negative).unwrap();
    Connection::open(&negative)
        .unwrap()
        .execute_batch("PRAGMA user_version = -1")
        .unwrap();
    expect_not_a_log(&negative);

    let other_app = dir.path().join("other.sqlite3");
    Connection::open(&other_app)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');")
        .unwrap();
    expect_not_a_log(&other_app);

    let mismatch = dir.path().join("mismatch.sqlite3");
    Store::open(&mismatch).unwrap();
    Connection::open(&mismatch)
        .unwrap()
        .execute_batch("DROP TRIGGER IF EXISTS device_session_counts_on_new_device; DROP TABLE device_session_counts;")
        .unwrap();
    expect_not_a_log(&mismatch);
}

#[test]
fn opening_a_current_log_does_not_wait_for_another_connections_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    let now = at("2026-03-01T10:00:00+01:00");
    add_device(
        &Store::open(&path).unwrap(),
        DeviceKind::Roller,
        0.25,
        "Roller",
        now,
    );

    // Another connection (another process, as far as SQLite can tell) holds
    // the write lock for as long as the open takes.
    let writer = Connection::open(&path).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let (sent, opened) = mpsc::channel();
    let opener = path.clone();
    thread::spawn(move || {
        let outcome = Store::open(&opener).map(|s| s.devices().map(|d| d.len()));
        let _ = sent.send(outcome.map_err(|e| e.to_string()));
    });
    // The store's busy timeout is 10 s: an open that waits for the lock
    // either fails after it or never returns while the lock is held.
    let outcome = opened
        .recv_timeout(Duration::from_secs(8))
        .expect("the open returned while the other write was still going on");
    writer.execute_batch("ROLLBACK").unwrap();
    assert_eq!(outcome.unwrap().unwrap(), 1);
}

#[test]
fn a_store_whose_file_was_moved_refuses_to_write_and_keeps_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    let now = at("2026-03-01T10:00:00+01:00");
    let store = Store::open(&path).unwrap();
    let device = add_device(&store, DeviceKind::Roller, 0.25, "Roller", now);
    store.record_cleaning(soak(device, now), now).unwrap();

    let moved = dir.path().join("elsewhere.sqlite3");
    for suffix in ["", "-wal", "-shm"] {
        let from = format!("{}{suffix}", path.display());
        if Path::new(&from).exists() {
            fs::rename(&from, format!("{}{suffix}", moved.display())).unwrap();
        }
    }
    let later = at("2026-03-01T11:00:00+01:00");
    match store.record_cleaning(soak(device, later), later) {
        Err(Error::Moved { .. }) => {}
        other => panic!("expected Moved, got {other:?}"),
    }
    // A new log at the old path is not the one this store opened either.
    let fresh = Store::open(&path).unwrap();
    assert!(matches!(
        store.record_cleaning(soak(device, later), later),
        Err(Error::Moved { .. })
    ));
    assert!(matches!(store.checkpoint(), Err(Error::Moved { .. })));
    drop(store);
    assert!(
        fresh.devices().unwrap().is_empty(),
        "the new log is its own"
    );
    drop(fresh);
    let kept = Store::open(&moved).unwrap();
    assert_eq!(
        kept.cleanings(device).unwrap().len(),
        1,
        "nothing written after the move"
    );
}

fn cleanings_in_main_file_alone(path: &Path, copy_dir: &Path) -> usize {
    let copy = copy_dir.join("copy.sqlite3");
    let _ = fs::remove_file(&copy);
    fs::copy(path, &copy).unwrap();
    Connection::open(&copy)
        .unwrap()
        .query_row("SELECT COUNT(*) FROM cleanings", [], |r| r.get::<_, i64>(0))
        .unwrap() as usize
}

#[test]
fn after_a_checkpoint_and_after_closing_the_main_file_alone_holds_everything() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    let start = at("2026-03-01T10:00:00+01:00");
    let store = Store::open(&path).unwrap();
    let device = add_device(&store, DeviceKind::Roller, 0.25, "Roller", start);
    for n in 0..30 {
        let when = start + chrono::TimeDelta::minutes(n);
        store.record_cleaning(soak(device, when), when).unwrap();
    }
    // A second connection, as a widget would have, keeps SQLite from
    // folding the WAL in by itself.
    let widget = Store::open(&path).unwrap();
    assert!(store.checkpoint().unwrap(), "the checkpoint completed");
    assert_eq!(cleanings_in_main_file_alone(&path, elsewhere.path()), 30);
    let wal = dir.path().join("log.sqlite3-wal");
    assert_eq!(fs::metadata(&wal).map(|m| m.len()).unwrap_or(0), 0);

    let when = start + chrono::TimeDelta::hours(2);
    store.record_cleaning(soak(device, when), when).unwrap();
    drop(store);
    assert_eq!(
        cleanings_in_main_file_alone(&path, elsewhere.path()),
        31,
        "closing folded the WAL in although the widget stays open"
    );
    drop(widget);
}

#[test]
fn every_file_of_the_log_is_its_owners_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    let now = at("2026-03-01T10:00:00+01:00");
    let store = Store::open(&path).unwrap();
    add_device(&store, DeviceKind::Roller, 0.25, "Roller", now);
    for name in ["log.sqlite3", "log.sqlite3-wal", "log.sqlite3-shm"] {
        let mode = fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name} has mode {:o}", mode & 0o777);
    }
}
