//! CSV files: the log as spreadsheets, one file per kind of record.
//!
//! Written by the `csv` crate to RFC 4180 (comma-separated, CRLF line ends,
//! fields with commas, quotes or line breaks quoted, quotes doubled), UTF-8,
//! each with a header row, records oldest first, files in a fixed order,
//! then `data_dictionary.csv`, which says what every column holds (built
//! from the same lists as the headers). Lists inside a cell (zones,
//! products) are joined with "; "; each symptom has a column of its own;
//! each timestamp has a `_local` column beside it, the local date and time
//! as a spreadsheet reads them, and each device id its nickname.
//!
//! Spreadsheet formula injection: a cell that starts with `=`, `+`, `-`,
//! `@`, a tab or a carriage return would be run as a formula by Excel,
//! LibreOffice or Google Sheets when the file is opened, so such a cell gets
//! a leading apostrophe (`'`), as OWASP's "CSV Injection" guidance
//! recommends. Spreadsheets show the text; a program reading the CSV sees
//! the apostrophe and can strip it. Only text the user typed can start that
//! way: no number or date this module writes is negative.

mod health;
mod records;
mod table;

use table::Column;
pub use table::guard_formula;

use crate::error::Result;
use crate::export::{Period, Privacy, Sections};
use crate::store::{Snapshot, Store};

/// What the CSV files cover.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CsvOptions {
    /// The local days covered (the profile is the current one whatever the
    /// period; care plans are those in force during it).
    pub period: Period,
    /// The sections included: a section switched off has no file.
    pub sections: Sections,
    /// Whether notes are withheld and photos named.
    pub privacy: Privacy,
    /// Start each file with a UTF-8 byte order mark, which Excel needs to
    /// read the file as UTF-8 rather than the system's legacy encoding
    /// (accents and Cyrillic would come out garbled); other programs do not
    /// need it and some show it.
    pub utf8_bom: bool,
}

/// One CSV file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvFile {
    /// Its file name, for example `sessions.csv`.
    pub name: String,
    /// Its contents: UTF-8, a header row, then one row per record.
    pub contents: String,
}

/// The CSV files for `store`, in a fixed order: devices, sessions,
/// cleanings, symptom reports, alerts, profile, care plans (each only when
/// its section is on).
pub fn files(store: &Store, options: &CsvOptions) -> Result<Vec<CsvFile>> {
    let mut files = store.snapshot(|view| files_of(view, options))?;
    if options.utf8_bom {
        for file in &mut files {
            file.contents.insert(0, BOM);
        }
    }
    Ok(files)
}

/// The UTF-8 byte order mark [`CsvOptions::utf8_bom`] puts first.
pub const BOM: char = '\u{FEFF}';

/// The files of [`files`], every one read from the one snapshot `store`, so
/// no file names a record another file lacks; then the data dictionary of
/// the files written.
fn files_of(store: &Snapshot<'_>, options: &CsvOptions) -> Result<Vec<CsvFile>> {
    let sections = &options.sections;
    let mut files = Vec::new();
    let mut described: Vec<(&'static str, Vec<Column>)> = Vec::new();
    if sections.devices {
        files.push(records::devices(store, options)?);
        described.push(("devices.csv", records::device_columns()));
    }
    if sections.sessions {
        files.push(records::sessions(store, options)?);
        described.push(("sessions.csv", records::session_columns()));
    }
    if sections.cleanings {
        files.push(records::cleanings(store, options)?);
        described.push(("cleanings.csv", records::cleaning_columns()));
    }
    if sections.symptoms {
        files.push(health::symptom_reports(store, options)?);
        described.push(("symptom_reports.csv", health::symptom_report_columns()));
    }
    if sections.alerts {
        files.push(health::alerts(store, options)?);
        described.push(("alerts.csv", health::alert_columns()));
    }
    if sections.profile {
        files.push(health::profile(store)?);
        described.push(("profile.csv", health::profile_columns()));
    }
    if sections.care_plan {
        files.push(health::care_plans(store, options)?);
        described.push(("care_plans.csv", health::care_plan_columns()));
    }
    if !described.is_empty() {
        files.push(dictionary(&described)?);
    }
    Ok(files)
}

/// The name of the file that says what every column of the others holds.
pub const DICTIONARY: &str = "data_dictionary.csv";

/// `data_dictionary.csv`: one row per column of each file written, with
/// what it holds, from the same lists the files' headers come from.
fn dictionary(described: &[(&'static str, Vec<Column>)]) -> Result<CsvFile> {
    let rows: Vec<Vec<String>> = described
        .iter()
        .flat_map(|(file, columns)| {
            columns
                .iter()
                .map(|c| vec![(*file).to_owned(), c.name.clone(), c.meaning.clone()])
        })
        .collect();
    table::write(
        DICTIONARY,
        &[
            table::col("file", "The CSV file"),
            table::col("column", "A column of it"),
            table::col("meaning", "What its cells hold, their unit or format"),
        ],
        &rows,
    )
}
