//! One rule for the user's free text in every export: shown as typed, or
//! replaced by a mark when the user chose to withhold notes.

use super::Privacy;

/// What an export shows in place of a note the user chose to withhold.
pub const WITHHELD_NOTE: &str = "[note withheld by the user]";

/// The note as it may leave the device: `None` when there is none, the mark
/// when notes are withheld, else the note itself.
pub(crate) fn shown(privacy: &Privacy, note: Option<&str>) -> Option<String> {
    note.map(|text| {
        if privacy.redact_notes {
            WITHHELD_NOTE.to_owned()
        } else {
            text.to_owned()
        }
    })
}
