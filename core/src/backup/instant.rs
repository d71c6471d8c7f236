//! How the backup writes an instant, and the one way it reads one back.
//!
//! An instant is written as RFC 3339 with milliseconds and the user's UTC
//! offset (`2026-03-01T21:00:00.000+01:00`), which is exactly what the store
//! keeps. Reading takes that form only. RFC 3339 allows others (`Z`, `-00:00`,
//! lowercase `t` or `z`, a space, no fraction, digits beyond the
//! millisecond, a leap second `:60`) that the store would write back
//! differently: a document using them would find its own records changed
//! when imported again, and a clash. They are refused the first time,
//! naming the place, and the published schema says the same.

use crate::error::{Error, Result};
use crate::time::{self, Moment};

/// Writes `moment` as the document does.
pub(crate) fn to_text(moment: &Moment) -> String {
    moment.to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
}

/// Reads the instant at `path` of a document: it must be plausible (see
/// [`time::check_plausible`]) and written as [`to_text`] writes it.
pub(crate) fn from_text(path: &str, text: &str) -> Result<Moment> {
    let parsed = chrono::DateTime::parse_from_rfc3339(text)
        .map_err(|_| Error::bad_document(path, "is not an RFC 3339 date and time"))?;
    let moment = time::check_plausible("at", parsed).map_err(|e| match e {
        Error::InvalidInput { reason, .. } => Error::bad_document(path, reason),
        other => other,
    })?;
    if to_text(&moment) != text {
        return Err(Error::bad_document(
            path,
            "is not written as RollSafe writes instants \
             (YYYY-MM-DDThh:mm:ss.sss+hh:mm: milliseconds and the UTC offset)",
        ));
    }
    Ok(moment)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> String {
        match from_text("$.at", text) {
            Err(Error::BadDocument { path, reason }) => {
                assert_eq!(path, "$.at");
                reason
            }
            other => panic!("{text}: expected BadDocument, got {other:?}"),
        }
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        for text in [
            "2026-03-01T21:00:00.120-05:00",
            "2026-03-01T21:00:00.000+00:00",
            "2026-03-01T21:00:00.999+05:45",
        ] {
            let moment = from_text("$.at", text).unwrap();
            assert_eq!(to_text(&moment), text);
        }
    }

    #[test]
    fn other_forms_are_refused_without_quoting_them() {
        for text in [
            "2026-03-01T21:00:00Z",
            "2026-03-01T21:00:00.000Z",
            "2026-03-01t21:00:00.000+00:00",
            "2026-03-01T21:00:00.000z",
            "2026-03-01 21:00:00.000+00:00",
            "2026-03-01T21:00:00.000-00:00",
            "2026-03-01T21:00:00+01:00",
            "2026-03-01T21:00:00.123456789+01:00",
            "2026-03-01T21:00:00.1204+01:00",
            "2026-12-31T23:59:60.000+00:00",
        ] {
            let reason = refused(text);
            assert!(reason.contains("as RollSafe writes"), "{text}: {reason}");
            assert!(!reason.contains("2026"), "{reason}");
        }
        assert!(refused("yesterday").contains("RFC 3339"));
        assert!(refused("1999-12-31T23:00:00.000+00:00").contains("year"));
    }
}
