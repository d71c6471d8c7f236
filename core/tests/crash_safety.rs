//! Crashes lose nothing: a child process writes through the public API in a
//! loop and is killed with SIGKILL at arbitrary moments. After each kill the
//! store reopens, `PRAGMA integrity_check` is ok, and every write the child
//! reported as committed is there.
//!
//! The child is this test binary run again with `ROLLSAFE_CRASH_CHILD` set.
//! `ROLLSAFE_CRASH_KILLS` sets the number of kills (default 200; the long run
//! in the README uses 2,000).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use chrono::{DateTime, TimeDelta};
use rollsafe_core::{CleaningMethod, DeviceKind, NewCleaning, NewDevice, Store};

const CHILD: &str = "ROLLSAFE_CRASH_CHILD";

/// In the child: write forever, printing each id once its change committed.
#[test]
fn crash_child_writer() {
    let Ok(path) = std::env::var(CHILD) else {
        return; // Run only as the child of the test below.
    };
    let store = Store::open(&path).expect("the child opens the store");
    let start = DateTime::parse_from_rfc3339("2026-03-01T10:00:00+01:00").unwrap();
    let device = match store.devices().unwrap().first() {
        Some(d) => d.id,
        None => {
            store
                .add_device(NewDevice::simple(DeviceKind::Roller, 0.25, "Roller"), start)
                .unwrap()
                .value
                .id
        }
    };
    let stdout = std::io::stdout();
    for i in 0_i64.. {
        let at = start + TimeDelta::seconds(i);
        let cleaning = NewCleaning {
            device_id: device,
            at,
            method: CleaningMethod::IsopropylSoak,
            soak_minutes: Some(20),
        };
        let recorded = store.record_cleaning(cleaning, at).unwrap().value;
        let mut out = stdout.lock();
        writeln!(out, "{}", recorded.id).unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn sigkill_at_random_moments_loses_no_committed_write() {
    if std::env::var(CHILD).is_ok() {
        return;
    }
    let kills: usize = std::env::var("ROLLSAFE_CRASH_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.sqlite3");
    let exe = std::env::current_exe().unwrap();
    let mut committed: Vec<String> = Vec::new();
    let mut seed: u64 = 0x5eed_cafe;
    for round in 0..kills {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let wait = Duration::from_micros(2_000 + (seed >> 33) % 40_000);
        let mut child = Command::new(&exe)
            .args([
                "crash_child_writer",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.len() == 36 {
                    let _ = tx.send(line);
                }
            }
        });
        // Wait for its first committed write (on a loaded machine starting a
        // process can take longer than the whole random wait), let it write
        // for a random while, then kill it without warning.
        if let Ok(first) = rx.recv_timeout(Duration::from_secs(60)) {
            committed.push(first);
        }
        thread::sleep(wait);
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        reader.join().unwrap();
        committed.extend(rx.try_iter());

        let store =
            Store::open(&path).unwrap_or_else(|e| panic!("round {round}: reopen failed: {e}"));
        // On a loaded machine the first child may be killed before it has
        // even added its device: then nothing was committed, and nothing is
        // expected back.
        let stored: std::collections::HashSet<String> = match store.devices().unwrap().first() {
            Some(device) => store
                .cleanings(device.id)
                .unwrap()
                .into_iter()
                .map(|c| c.cleaning.id.to_string())
                .collect(),
            None => std::collections::HashSet::new(),
        };
        drop(store);
        let conn = rusqlite::Connection::open(&path).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}: integrity check");
        drop(conn);
        for id in &committed {
            assert!(
                stored.contains(id),
                "round {round}: committed write {id} is missing"
            );
        }
    }
    eprintln!(
        "crash safety: {kills} kills, {} committed writes checked after each, none lost",
        committed.len()
    );
    assert!(committed.len() >= kills, "the child wrote between kills");
}
