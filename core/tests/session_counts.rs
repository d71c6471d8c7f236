//! A device's wear reads the count of its sessions that the database keeps
//! (schema v2 triggers) instead of counting them at every read. These tests
//! hold that count to the sessions themselves after every kind of write:
//! recording, editing a session onto another device, deleting, a head
//! change, importing a backup, and as of a moment before the latest session.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod support;

use chrono::TimeDelta;
use rollsafe_core::{BodyZone, DeviceId, DeviceKind, Moment, NewSession, Store};

use support::{add_device, at};

/// Every blocker the sessions below may meet: the tests are about counting.
const ACKNOWLEDGED: [&str; 3] = [
    "interval_not_elapsed",
    "device_not_cleaned",
    "device_due_for_replacement",
];

fn session(device_id: DeviceId, when: Moment) -> NewSession {
    support::session(device_id, &[BodyZone::Thighs], when)
}

fn record(store: &Store, device_id: DeviceId, when: Moment) -> rollsafe_core::SessionId {
    let ack = ACKNOWLEDGED.map(String::from);
    store
        .record_session(session(device_id, when), &ack, when)
        .unwrap()
        .value
        .session
        .id
}

/// Checks every device's wear as of `now` against the sessions listed.
fn assert_counts_agree(store: &Store, now: Moment, what: &str) {
    let sessions = store.sessions().unwrap();
    for device in store.devices().unwrap() {
        let overview = store.device_overview(device.id, now).unwrap();
        let listed = sessions
            .iter()
            .filter(|s| s.device_id == device.id && s.at <= now)
            .count();
        assert_eq!(
            overview.wear.total_uses as usize, listed,
            "{what}: total uses of {}",
            device.nickname
        );
    }
}

#[test]
fn the_kept_count_follows_every_write_and_every_moment() {
    let store = Store::open_in_memory().unwrap();
    let start = at("2026-03-01T08:00:00+01:00");
    let day = |n: i64| start + TimeDelta::days(n);
    let roller = add_device(&store, DeviceKind::Roller, 0.25, "Roller", start);
    let stamp = add_device(&store, DeviceKind::Stamp, 0.25, "Stamp", start);
    assert_counts_agree(&store, day(0), "no sessions yet");

    let ids: Vec<_> = (1..=5).map(|n| record(&store, roller, day(n))).collect();
    record(&store, stamp, day(6));
    assert_counts_agree(&store, day(7), "after recording");
    assert_counts_agree(&store, day(3), "as of a moment before the latest sessions");

    store
        .edit_session(ids[1], session(stamp, day(2)), day(8))
        .unwrap();
    assert_counts_agree(&store, day(8), "after moving a session to another device");

    store.delete_session(ids[2], day(9)).unwrap();
    assert_counts_agree(&store, day(9), "after deleting a session");

    store.record_head_change(roller, day(9), day(9)).unwrap();
    record(&store, roller, day(10));
    let overview = store.device_overview(roller, day(10)).unwrap();
    assert_eq!(overview.wear.uses, 1, "the new head has been used once");
    assert_eq!(
        overview.wear.total_uses, 4,
        "3 on the old head, 1 on the new"
    );
    assert_counts_agree(&store, day(10), "after a head change");

    let backup = store.export_backup(None, day(11)).unwrap();
    let restored = Store::open_in_memory().unwrap();
    restored.import_backup(backup.as_bytes(), day(11)).unwrap();
    assert_counts_agree(&restored, day(11), "restored from a backup");
    restored.import_backup(backup.as_bytes(), day(11)).unwrap();
    assert_counts_agree(&restored, day(11), "after importing the same backup twice");
    for device in store.devices().unwrap() {
        assert_eq!(
            restored.device_overview(device.id, day(11)).unwrap().wear,
            store.device_overview(device.id, day(11)).unwrap().wear,
            "the restored wear of {} equals the original's",
            device.nickname
        );
    }
}
