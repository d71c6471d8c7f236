//! Checks shared by every entry point that accepts text or numbers from outside.
//!
//! Bad input must be refused with a typed error that names the field, before
//! anything is written, so each check here returns the cleaned value or an
//! [`Error::InvalidInput`]. The error says what is allowed, never what was
//! given: the value refused may be a temperature, a pain score or the length
//! of a note, and error messages end up in logs.

use crate::error::{Error, Result};

/// The longest short label (a nickname, a brand), in characters.
pub const MAX_LABEL_CHARS: usize = 80;

/// Trims a short single-line label and checks it is non-empty, not too long
/// and free of control characters.
pub fn label(field: &'static str, text: &str) -> Result<String> {
    label_with_limit(field, text, MAX_LABEL_CHARS)
}

/// Like [`label`], with another length limit in characters.
pub fn label_with_limit(field: &'static str, text: &str, max_chars: usize) -> Result<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if trimmed.chars().count() > max_chars {
        return Err(Error::invalid(
            field,
            format!("must be at most {max_chars} characters long"),
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(Error::invalid(field, "must not contain control characters"));
    }
    Ok(trimmed.to_owned())
}

/// Checks a measurement in millimetres is a finite number within `range`.
pub fn millimetres(
    field: &'static str,
    value: f64,
    range: std::ops::RangeInclusive<f64>,
) -> Result<f64> {
    measure(field, value, range, "mm")
}

/// Checks a measurement in `unit` is a finite number within `range`; the
/// error names the range, not the value.
pub fn measure(
    field: &'static str,
    value: f64,
    range: std::ops::RangeInclusive<f64>,
    unit: &str,
) -> Result<f64> {
    if !value.is_finite() {
        return Err(Error::invalid(
            field,
            format!("must be a finite number of {unit}"),
        ));
    }
    if !range.contains(&value) {
        return Err(Error::invalid(
            field,
            format!(
                "must be between {} and {} {unit}",
                range.start(),
                range.end()
            ),
        ));
    }
    Ok(value)
}

/// The longest free-text note, in characters.
pub const MAX_NOTE_CHARS: usize = 4000;

/// Checks an optional free-text note: trimmed, at most [`MAX_NOTE_CHARS`],
/// line breaks and tabs allowed but no other control characters. An empty
/// note becomes `None`.
pub fn note(field: &'static str, text: Option<&str>) -> Result<Option<String>> {
    let Some(trimmed) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if trimmed.chars().count() > MAX_NOTE_CHARS {
        return Err(Error::invalid(
            field,
            format!("must be at most {MAX_NOTE_CHARS} characters long"),
        ));
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(Error::invalid(field, "must not contain control characters"));
    }
    Ok(Some(trimmed.to_owned()))
}

/// Checks a whole number lies within `range`, naming `field` and the range
/// (not the value) if not.
pub fn within<T>(field: &'static str, value: T, range: std::ops::RangeInclusive<T>) -> Result<T>
where
    T: PartialOrd + std::fmt::Display + Copy,
{
    if range.contains(&value) {
        Ok(value)
    } else {
        Err(Error::invalid(
            field,
            format!("must be between {} and {}", range.start(), range.end()),
        ))
    }
}

/// True when two neighbours in `sorted` share the same `key`: on a sorted
/// list, whether any key repeats.
pub fn has_adjacent_duplicate<T, K: PartialEq>(sorted: &[T], key: impl Fn(&T) -> K) -> bool {
    sorted
        .iter()
        .zip(sorted.iter().skip(1))
        .any(|(a, b)| key(a) == key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_trimmed() {
        assert_eq!(label("nickname", "  Face roller ").unwrap(), "Face roller");
    }

    #[test]
    fn bad_labels_are_refused_with_their_field() {
        let too_long = "x".repeat(MAX_LABEL_CHARS + 1);
        for bad in ["", "   ", "tab\there", "bell\u{7}", too_long.as_str()] {
            let err = label("nickname", bad).unwrap_err();
            assert!(
                matches!(
                    err,
                    Error::InvalidInput {
                        field: "nickname",
                        ..
                    }
                ),
                "{bad:?} gave {err}"
            );
        }
    }

    #[test]
    fn notes_keep_line_breaks_but_refuse_other_controls() {
        assert_eq!(
            note("notes", Some(" a\nb ")).unwrap().as_deref(),
            Some("a\nb")
        );
        assert_eq!(note("notes", Some("   ")).unwrap(), None);
        assert!(note("notes", Some("nul\u{0}")).is_err());
        assert!(note("notes", Some(&"x".repeat(MAX_NOTE_CHARS + 1))).is_err());
    }

    #[test]
    fn scores_must_lie_in_range() {
        assert_eq!(within("pain", 10u8, 0..=10).unwrap(), 10);
        assert!(matches!(
            within("pain", 11u8, 0..=10),
            Err(Error::InvalidInput { field: "pain", .. })
        ));
    }

    #[test]
    fn non_finite_or_out_of_range_lengths_are_refused() {
        for bad in [f64::NAN, f64::INFINITY, -0.5, 0.0, 3.5] {
            assert!(
                millimetres("needle_length_mm", bad, 0.1..=3.0).is_err(),
                "{bad}"
            );
        }
        assert_eq!(
            millimetres("needle_length_mm", 0.25, 0.1..=3.0).unwrap(),
            0.25
        );
    }
}
