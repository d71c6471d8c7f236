//! Why a verb failed, and the exit status that tells a script which kind of
//! failure it was.
//!
//! Two kinds: the user can fix it (a bad option, a missing file, a bad
//! document: exit 2, the convention clap uses for usage errors too), or the
//! storage failed (exit 1). The message is the core's own where there is one,
//! so a bad backup names the place in the document.

use std::fmt;

use rollsafe_core::Error;

/// A failure to report on standard error.
#[derive(Debug)]
pub struct Failure {
    kind: Kind,
    message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Bad usage or input: exit 2.
    Input,
    /// The log could not be read or written: exit 1.
    Storage,
}

impl Failure {
    /// Something the user gave is wrong (an option, a path, a document).
    pub fn input(message: impl Into<String>) -> Self {
        Self {
            kind: Kind::Input,
            message: message.into(),
        }
    }

    /// Reading or writing failed for a reason the input cannot fix.
    pub fn storage(message: impl Into<String>) -> Self {
        Self {
            kind: Kind::Storage,
            message: message.into(),
        }
    }

    /// The same failure, its message prefixed with `prefix`.
    pub fn with_context(self, prefix: &str) -> Self {
        Self {
            kind: self.kind,
            message: format!("{prefix}{}", self.message),
        }
    }

    /// The same kind of failure with another message.
    pub fn replaced(self, message: impl Into<String>) -> Self {
        Self {
            kind: self.kind,
            message: message.into(),
        }
    }

    /// The process exit status for this failure.
    pub fn exit_code(&self) -> u8 {
        match self.kind {
            Kind::Input => 2,
            Kind::Storage => 1,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<Error> for Failure {
    /// Input errors (a field, a record, a document the user gave) exit 2;
    /// everything the storage did exits 1. The core's message is kept whole.
    fn from(error: Error) -> Self {
        let message = error.to_string();
        match error {
            Error::InvalidInput { .. }
            | Error::NotFound { .. }
            | Error::Blocked { .. }
            | Error::BadDocument { .. } => Self::input(message),
            Error::NewerSchema { .. }
            | Error::Damaged { .. }
            | Error::DamagedInUse { .. }
            | Error::Moved { .. }
            | Error::NotALog { .. }
            | Error::Full
            | Error::ReadOnly { .. }
            | Error::Sqlite(_)
            | Error::Io { .. }
            | Error::Inconsistent(_) => Self::storage(message),
        }
    }
}
