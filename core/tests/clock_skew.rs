//! Clocks that disagree: a caller whose clock jumps back and forth, or two
//! processes with different clocks writing one log, do not announce the same
//! rise again; a real new rise is still announced while a clock is behind.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rollsafe_core::{
    Alert, AlertKind, AlertListener, BodyZone, DeviceKind, Moment, NewSymptomReport, ReportKind,
    Store,
};
use support::{add_device, at, session, soak};

/// Counts the rises it is told about.
#[derive(Default)]
struct Rises(AtomicUsize);

impl AlertListener for Rises {
    fn on_alert(&self, _alert: &Alert) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

const T: &str = "2026-03-01T09:00:00+01:00";
/// Two days after the session at `T`: it was not followed by a cleaning.
const T_2D: &str = "2026-03-03T09:00:00+01:00";
/// An hour after the session: not yet a missed cleaning.
const T_1H: &str = "2026-03-01T10:00:00+01:00";
/// Five weeks on: the session is out of the 30-day lookback, and the device
/// not yet due for replacement (42 days).
const T_5W: &str = "2026-04-05T09:00:00+01:00";

/// A log with one device and one session at `T`, not cleaned after: as time
/// passes beyond a day, the preventive risk rises ("missing after-use
/// cleaning"); beyond the lookback it falls again.
fn log_with_a_session(store: &Store) -> Arc<Rises> {
    let rises = Arc::new(Rises::default());
    store.add_alert_listener(rises.clone());
    let device = add_device(
        store,
        DeviceKind::Roller,
        0.25,
        "Roller",
        at("2026-03-01T08:00:00+01:00"),
    );
    store
        .record_cleaning(
            soak(device, at("2026-03-01T08:10:00+01:00")),
            at("2026-03-01T08:40:00+01:00"),
        )
        .unwrap();
    store
        .record_session(session(device, &[BodyZone::Cheeks], at(T)), &[], at(T))
        .unwrap();
    rises
}

fn preventive_rises(store: &Store) -> usize {
    store
        .alert_history()
        .unwrap()
        .iter()
        .filter(|a| a.rising && a.kind == AlertKind::Preventive)
        .count()
}

fn refresh(store: &Store, now: &str) -> Vec<Alert> {
    store.refresh_alerts(at(now)).unwrap()
}

#[test]
fn a_clock_back_then_forward_does_not_announce_the_rise_again() {
    let store = Store::open_in_memory().unwrap();
    let rises = log_with_a_session(&store);
    assert_eq!(refresh(&store, T_2D).iter().filter(|a| a.rising).count(), 1);
    for _ in 0..3 {
        refresh(&store, T_1H); // the clock goes back
        refresh(&store, T_2D); // and forward again
    }
    assert_eq!(
        preventive_rises(&store),
        1,
        "{:#?}",
        store.alert_history().unwrap()
    );
    assert_eq!(
        rises.0.load(Ordering::SeqCst),
        1,
        "the listener heard one rise"
    );
}

#[test]
fn a_clock_ahead_then_back_does_not_announce_the_rise_again() {
    let store = Store::open_in_memory().unwrap();
    let rises = log_with_a_session(&store);
    refresh(&store, T_2D);
    for _ in 0..3 {
        refresh(&store, T_5W); // a clock five weeks ahead: the session left the lookback
        refresh(&store, T_2D); // back to the right time
    }
    assert_eq!(
        preventive_rises(&store),
        1,
        "{:#?}",
        store.alert_history().unwrap()
    );
    assert_eq!(rises.0.load(Ordering::SeqCst), 1);
}

#[test]
fn two_processes_with_different_clocks_announce_the_rise_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite");
    let ahead = Store::open(&path).unwrap();
    let rises = log_with_a_session(&ahead);
    let right = Store::open(&path).unwrap();
    right.add_alert_listener(rises.clone());
    for _ in 0..3 {
        refresh(&right, T_2D);
        refresh(&ahead, T_5W);
    }
    let behind = Store::open(&path).unwrap();
    behind.add_alert_listener(rises.clone());
    for _ in 0..3 {
        refresh(&behind, T_1H);
        refresh(&right, T_2D);
    }
    assert_eq!(
        preventive_rises(&right),
        1,
        "{:#?}",
        right.alert_history().unwrap()
    );
    assert_eq!(rises.0.load(Ordering::SeqCst), 1);
}

fn fever(when: Moment) -> NewSymptomReport {
    NewSymptomReport {
        at: when,
        kind: ReportKind::Report,
        zones: vec![BodyZone::Cheeks],
        around_eye: false,
        symptoms: vec![],
        overall_severity: 3,
        pus: None,
        temperature_c: Some(38.5),
        trend: None,
        notes: None,
        photos: vec![],
        session_id: None,
    }
}

#[test]
fn a_real_new_rise_is_announced_while_the_clock_is_behind() {
    let store = Store::open_in_memory().unwrap();
    let rises = log_with_a_session(&store);
    refresh(&store, T_2D);
    refresh(&store, T_5W);
    refresh(&store, T_2D);
    assert_eq!(rises.0.load(Ordering::SeqCst), 1);

    // A fever reported with the clock behind the latest time seen: a new
    // triage rise, announced.
    let changed = store
        .record_symptom_report(fever(at(T_2D)), at(T_2D))
        .unwrap();
    let rise = changed.alerts.iter().find(|a| a.rising).expect("a rise");
    assert_eq!(rise.kind, AlertKind::Triage);
    assert_eq!(rise.to_level, "red");
    // The device shared: a preventive rise for a new reason, announced too.
    let device = store.devices().unwrap()[0].id;
    let shared = store.set_device_shared(device, true, at(T_2D)).unwrap();
    assert!(
        shared
            .alerts
            .iter()
            .any(|a| a.rising && a.kind == AlertKind::Preventive),
        "{:#?}",
        store.alert_history().unwrap()
    );
    assert_eq!(rises.0.load(Ordering::SeqCst), 3);
}
