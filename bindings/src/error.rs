//! The public error: few variants, each telling the app what it can do.
//!
//! Every core error maps here in one place. Messages name fields, ids and
//! files, never the user's notes or health data, so apps may log them.

use rollsafe_core::Error as CoreError;

use crate::records::Finding;

/// Why a RollSafe call failed. In Kotlin it is `RollSafeException` with one
/// subclass per case; in Swift, a thrown `RollSafeError`.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum RollSafeError {
    /// An argument is not acceptable; nothing was changed. `field` names it as
    /// the API spells it.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The offending field.
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The record an id refers to does not exist.
    #[error("no {entity} with id {id}")]
    NotFound {
        /// The kind of record, for example `device`.
        entity: String,
        /// The id that was given.
        id: String,
    },
    /// The database file was written by a newer RollSafe; it was left
    /// untouched. Update the app.
    #[error("the database has schema version {found}; this version reads up to {supported}")]
    NewerSchema {
        /// The version found in the file.
        found: u32,
        /// The newest version this library reads.
        supported: u32,
    },
    /// The session is blocked by findings the user has not acknowledged;
    /// nothing was recorded. Show `blockers` and ask before recording with
    /// their codes acknowledged.
    #[error("the session is blocked by {} finding(s)", blockers.len())]
    SessionBlocked {
        /// The blockers not acknowledged.
        blockers: Vec<Finding>,
    },
    /// The file was not a readable RollSafe database (not SQLite, truncated
    /// or corrupted). It was moved aside, untouched, to `kept_at`; opening the
    /// same path again starts a new, empty log. Offer to share the kept file.
    #[error("the database was damaged and kept at {kept_at}")]
    FileDamaged {
        /// Where the damaged file now is.
        kept_at: String,
    },
    /// The file cannot be read, but a connection holds it open, so it was
    /// left in place: another one (a widget, a share extension, another
    /// window) when opening reports it, or this store itself when one of its
    /// calls met a damaged page (the next open then moves the file aside and
    /// reports `FileDamaged`). Close the store and the other users of the log
    /// and open it again.
    #[error("the database cannot be read and is open; it was left in place")]
    FileInUse,
    /// The database file was moved, deleted or replaced while this store had
    /// it open; nothing was written. Close this store and open it again.
    #[error("the database was moved or replaced while open; nothing was written")]
    FileMoved,
    /// The file is an SQLite database but not a RollSafe log; it was left
    /// untouched. Choose another path.
    #[error("the file is not a RollSafe log ({reason}); it was left untouched")]
    NotALog {
        /// What does not match, in plain words.
        reason: String,
    },
    /// The device's storage is full (or the store's size limit was
    /// reached); the change was not made.
    #[error("the storage is full; the change was not made")]
    StorageFull,
    /// The database file or its folder cannot be written; nothing changed.
    #[error("the database cannot be written")]
    ReadOnly,
    /// A document given to import is not a valid RollSafe backup, or clashes
    /// with the log; nothing was changed. `path` points into the document
    /// (for example `$.sessions[3].versions[0].pain`).
    #[error("the backup is not valid at {path}: {reason}")]
    ImportRejected {
        /// Where in the document.
        path: String,
        /// What is wrong, without the user's text.
        reason: String,
    },
    /// The database or the file system failed; the change was not made.
    #[error("storage error: {detail}")]
    Storage {
        /// What failed, without personal data.
        detail: String,
    },
}

impl From<CoreError> for RollSafeError {
    fn from(error: CoreError) -> Self {
        match error {
            CoreError::InvalidInput { field, reason } => RollSafeError::InvalidInput {
                field: field.to_owned(),
                reason,
            },
            CoreError::NotFound { entity, id } => RollSafeError::NotFound {
                entity: entity.to_owned(),
                id,
            },
            CoreError::NewerSchema {
                found, supported, ..
            } => RollSafeError::NewerSchema { found, supported },
            CoreError::Blocked { blockers } => RollSafeError::SessionBlocked {
                blockers: blockers.into_iter().map(Finding::from).collect(),
            },
            CoreError::Damaged { kept_at, .. } => RollSafeError::FileDamaged {
                kept_at: kept_at.display().to_string(),
            },
            CoreError::DamagedInUse { .. } => RollSafeError::FileInUse,
            CoreError::Moved { .. } => RollSafeError::FileMoved,
            CoreError::NotALog { reason, .. } => RollSafeError::NotALog {
                reason: reason.to_owned(),
            },
            CoreError::Full => RollSafeError::StorageFull,
            CoreError::ReadOnly { .. } => RollSafeError::ReadOnly,
            CoreError::BadDocument { path, reason } => {
                RollSafeError::ImportRejected { path, reason }
            }
            other @ (CoreError::Sqlite(_) | CoreError::Io { .. } | CoreError::Inconsistent(_)) => {
                RollSafeError::Storage {
                    detail: other.to_string(),
                }
            }
        }
    }
}
