//! A listener that fails is reported through the logging hook (`set_logger`),
//! with a fixed message free of personal data, and the change still succeeds.
//! Its own process: the logger is set for the whole process.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, UNIX_EPOCH};

use rollsafe_ffi::{
    Alert, AlertListener, DeviceKind, ListenerError, LogLevel, Moment, NeedleMaterial, NewDevice,
    RollSafeLogger, RollSafeStore, set_logger,
};

fn moment(step: u64) -> Moment {
    Moment {
        instant: UNIX_EPOCH + Duration::from_secs(1_772_000_000 + step),
        utc_offset_seconds: 3600,
    }
}

/// Keeps every message it is given.
struct Kept(Mutex<Vec<(LogLevel, String)>>);

impl RollSafeLogger for Kept {
    fn log(&self, level: LogLevel, message: String) {
        self.0.lock().unwrap().push((level, message));
    }
}

/// Fails in the way it was made to, counting its calls.
enum Failing {
    Declines(AtomicUsize),
    Panics(AtomicUsize),
}

impl AlertListener for Failing {
    fn on_alert(&self, _alert: Alert) -> Result<(), ListenerError> {
        match self {
            Failing::Declines(calls) => {
                calls.fetch_add(1, Ordering::SeqCst);
                Err(ListenerError::Failed)
            }
            Failing::Panics(calls) => {
                calls.fetch_add(1, Ordering::SeqCst);
                panic!("listener failure on purpose, Secret Roller");
            }
        }
    }
}

#[test]
fn failing_listeners_are_logged_without_personal_data_and_the_change_stands() {
    let kept = Arc::new(Kept(Mutex::new(Vec::new())));
    set_logger(Some(kept.clone()));
    let store = RollSafeStore::open_in_memory().unwrap();
    let declines = Arc::new(Failing::Declines(AtomicUsize::new(0)));
    let panics = Arc::new(Failing::Panics(AtomicUsize::new(0)));
    let _a = Arc::clone(&store).add_alert_listener(declines.clone());
    let _b = Arc::clone(&store).add_alert_listener(panics.clone());
    let device = store
        .add_device(
            NewDevice {
                kind: DeviceKind::Roller,
                needle_length_mm: 0.25,
                needle_length_max_mm: None,
                needle_count: None,
                material: NeedleMaterial::Titanium,
                nickname: "Secret Roller".into(),
                brand: None,
                first_use_date: None,
                shared: false,
            },
            moment(0),
        )
        .unwrap()
        .device
        .id;
    let update = store.set_device_shared(device.clone(), true, moment(1));
    let rise = update.expect("the change succeeds although its listeners failed");
    assert!(rise.alerts.iter().any(|a| a.rising));
    assert!(store.device(device).unwrap().shared, "committed");
    for listener in [&declines, &panics] {
        let (Failing::Declines(calls) | Failing::Panics(calls)) = listener.as_ref();
        assert_eq!(calls.load(Ordering::SeqCst), 1, "each listener was called");
    }

    let messages = kept.0.lock().unwrap().clone();
    assert_eq!(messages.len(), 2, "one message per failure: {messages:?}");
    assert!(
        messages
            .iter()
            .all(|(_, m)| m.contains("an alert listener"))
    );
    assert!(
        messages.iter().all(|(_, m)| !m.contains("Secret")),
        "no personal data, not even the panic's text: {messages:?}"
    );
    assert_eq!(
        messages.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        vec![LogLevel::Warning, LogLevel::Error]
    );

    // Without a logger the failures are still contained.
    set_logger(None);
    store
        .set_device_shared(device_id(&store), false, moment(2))
        .unwrap();
    store
        .set_device_shared(device_id(&store), true, moment(3))
        .unwrap();
    assert_eq!(
        kept.0.lock().unwrap().len(),
        2,
        "nothing logged once removed"
    );
}

fn device_id(store: &RollSafeStore) -> String {
    store.devices().unwrap()[0].id.clone()
}
