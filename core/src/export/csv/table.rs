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

/// Writes `rows` under `header` as the file `name`, guarding every cell.
pub fn write(name: &str, header: &[&str], rows: &[Vec<String>]) -> Result<CsvFile> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let failed = |e: csv::Error| Error::Inconsistent(format!("{name} could not be written: {e}"));
    writer.write_record(header).map_err(failed)?;
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
