//! The alert listener: a foreign trait the shells implement to be told of a
//! new alert at once, from any thread, and the subscription that keeps it.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex};

use rollsafe_core as core;

use crate::records::Alert;
use crate::store::RollSafeStore;

/// Implemented in Kotlin or Swift to hear about new alerts (rises only), for
/// example to post a notification. Called on the thread that made the change,
/// after it was committed; keep the work short or hand it to another thread.
#[uniffi::export(with_foreign)]
pub trait AlertListener: Send + Sync {
    /// A risk level rose.
    fn on_alert(&self, alert: Alert);
}

/// Adapts a foreign listener to the core. A listener that throws must not
/// turn a committed change into an error, so its failures are contained.
struct Bridge(Arc<dyn AlertListener>);

impl core::AlertListener for Bridge {
    fn on_alert(&self, alert: &core::Alert) {
        let alert = Alert::from(alert.clone());
        let _ = catch_unwind(AssertUnwindSafe(|| self.0.on_alert(alert)));
    }
}

/// A registered listener. Cancel it (or let it be released) to stop the
/// calls; it keeps the store open while it lives.
#[derive(uniffi::Object)]
pub struct AlertSubscription {
    store: Arc<RollSafeStore>,
    id: Mutex<Option<core::ListenerId>>,
}

impl AlertSubscription {
    pub(crate) fn register(
        store: Arc<RollSafeStore>,
        listener: Arc<dyn AlertListener>,
    ) -> Arc<Self> {
        let id = store.core().add_alert_listener(Arc::new(Bridge(listener)));
        Arc::new(Self {
            store,
            id: Mutex::new(Some(id)),
        })
    }
}

#[uniffi::export]
impl AlertSubscription {
    /// Stops the calls; the listener is not called again once this returns.
    pub fn cancel(&self) {
        let id = self
            .id
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        if let Some(id) = id {
            self.store.core().remove_alert_listener(id);
        }
    }
}

impl Drop for AlertSubscription {
    fn drop(&mut self) {
        self.cancel();
    }
}
