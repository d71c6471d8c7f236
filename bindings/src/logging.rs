//! The library's logging hook: how the app hears about failures the library
//! contains rather than returns, such as an alert listener that threw.
//!
//! The app registers one [`RollSafeLogger`] for the process with
//! [`set_logger`]; without one, such failures go unreported. Messages are
//! fixed texts written here: they never carry the user's records, health
//! values or notes, nor the text of a listener's exception (which might), so
//! an app may forward them to its own logs or crash reporter as they are.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, PoisonError, RwLock};

/// How much a logged event matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum LogLevel {
    /// Something failed but the library carried on; what the user asked for
    /// was done.
    Warning,
    /// Something failed in the library itself; worth a bug report.
    Error,
}

/// Implemented in Kotlin or Swift to receive the library's log messages (for
/// example, to pass them to `android.util.Log` or `os.Logger`). Called on the
/// thread where the event happened; keep it short, and do not throw from it
/// (a message whose logger throws is dropped).
#[uniffi::export(with_foreign)]
pub trait RollSafeLogger: Send + Sync {
    /// One event: a fixed message without personal data.
    fn log(&self, level: LogLevel, message: String);
}

static LOGGER: RwLock<Option<Arc<dyn RollSafeLogger>>> = RwLock::new(None);

/// Sets the logger for the whole process, replacing any earlier one;
/// `null`/`nil` removes it.
#[uniffi::export]
pub fn set_logger(logger: Option<Arc<dyn RollSafeLogger>>) {
    *LOGGER.write().unwrap_or_else(PoisonError::into_inner) = logger;
}

/// Passes `message` to the logger, if one is set. The logger is called
/// outside the lock, so it may itself call [`set_logger`].
pub(crate) fn log(level: LogLevel, message: &str) {
    let logger = LOGGER
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    if let Some(logger) = logger {
        let message = message.to_owned();
        let _ = catch_unwind(AssertUnwindSafe(|| logger.log(level, message)));
    }
}
