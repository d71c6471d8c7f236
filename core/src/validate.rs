//! Checks shared by every entry point that accepts text or numbers from outside.
//!
//! Bad input must be refused with a typed error that names the field, before
//! anything is written, so each check here returns the cleaned value or an
//! [`Error::InvalidInput`].

use crate::error::{Error, Result};

/// The longest short label (a nickname, a brand), in characters.
pub const MAX_LABEL_CHARS: usize = 80;

/// Trims a short single-line label and checks it is non-empty, not too long
/// and free of control characters.
pub fn label(field: &'static str, text: &str) -> Result<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    let chars = trimmed.chars().count();
    if chars > MAX_LABEL_CHARS {
        return Err(Error::invalid(
            field,
            format!("is {chars} characters long; at most {MAX_LABEL_CHARS} are allowed"),
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
    if !value.is_finite() {
        return Err(Error::invalid(
            field,
            "must be a finite number of millimetres",
        ));
    }
    if !range.contains(&value) {
        return Err(Error::invalid(
            field,
            format!(
                "{value} mm is outside the plausible range of {} to {} mm",
                range.start(),
                range.end()
            ),
        ));
    }
    Ok(value)
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
