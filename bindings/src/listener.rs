//! The alert listener: a foreign trait the shells implement to be told of a
//! new alert at once, from any thread, and the subscription that keeps it.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex};

use rollsafe_core as core;

use crate::logging::{LogLevel, log};
use crate::records::Alert;
use crate::store::RollSafeStore;

/// Implemented in Kotlin or Swift to hear about new alerts (rises only), for
/// example to post a notification. Called on the thread that made the change,
/// after it was committed; keep the work short or hand it to another thread.
/// It may call the store, and cancel its own or another subscription.
#[uniffi::export(with_foreign)]
pub trait AlertListener: Send + Sync {
    /// A risk level rose. Whatever it throws cannot fail the change, which
    /// is already committed, nor stop the other listeners from being told:
    /// it is reported, as a warning, to the logger set with `set_logger`.
    fn on_alert(&self, alert: Alert) -> Result<(), ListenerError>;
}

/// Why a listener did not handle an alert. A listener may throw `Failed`
/// itself; any other exception or error it throws arrives as `Unexpected`,
/// without its message (which could hold personal data).
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum ListenerError {
    /// The listener says it could not handle the alert.
    #[error("the listener could not handle the alert")]
    Failed,
    /// The listener threw something other than `Failed`.
    #[error("the listener threw an unexpected exception or error")]
    Unexpected,
}

impl From<uniffi::UnexpectedUniFFICallbackError> for ListenerError {
    fn from(_: uniffi::UnexpectedUniFFICallbackError) -> Self {
        // The reason is the foreign exception's text: not kept, see above.
        ListenerError::Unexpected
    }
}

/// Adapts a foreign listener to the core. A listener that throws must not
/// turn a committed change into an error, so its failures are contained and
/// reported to the logger.
struct Bridge(Arc<dyn AlertListener>);

impl core::AlertListener for Bridge {
    fn on_alert(&self, alert: &core::Alert) {
        let alert = Alert::from(alert.clone());
        match catch_unwind(AssertUnwindSafe(|| self.0.on_alert(alert))) {
            Ok(Ok(())) => {}
            Ok(Err(ListenerError::Failed)) => log(
                LogLevel::Warning,
                "an alert listener failed: it reported Failed; \
                 the change was committed and the other listeners were told",
            ),
            Ok(Err(ListenerError::Unexpected)) => log(
                LogLevel::Warning,
                "an alert listener failed: it threw an unexpected exception or error; \
                 the change was committed and the other listeners were told",
            ),
            Err(_) => log(
                LogLevel::Error,
                "an alert listener call failed inside the library (a panic); \
                 the change was committed and the other listeners were told",
            ),
        }
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
    /// Stops the calls. Once this returns the listener is never called
    /// again: a call under way on another thread has ended. It may be called
    /// from inside a listener (its own or another's) without deadlock; the
    /// one exception to waiting is two listeners cancelling each other from
    /// inside their calls on two threads, where one of them returns without
    /// waiting for the other's call to end rather than deadlock.
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
