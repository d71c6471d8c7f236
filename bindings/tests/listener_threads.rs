//! The alert listener under threads: changes made on many threads reach the
//! listener on those threads, exactly once per rise, and a listener may call
//! back into the store without deadlocking.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, UNIX_EPOCH};

use rollsafe_ffi::{
    Alert, AlertListener, DeviceKind, ListenerError, Moment, NeedleMaterial, NewDevice,
    RollSafeStore,
};

struct Recorder {
    store: Arc<RollSafeStore>,
    heard: Mutex<Vec<(String, thread::ThreadId)>>,
}

impl AlertListener for Recorder {
    fn on_alert(&self, alert: Alert) -> Result<(), ListenerError> {
        // Calling back into the store from the listener must not deadlock.
        let open = self
            .store
            .open_alerts()
            .expect("the store answers from a listener");
        assert!(open.iter().any(|a| a.id == alert.id));
        self.heard
            .lock()
            .unwrap()
            .push((alert.id, thread::current().id()));
        Ok(())
    }
}

fn moment(step: u64) -> Moment {
    Moment {
        instant: UNIX_EPOCH + Duration::from_secs(1_772_000_000 + step),
        utc_offset_seconds: 3600,
    }
}

#[test]
fn rises_made_on_eight_threads_are_heard_once_each_on_their_threads() {
    let store = RollSafeStore::open_in_memory().unwrap();
    let recorder = Arc::new(Recorder {
        store: Arc::clone(&store),
        heard: Mutex::new(Vec::new()),
    });
    let subscription = Arc::clone(&store).add_alert_listener(recorder.clone());
    let returned: Vec<String> = (0..8)
        .map(|t| {
            let store = Arc::clone(&store);
            thread::spawn(move || {
                let device = store
                    .add_device(
                        NewDevice {
                            kind: DeviceKind::Roller,
                            needle_length_mm: 0.25,
                            needle_length_max_mm: None,
                            needle_count: None,
                            material: NeedleMaterial::Titanium,
                            nickname: format!("Roller {t}"),
                            brand: None,
                            first_use_date: None,
                            shared: false,
                        },
                        moment(0),
                    )
                    .unwrap()
                    .device;
                let mut rises = Vec::new();
                for i in 0..25_u64 {
                    let now = moment(1 + i);
                    for shared in [true, false] {
                        let update = store
                            .set_device_shared(device.id.clone(), shared, now)
                            .unwrap();
                        rises.extend(update.alerts.into_iter().filter(|a| a.rising).map(|a| a.id));
                    }
                }
                rises
            })
        })
        .flat_map(|handle| handle.join().unwrap())
        .collect();
    let heard = recorder.heard.lock().unwrap().clone();
    let heard_ids: Vec<String> = heard.iter().map(|(id, _)| id.clone()).collect();
    assert!(!returned.is_empty(), "some change raised the level");
    let mut sorted_returned = returned.clone();
    rollsafe_core::sorting::sort(&mut sorted_returned);
    let mut sorted_heard = heard_ids.clone();
    rollsafe_core::sorting::sort(&mut sorted_heard);
    assert_eq!(
        sorted_heard, sorted_returned,
        "every rise heard exactly once"
    );
    let threads: HashSet<_> = heard.iter().map(|(_, t)| *t).collect();
    assert!(
        !threads.contains(&thread::current().id()),
        "heard on the changing threads"
    );
    assert!(
        threads.len() >= 2,
        "heard on several threads, got {}",
        threads.len()
    );

    subscription.cancel();
    let before = recorder.heard.lock().unwrap().len();
    let device = store.devices().unwrap()[0].id.clone();
    store
        .set_device_shared(device.clone(), true, moment(100))
        .unwrap();
    store.set_device_shared(device, false, moment(101)).unwrap();
    assert_eq!(
        recorder.heard.lock().unwrap().len(),
        before,
        "a cancelled listener hears nothing"
    );
}
