//! Many threads read and write one store on disk at once for a sustained
//! run: no "database is locked" reaches a caller, nothing deadlocks (the run
//! has a deadline), no record is lost or duplicated, and the log's
//! invariants hold afterwards.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant, UNIX_EPOCH};

use rollsafe_ffi::*;

const THREADS: usize = 8;
const ROUNDS: u64 = 30;
const DEADLINE: Duration = Duration::from_secs(120);

fn at(step: u64) -> Moment {
    Moment {
        instant: UNIX_EPOCH + Duration::from_secs(1_772_323_200 + step * 60),
        utc_offset_seconds: 3600,
    }
}

fn device(n: usize) -> NewDevice {
    NewDevice {
        kind: DeviceKind::Roller,
        needle_length_mm: 0.25,
        needle_length_max_mm: None,
        needle_count: None,
        material: NeedleMaterial::Titanium,
        nickname: format!("Roller {n}"),
        brand: None,
        first_use_date: None,
        shared: false,
    }
}

/// One worker: its own device, cleanings and acknowledged sessions, with reads
/// of everything in between. Returns the ids it was told were committed.
fn work(store: Arc<RollSafeStore>, n: usize) -> Result<(Vec<String>, Vec<String>), RollSafeError> {
    let dev = store.add_device(device(n), at(0))?.device.id;
    let mut cleanings = Vec::new();
    let mut sessions = Vec::new();
    for round in 1..=ROUNDS {
        let now = at(round * 10 + n as u64);
        cleanings.push(
            store
                .record_cleaning(
                    NewCleaning {
                        device_id: dev.clone(),
                        at: now,
                        method: CleaningMethod::IsopropylSoak,
                        soak_minutes: Some(20),
                    },
                    now,
                )?
                .cleaning
                .id,
        );
        let plan = SessionPlan {
            device_id: dev.clone(),
            zones: vec![BodyZone::Thighs],
            needle_length_mm: None,
            products: vec![],
            pre_checks: PreChecks::ALL_CLEAR,
        };
        // Another thread may record on the same region between this check and
        // the recording, so acknowledge the blockers that can appear meanwhile.
        let verdict = store.check_session(plan.clone(), now)?;
        let mut acknowledge: Vec<String> =
            verdict.findings.iter().map(|f| f.code.clone()).collect();
        acknowledge.extend(
            [
                "interval_not_elapsed",
                "interval_before_later_session",
                "device_not_cleaned",
                "device_due_for_replacement",
            ]
            .map(String::from),
        );
        let session = NewSession {
            plan,
            at: now,
            passes: None,
            pain: None,
            notes: None,
        };
        sessions.push(store.record_session(session, acknowledge, now)?.session.id);
        store.devices()?;
        store.sessions()?;
        store.assess(now)?;
        store.reminders(now)?;
    }
    Ok((cleanings, sessions))
}

#[test]
fn eight_threads_share_one_store_without_locks_losses_or_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite3").display().to_string();
    let store = RollSafeStore::open(path.clone()).unwrap();
    let started = Instant::now();
    let (tx, rx) = mpsc::channel();
    for n in 0..THREADS {
        let store = Arc::clone(&store);
        let tx = tx.clone();
        thread::spawn(move || {
            let _ = tx.send(work(store, n));
        });
    }
    drop(tx);
    let mut committed_cleanings = Vec::new();
    let mut committed_sessions = Vec::new();
    for _ in 0..THREADS {
        let left = DEADLINE.saturating_sub(started.elapsed());
        let result = rx
            .recv_timeout(left)
            .expect("a worker missed the deadline: deadlock?");
        let (cleanings, sessions) =
            result.unwrap_or_else(|e| panic!("a caller saw an error: {e:?}"));
        committed_cleanings.extend(cleanings);
        committed_sessions.extend(sessions);
    }
    let elapsed = started.elapsed();
    drop(store);

    let store = RollSafeStore::open(path).unwrap();
    let devices = store.devices().unwrap();
    assert_eq!(devices.len(), THREADS);
    let stored_sessions: Vec<String> = store
        .sessions()
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    let unique: HashSet<&String> = stored_sessions.iter().collect();
    assert_eq!(unique.len(), stored_sessions.len(), "no duplicated session");
    assert_eq!(
        stored_sessions.len(),
        committed_sessions.len(),
        "no lost or extra session"
    );
    for id in &committed_sessions {
        assert!(
            unique.contains(id),
            "session {id} was committed but is missing"
        );
    }
    let stored_cleanings: HashSet<String> = devices
        .iter()
        .flat_map(|d| store.cleanings(d.id.clone()).unwrap())
        .map(|c| c.cleaning.id)
        .collect();
    assert_eq!(stored_cleanings.len(), committed_cleanings.len());
    assert!(
        committed_cleanings
            .iter()
            .all(|c| stored_cleanings.contains(c))
    );
    for d in &devices {
        let overview = store.device_overview(d.id.clone(), at(10_000)).unwrap();
        assert_eq!(
            overview.total_uses as u64, ROUNDS,
            "each device used once per round"
        );
    }
    let operations = THREADS as u64 * ROUNDS * 7;
    eprintln!(
        "concurrency: {THREADS} threads, {operations} operations in {:.1} s, nothing lost or duplicated",
        elapsed.as_secs_f64()
    );
}
