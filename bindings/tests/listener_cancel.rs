//! Cancelling a listener while other threads are delivering alerts: once
//! `cancel()` returns the listener is never called again, and a listener may
//! cancel itself or another one from inside `on_alert` without deadlocking.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, UNIX_EPOCH};

use rollsafe_ffi::{
    Alert, AlertListener, AlertSubscription, DeviceKind, ListenerError, Moment, NeedleMaterial,
    NewDevice, RollSafeStore,
};

const WRITERS: usize = 4;
const ROUNDS: usize = 40;
const LISTENERS_PER_ROUND: usize = 6;
const DEADLINE: Duration = Duration::from_secs(120);

fn moment(step: u64) -> Moment {
    Moment {
        instant: UNIX_EPOCH + Duration::from_secs(1_772_000_000 + step),
        utc_offset_seconds: 3600,
    }
}

fn roller(nickname: String) -> NewDevice {
    NewDevice {
        kind: DeviceKind::Roller,
        needle_length_mm: 0.25,
        needle_length_max_mm: None,
        needle_count: None,
        material: NeedleMaterial::Titanium,
        nickname,
        brand: None,
        first_use_date: None,
        shared: false,
    }
}

/// Counts its calls, and counts as a violation any call that begins after
/// its `cancelled` flag was set (which the test does right after `cancel()`
/// returned). Each call lingers a little, so that calls overlap cancels.
struct Watched {
    cancelled: AtomicBool,
    calls: AtomicUsize,
    late: Arc<AtomicUsize>,
}

impl AlertListener for Watched {
    fn on_alert(&self, _alert: Alert) -> Result<(), ListenerError> {
        if self.cancelled.load(Ordering::SeqCst) {
            self.late.fetch_add(1, Ordering::SeqCst);
        }
        self.calls.fetch_add(1, Ordering::SeqCst);
        thread::sleep(Duration::from_micros(300));
        // A call still running when cancel() returned is as bad as a new one.
        if self.cancelled.load(Ordering::SeqCst) {
            self.late.fetch_add(1, Ordering::SeqCst);
        }
        Ok(())
    }
}

/// Runs `body` on a thread and fails if it has not finished by the deadline.
fn within_deadline<T: Send + 'static>(body: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(body());
    });
    rx.recv_timeout(DEADLINE)
        .expect("finished before the deadline: deadlocked?")
}

#[test]
fn a_cancelled_listener_is_never_called_after_cancel_returns() {
    let late = within_deadline(|| {
        let store = RollSafeStore::open_in_memory().unwrap();
        let late = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let store = Arc::clone(&store);
                let stop = Arc::clone(&stop);
                thread::spawn(move || {
                    let device = store
                        .add_device(roller(format!("Roller {w}")), moment(0))
                        .unwrap()
                        .device
                        .id;
                    let mut step = 1;
                    while !stop.load(Ordering::SeqCst) {
                        for shared in [true, false] {
                            store
                                .set_device_shared(device.clone(), shared, moment(step))
                                .unwrap();
                        }
                        step += 1;
                    }
                })
            })
            .collect();
        let mut total_calls = 0;
        for _ in 0..ROUNDS {
            let watched: Vec<Arc<Watched>> = (0..LISTENERS_PER_ROUND)
                .map(|_| {
                    Arc::new(Watched {
                        cancelled: AtomicBool::new(false),
                        calls: AtomicUsize::new(0),
                        late: Arc::clone(&late),
                    })
                })
                .collect();
            let subscriptions: Vec<Arc<AlertSubscription>> = watched
                .iter()
                .map(|w| Arc::clone(&store).add_alert_listener(w.clone()))
                .collect();
            // Let some rises reach them, then cancel, last registered first:
            // a delivery in progress has the later listeners still ahead.
            while watched
                .iter()
                .map(|w| w.calls.load(Ordering::SeqCst))
                .sum::<usize>()
                == 0
            {
                thread::yield_now();
            }
            for (w, s) in watched.iter().zip(&subscriptions).rev() {
                s.cancel();
                w.cancelled.store(true, Ordering::SeqCst);
            }
            total_calls += watched
                .iter()
                .map(|w| w.calls.load(Ordering::SeqCst))
                .sum::<usize>();
        }
        stop.store(true, Ordering::SeqCst);
        for writer in writers {
            writer.join().unwrap();
        }
        assert!(total_calls >= ROUNDS, "the listeners heard rises");
        late.load(Ordering::SeqCst)
    });
    assert_eq!(late, 0, "calls made or running after cancel() returned");
}

/// Cancels its own subscription from inside its first call.
struct SelfCancelling {
    subscription: Mutex<Option<Arc<AlertSubscription>>>,
    calls: AtomicUsize,
}

impl AlertListener for SelfCancelling {
    fn on_alert(&self, _alert: Alert) -> Result<(), ListenerError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        if let Some(subscription) = self.subscription.lock().unwrap().take() {
            subscription.cancel();
        }
        Ok(())
    }
}

#[test]
fn a_listener_may_cancel_itself_from_inside_on_alert() {
    let calls = within_deadline(|| {
        let store = RollSafeStore::open_in_memory().unwrap();
        let listener = Arc::new(SelfCancelling {
            subscription: Mutex::new(None),
            calls: AtomicUsize::new(0),
        });
        let subscription = Arc::clone(&store).add_alert_listener(listener.clone());
        *listener.subscription.lock().unwrap() = Some(subscription);
        let device = store
            .add_device(roller("Roller".into()), moment(0))
            .unwrap()
            .device
            .id;
        for step in 1..=3 {
            store
                .set_device_shared(device.clone(), true, moment(2 * step))
                .unwrap();
            store
                .set_device_shared(device.clone(), false, moment(2 * step + 1))
                .unwrap();
        }
        listener.calls.load(Ordering::SeqCst)
    });
    assert_eq!(calls, 1, "called once, then cancelled by itself");
}

/// On its first call, cancels the other listener and records a change to the
/// store, from inside `on_alert`.
struct CancelsOther {
    store: Arc<RollSafeStore>,
    device: Mutex<Option<String>>,
    other: Mutex<Option<Arc<AlertSubscription>>>,
}

impl AlertListener for CancelsOther {
    fn on_alert(&self, _alert: Alert) -> Result<(), ListenerError> {
        if let Some(other) = self.other.lock().unwrap().take() {
            other.cancel();
            let device = self.device.lock().unwrap().clone().unwrap();
            self.store
                .set_device_shared(device, false, moment(3))
                .unwrap();
        }
        Ok(())
    }
}

#[test]
fn a_listener_may_cancel_another_and_write_from_inside_on_alert() {
    let other_calls = within_deadline(|| {
        let store = RollSafeStore::open_in_memory().unwrap();
        let first = Arc::new(CancelsOther {
            store: Arc::clone(&store),
            device: Mutex::new(None),
            other: Mutex::new(None),
        });
        let other = Arc::new(Watched {
            cancelled: AtomicBool::new(false),
            calls: AtomicUsize::new(0),
            late: Arc::new(AtomicUsize::new(0)),
        });
        let _first = Arc::clone(&store).add_alert_listener(first.clone());
        *first.other.lock().unwrap() = Some(Arc::clone(&store).add_alert_listener(other.clone()));
        let device = store
            .add_device(roller("Roller".into()), moment(0))
            .unwrap()
            .device
            .id;
        *first.device.lock().unwrap() = Some(device.clone());
        store
            .set_device_shared(device.clone(), true, moment(2))
            .unwrap();
        store.set_device_shared(device, true, moment(4)).unwrap();
        other.calls.load(Ordering::SeqCst)
    });
    assert_eq!(
        other_calls, 0,
        "cancelled before its turn in the first delivery"
    );
}

/// On the thread named `acts_on` only: waits for its partner to be inside
/// its own call too, then cancels the partner's subscription.
struct CancelsPartner {
    acts_on: &'static str,
    together: Arc<std::sync::Barrier>,
    partner: Mutex<Option<Arc<AlertSubscription>>>,
}

impl AlertListener for CancelsPartner {
    fn on_alert(&self, _alert: Alert) -> Result<(), ListenerError> {
        if thread::current().name() == Some(self.acts_on) {
            if let Some(partner) = self.partner.lock().unwrap().take() {
                self.together.wait();
                partner.cancel();
            }
        }
        Ok(())
    }
}

#[test]
fn two_listeners_cancelling_each_other_on_two_threads_do_not_deadlock() {
    within_deadline(|| {
        let store = RollSafeStore::open_in_memory().unwrap();
        let together = Arc::new(std::sync::Barrier::new(2));
        let make = |acts_on| {
            Arc::new(CancelsPartner {
                acts_on,
                together: Arc::clone(&together),
                partner: Mutex::new(None),
            })
        };
        let (x, y) = (make("x"), make("y"));
        let sub_x = Arc::clone(&store).add_alert_listener(x.clone());
        let sub_y = Arc::clone(&store).add_alert_listener(y.clone());
        *x.partner.lock().unwrap() = Some(sub_y);
        *y.partner.lock().unwrap() = Some(sub_x);
        let device = store
            .add_device(roller("Roller".into()), moment(0))
            .unwrap()
            .device
            .id;
        // A preventive rise on one thread, a triage rise on the other: both
        // deliveries run at once, x inside its call on thread x, y on y.
        let on_x = {
            let store = Arc::clone(&store);
            thread::Builder::new()
                .name("x".into())
                .spawn(move || store.set_device_shared(device, true, moment(2)).unwrap())
                .unwrap()
        };
        let on_y = {
            let store = Arc::clone(&store);
            thread::Builder::new()
                .name("y".into())
                .spawn(move || {
                    store
                        .record_symptom_report(
                            rollsafe_ffi::NewSymptomReport {
                                at: moment(1),
                                kind: rollsafe_ffi::ReportKind::Report,
                                zones: vec![rollsafe_ffi::BodyZone::Cheeks],
                                around_eye: false,
                                symptoms: vec![],
                                overall_severity: 3,
                                pus: None,
                                temperature_c: Some(38.5),
                                trend: None,
                                notes: None,
                                photos: vec![],
                                session_id: None,
                            },
                            moment(2),
                        )
                        .unwrap()
                })
                .unwrap()
        };
        assert!(on_x.join().unwrap().alerts.iter().any(|a| a.rising));
        assert!(on_y.join().unwrap().alerts.iter().any(|a| a.rising));
    });
}
