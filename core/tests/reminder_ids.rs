//! Shells reconcile notifications by id: the same log gives the same ids, a
//! reminder that is done vanishes, and the others keep their ids.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod support;

use chrono::TimeDelta;
use rollsafe_core::{BodyZone, DeviceKind, ReminderKind, Store};

use support::{add_device, at, session, soak};

#[test]
fn the_same_log_gives_the_same_ids_and_done_reminders_vanish() {
    let store = Store::open_in_memory().unwrap();
    let start = at("2026-03-01T20:00:00+01:00");
    let device = add_device(&store, DeviceKind::Roller, 0.25, "Roller", start);
    store.record_cleaning(soak(device, start), start).unwrap();
    let session = session(device, &[BodyZone::Cheeks], start + TimeDelta::hours(1));
    store
        .record_session(session, &[], start + TimeDelta::hours(1))
        .unwrap();
    let now = start + TimeDelta::minutes(70);
    let first = store.reminders(now).unwrap();
    let again = store.reminders(now).unwrap();
    assert_eq!(first, again, "same log, same reminders, same ids");
    let ids: Vec<_> = first.iter().map(|r| r.id.clone()).collect();
    let mut unique = ids.clone();
    rollsafe_core::sorting::sort(&mut unique);
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    assert!(
        first
            .iter()
            .any(|r| r.kind == ReminderKind::CleanAfterSession)
    );

    store.record_cleaning(soak(device, now), now).unwrap();
    let after = store.reminders(now + TimeDelta::minutes(1)).unwrap();
    assert!(
        after
            .iter()
            .all(|r| r.kind != ReminderKind::CleanAfterSession),
        "done: it vanished"
    );
    for r in &after {
        assert!(ids.contains(&r.id), "{} kept its id", r.id);
    }
}
