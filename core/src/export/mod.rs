//! Everything the user can take out of the app: the dermatologist's PDF, the
//! FHIR R4 bundle, the JSON backup and the CSV files.
//!
//! Exports are produced here, by the core, so Android and iOS give
//! byte-identical output for the same store. Each takes what it covers as
//! data ([`Period`], [`Sections`], [`Privacy`]) and the moment it is made as
//! an argument: the core never reads the clock, and an export never carries
//! more than the user chose to share. What one share holds, and under which
//! names, is decided here too ([`share`]), so every shell names the files
//! alike; a sealed share carries the CSV set as one ZIP archive ([`zip`]).

pub mod csv;
pub mod fhir;
mod notes;
mod scope;
pub mod seal;
mod select;
pub mod share;
pub mod zip;

pub use crate::period::Period;
pub use notes::WITHHELD_NOTE;
pub use scope::{Privacy, Sections};

/// The JSON backup lives in the domain layer ([`crate::backup`]), since the
/// store reads and writes it; this is its path among the exports.
pub use crate::backup;
