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
use crate::export::zip::{self, Entry};
use crate::export::{Period, Privacy, Sections};
use crate::store::{Snapshot, Store};
use crate::time::{self, Moment};

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

/// The CSV files of [`files`] as one ZIP archive, each under its own name,
/// dated by the local wall time of `now`: what a sealed share carries, so
/// the recipient opens one file with one passphrase.
pub fn archive(store: &Store, options: &CsvOptions, now: Moment) -> Result<Vec<u8>> {
    let now = time::check_plausible("now", now)?;
    let files = files(store, options)?;
    let entries: Vec<Entry<'_>> = files
        .iter()
        .map(|file| Entry {
            name: &file.name,
            bytes: file.contents.as_bytes(),
        })
        .collect();
    zip::archive(&entries, now.naive_local())
}

/// The UTF-8 byte order mark [`CsvOptions::utf8_bom`] puts first.
pub const BOM: char = '\u{FEFF}';

/// One kind of CSV file: its name, the section that asks for it, its
/// columns and how its rows are read. The export writes the files, the
/// dictionary describes them and a share plans their names from this one
/// list.
struct Kind {
    name: &'static str,
    wanted: fn(&Sections) -> bool,
    columns: fn() -> Vec<Column>,
    rows: fn(&Snapshot<'_>, &CsvOptions) -> Result<Vec<Vec<String>>>,
}

/// Every kind of file, in the order they are written.
const KINDS: [Kind; 7] = [
    Kind {
        name: "devices.csv",
        wanted: |s| s.devices,
        columns: records::device_columns,
        rows: records::device_rows,
    },
    Kind {
        name: "sessions.csv",
        wanted: |s| s.sessions,
        columns: records::session_columns,
        rows: records::session_rows,
    },
    Kind {
        name: "cleanings.csv",
        wanted: |s| s.cleanings,
        columns: records::cleaning_columns,
        rows: records::cleaning_rows,
    },
    Kind {
        name: "symptom_reports.csv",
        wanted: |s| s.symptoms,
        columns: health::symptom_report_columns,
        rows: health::symptom_report_rows,
    },
    Kind {
        name: "alerts.csv",
        wanted: |s| s.alerts,
        columns: health::alert_columns,
        rows: health::alert_rows,
    },
    Kind {
        name: "profile.csv",
        wanted: |s| s.profile,
        columns: health::profile_columns,
        rows: health::profile_rows,
    },
    Kind {
        name: "care_plans.csv",
        wanted: |s| s.care_plan,
        columns: health::care_plan_columns,
        rows: health::care_plan_rows,
    },
];

/// The names of the files [`files`] writes for `sections`, in its order:
/// one per section on, then the dictionary (none when every section is off).
pub fn names(sections: &Sections) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = KINDS
        .iter()
        .filter(|kind| (kind.wanted)(sections))
        .map(|kind| kind.name)
        .collect();
    if !names.is_empty() {
        names.push(DICTIONARY);
    }
    names
}

/// The files of [`files`], every one read from the one snapshot `store`, so
/// no file names a record another file lacks; then the data dictionary of
/// the files written.
fn files_of(store: &Snapshot<'_>, options: &CsvOptions) -> Result<Vec<CsvFile>> {
    let mut files = Vec::new();
    let mut described: Vec<(&'static str, Vec<Column>)> = Vec::new();
    for kind in KINDS.iter().filter(|kind| (kind.wanted)(&options.sections)) {
        let columns = (kind.columns)();
        files.push(table::write(
            kind.name,
            &columns,
            &(kind.rows)(store, options)?,
        )?);
        described.push((kind.name, columns));
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
