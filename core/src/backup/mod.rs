//! The JSON backup: the whole log (or a period of it) in a documented,
//! versioned format, and its import into an empty or an existing log.
//!
//! [`Store::export_backup`](crate::Store::export_backup) writes a
//! [`document::BackupDocument`]; [`Store::import_backup`](crate::Store::import_backup)
//! checks a document completely, then merges it by stable ids in one
//! transaction: a bad document changes nothing, and importing the same
//! backup twice adds nothing. The format is described for readers outside
//! RollSafe by `core/schemas/backup-v1.schema.json`.

pub mod document;
pub(crate) mod instant;
mod parse;
mod path;
mod select;

pub use parse::{MAX_BACKUP_BYTES, parse};
pub use select::within;
