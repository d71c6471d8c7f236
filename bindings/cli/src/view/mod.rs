//! What each verb shows, as plain data: built from the core's answers by the
//! verbs, printed as text by `text/`, or serialised as JSON for scripts.
//!
//! The JSON field names are a contract with scripts: snake_case, never
//! renamed, only added to. Enumerations are the core's stable codes, moments
//! are RFC 3339 with the offset they were recorded in, dates are YYYY-MM-DD.

pub mod device;
pub mod import;
pub mod safety;
pub mod session;
pub mod status;

/// Serialisers for chrono values without chrono's serde feature.
pub mod ser {
    use chrono::NaiveDate;
    use rollsafe_core::Moment;
    use serde::Serializer;

    /// A moment as RFC 3339 with its own offset.
    pub fn moment<S: Serializer>(moment: &Moment, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&moment.to_rfc3339())
    }

    /// An optional moment, `null` when absent.
    pub fn opt_moment<S: Serializer>(moment: &Option<Moment>, s: S) -> Result<S::Ok, S::Error> {
        match moment {
            Some(m) => s.serialize_str(&m.to_rfc3339()),
            None => s.serialize_none(),
        }
    }

    /// A local date as YYYY-MM-DD.
    pub fn date<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(date)
    }

    /// An optional local date as YYYY-MM-DD, `null` when absent.
    pub fn opt_date<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    /// Local dates as YYYY-MM-DD.
    pub fn dates<S: Serializer>(dates: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(dates.iter().map(ToString::to_string))
    }
}

/// Serialises `value` as pretty JSON with a final newline.
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, crate::failure::Failure> {
    serde_json::to_string_pretty(value)
        .map(|mut text| {
            text.push('\n');
            text
        })
        .map_err(|e| crate::failure::Failure::storage(format!("cannot write JSON: {e}")))
}
