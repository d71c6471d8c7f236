//! Writing one CSV table: the header, the rows, the formula guard, and the
//! one way each kind of value is written.

use chrono::NaiveDate;

use super::CsvFile;
use crate::error::{Error, Result};
use crate::time::Moment;

/// The characters that make a spreadsheet treat a cell as a formula (OWASP).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` made safe to open in a spreadsheet: a leading apostrophe when it
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return.
pub fn guard_formula(cell: &str) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// One column of a file: its header, and what it holds, in words for the
/// data dictionary. The file's header and its entries in the dictionary
/// come from the same list, so they cannot drift apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The header.
    pub name: String,
    /// What a cell of it holds, its unit or format.
    pub meaning: String,
}

/// A column named `name` that holds `meaning`.
pub fn col(name: impl Into<String>, meaning: impl Into<String>) -> Column {
    Column {
        name: name.into(),
        meaning: meaning.into(),
    }
}

/// A timestamp column and, beside it, the same moment as a spreadsheet
/// reads a date and time: `<name>_local`, the local date and time where
/// it was recorded.
pub fn moment_columns(name: &str, meaning: &str) -> [Column; 2] {
    [
        col(
            name,
            format!("{meaning}: RFC 3339 with the UTC offset the user had then"),
        ),
        col(
            format!("{name}_local"),
            format!("{meaning}: the local date and time then, YYYY-MM-DD HH:MM"),
        ),
    ]
}

/// Writes `rows` under `columns` as the file `name`, guarding every cell.
pub fn write(name: &str, columns: &[Column], rows: &[Vec<String>]) -> Result<CsvFile> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let failed = |e: csv::Error| Error::Inconsistent(format!("{name} could not be written: {e}"));
    writer
        .write_record(columns.iter().map(|c| c.name.as_str()))
        .map_err(failed)?;
    for row in rows {
        writer
            .write_record(row.iter().map(|cell| guard_formula(cell)))
            .map_err(failed)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Error::Inconsistent(format!("{name} could not be written: {e}")))?;
    let contents = String::from_utf8(bytes)
        .map_err(|_| Error::Inconsistent(format!("{name} is not UTF-8")))?;
    Ok(CsvFile {
        name: name.to_owned(),
        contents,
    })
}

/// A moment as RFC 3339 with the user's offset then.
/// Milliseconds appear only when there are some.
pub fn moment(at: &Moment) -> String {
    let format = if at.timestamp_subsec_millis() == 0 {
        chrono::SecondsFormat::Secs
    } else {
        chrono::SecondsFormat::Millis
    };
    at.to_rfc3339_opts(format, false)
}

/// An optional moment; empty when absent.
pub fn opt_moment(at: Option<&Moment>) -> String {
    at.map(moment).unwrap_or_default()
}

/// A moment as the local date and time it had, `YYYY-MM-DD HH:MM`, which
/// spreadsheets read as a date and time.
pub fn local(at: &Moment) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

/// An optional moment as [`local`]; empty when absent.
pub fn opt_local(at: Option<&Moment>) -> String {
    at.map(local).unwrap_or_default()
}

/// A moment and, beside it, its local date and time (see [`moment_columns`]).
pub fn moment_cells(at: &Moment) -> [String; 2] {
    [moment(at), local(at)]
}

/// An optional moment as [`moment_cells`]; both empty when absent.
pub fn opt_moment_cells(at: Option<&Moment>) -> [String; 2] {
    [opt_moment(at), opt_local(at)]
}

/// An optional date; empty when absent.
pub fn opt_date(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// An optional value written with `Display`; empty when absent.
pub fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// `true` or `false`.
pub fn flag(value: bool) -> String {
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_get_an_apostrophe_and_nothing_else_does() {
        for risky in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(guard_formula(risky), format!("'{risky}"));
        }
        for safe in ["0.25", "Face roller", "a=b", "", "'quoted"] {
            assert_eq!(guard_formula(safe), safe);
        }
    }
}
