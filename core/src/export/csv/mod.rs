//! CSV files: the log as spreadsheets, one file per kind of record.
//!
//! Written by the `csv` crate to RFC 4180 (comma-separated, CRLF line ends,
//! fields with commas, quotes or line breaks quoted, quotes doubled), UTF-8,
//! each with a header row, records oldest first, files in a fixed order.
//! Lists inside a cell (zones, products, symptoms) are joined with "; ".
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
    store.snapshot(|view| files_of(view, options))
}

/// The files of [`files`], every one read from the one snapshot `store`, so
/// no file names a record another file lacks.
fn files_of(store: &Snapshot<'_>, options: &CsvOptions) -> Result<Vec<CsvFile>> {
    let sections = &options.sections;
    let mut files = Vec::new();
    if sections.devices {
        files.push(records::devices(store, options)?);
    }
    if sections.sessions {
        files.push(records::sessions(store, options)?);
    }
    if sections.cleanings {
        files.push(records::cleanings(store, options)?);
    }
    if sections.symptoms {
        files.push(health::symptom_reports(store, options)?);
    }
    if sections.alerts {
        files.push(health::alerts(store, options)?);
    }
    if sections.profile {
        files.push(health::profile(store)?);
    }
    if sections.care_plan {
        files.push(health::care_plans(store, options)?);
    }
    Ok(files)
}
