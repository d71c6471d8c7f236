//! Every way a core operation can fail, in one place.
//!
//! Callers need to tell "you gave me something wrong" (fix the input) from
//! "that record does not exist" and from "the storage failed" (nothing the user
//! typed can fix it). Messages name the field or the file, never the user's
//! notes or health data, so they are safe to log.

use std::path::PathBuf;

/// The result of every fallible core operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a core operation failed. No variant carries the user's free text.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input value is not acceptable; nothing was changed.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The name of the offending field, as the public API spells it.
        field: &'static str,
        /// What is wrong with it, in plain words.
        reason: String,
    },

    /// A record the caller referred to does not exist (or was deleted).
    #[error("no {entity} with id {id}")]
    NotFound {
        /// The kind of record, for example `device`.
        entity: &'static str,
        /// The id the caller gave.
        id: String,
    },

    /// The database file was written by a newer RollSafe; it was not touched.
    #[error(
        "the database at {path} has schema version {found}, newer than the {supported} this version understands; it was left untouched"
    )]
    NewerSchema {
        /// The file that was refused.
        path: PathBuf,
        /// The schema version found in the file.
        found: u32,
        /// The newest schema version this code can read.
        supported: u32,
    },

    /// The session is blocked by findings the caller did not acknowledge;
    /// nothing was recorded. The display lists codes only.
    #[error("the session is blocked by: {}", codes(.blockers))]
    Blocked {
        /// The findings needing an acknowledgement (blockers and cautions)
        /// that were not acknowledged.
        blockers: Vec<crate::verdict::Finding>,
    },

    /// The file is not a readable RollSafe database (not SQLite, truncated or
    /// corrupted). It was moved aside, untouched, to `kept_at`; opening the
    /// original path again starts a new, empty log.
    #[error("the database at {path} is damaged; it was kept at {kept_at}")]
    Damaged {
        /// Where the file was.
        path: PathBuf,
        /// Where it is now.
        kept_at: PathBuf,
    },

    /// SQLite cannot read the file, but a connection holds it open, so it
    /// was left where it is: moving a file that someone still writes to
    /// would hand them a log nobody reads. The holder is another connection
    /// (in this process or another one: a widget, a share extension) when
    /// an open reports it, and the store itself when one of its calls met a
    /// damaged page (the file is then marked, and the next open moves it
    /// aside as [`Error::Damaged`]). Close the store and the other users,
    /// and open again.
    #[error("the database at {path} cannot be read and is open; it was left in place")]
    DamagedInUse {
        /// The file that was left in place.
        path: PathBuf,
    },

    /// The file this store was opened on was moved, deleted or replaced
    /// while it was open (by another process, a file manager, a restore);
    /// nothing was written. Open the store again to use what is at the path
    /// now.
    #[error("the database at {path} was moved or replaced while open; nothing was written")]
    Moved {
        /// The path the store was opened on.
        path: PathBuf,
    },

    /// The file is a sound SQLite database but not a RollSafe log (another
    /// app's database, a schema version this code never wrote, tables that
    /// do not match the version it claims). It was left untouched.
    #[error("the database at {path} is not a RollSafe log ({reason}); it was left untouched")]
    NotALog {
        /// The file that was refused.
        path: PathBuf,
        /// What does not match, in plain words (never SQL or data).
        reason: &'static str,
    },

    /// The storage is full (or the store's size limit was reached); the
    /// change was not made.
    #[error("the storage is full; the change was not made")]
    Full,

    /// The file or its folder cannot be written; nothing was changed.
    #[error("the database at {path} cannot be written")]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },

    /// SQLite reported an error.
    #[error("storage error: {0}")]
    Sqlite(rusqlite::Error),

    /// A file-system operation around the database failed.
    #[error("file error on {path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },

    /// A document given to import is not a valid RollSafe backup, or clashes
    /// with the log; nothing was changed. `path` points into the document
    /// (for example `sessions[3].versions[0].pain`); `reason` never repeats
    /// the user's text.
    #[error("the backup is not valid at {path}: {reason}")]
    BadDocument {
        /// Where in the document, as a JSON path (`$` for the whole).
        path: String,
        /// What is wrong, in plain words.
        reason: String,
    },

    /// Stored data broke an invariant the code relies on (for example an
    /// unknown enum code); the file may have been edited outside RollSafe.
    #[error("stored data is inconsistent: {0}")]
    Inconsistent(String),
}

impl From<rusqlite::Error> for Error {
    /// A full disk is an answer the app can act on; everything else is a
    /// storage error.
    ///
    /// A stored value that a typed column read refused (`UnreadableValue`)
    /// is [`Error::Inconsistent`], as when the store parsed the text itself.
    fn from(error: rusqlite::Error) -> Self {
        if let rusqlite::Error::FromSqlConversionFailure(_, _, cause) = &error {
            if let Some(unreadable) = cause.downcast_ref::<UnreadableValue>() {
                return Error::Inconsistent(unreadable.0.clone());
            }
        }
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => Error::Full,
            _ => Error::Sqlite(error),
        }
    }
}

/// Why a typed column read refused a stored value (an id that is not a
/// UUID, an impossible instant): carried through rusqlite's conversion
/// error and turned into [`Error::Inconsistent`]. The text names the column
/// or the kind of value, never the value.
#[derive(Debug)]
pub(crate) struct UnreadableValue(pub(crate) String);

impl std::fmt::Display for UnreadableValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UnreadableValue {}

fn codes(findings: &[crate::verdict::Finding]) -> String {
    findings
        .iter()
        .map(|f| f.code.code())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Error {
    /// Builds an [`Error::BadDocument`] at `path`.
    pub fn bad_document(path: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::BadDocument {
            path: path.into(),
            reason: reason.into(),
        }
    }

    /// Builds an [`Error::InvalidInput`] for `field`.
    pub fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field,
            reason: reason.into(),
        }
    }
}
