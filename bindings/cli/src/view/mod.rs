//! What each verb shows, as plain data: built from the core's answers by the
//! verbs, printed as text by `text/`, or serialised as JSON for scripts.
//!
//! The JSON field names are a contract with scripts: snake_case, never
//! renamed, only added to. Enumerations are the core's stable codes, moments
//! are RFC 3339 to the second with the offset they were recorded in, dates
//! are YYYY-MM-DD. Every output carries `version` ([`JSON_VERSION`]) and
//! `output` (which shape it is), as `schemas/cli-output-v1.schema.json`
//! describes.

pub mod actions;
pub mod device;
pub mod error;
pub mod import;
pub mod safety;
pub mod session;
pub mod status;

/// Serialisers for chrono values without chrono's serde feature.
pub mod ser {
    use chrono::NaiveDate;
    use rollsafe_core::Moment;
    use serde::Serializer;

    /// A moment as RFC 3339 to the second, with its own offset: one
    /// precision for every moment, whatever the clock gave.
    pub fn moment<S: Serializer>(moment: &Moment, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&rfc3339(moment))
    }

    /// An optional moment, `null` when absent.
    pub fn opt_moment<S: Serializer>(moment: &Option<Moment>, s: S) -> Result<S::Ok, S::Error> {
        match moment {
            Some(m) => s.serialize_str(&rfc3339(m)),
            None => s.serialize_none(),
        }
    }

    /// The RFC 3339 text of `moment`, to the second.
    pub fn rfc3339(moment: &Moment) -> String {
        moment.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
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

/// The version of the JSON shapes: raised only when a field changes
/// meaning or goes away (fields are only ever added within a version).
pub const JSON_VERSION: u32 = 1;

/// An output with the fields every output carries.
#[derive(serde::Serialize)]
struct Versioned<'a, T> {
    version: u32,
    output: &'static str,
    #[serde(flatten)]
    body: &'a T,
}

/// Serialises `value` as the output named `output` (pretty JSON with a
/// final newline), with `version` and `output` first.
pub fn to_json<T: serde::Serialize>(
    output: &'static str,
    value: &T,
) -> Result<String, crate::failure::Failure> {
    let versioned = Versioned {
        version: JSON_VERSION,
        output,
        body: value,
    };
    serde_json::to_string_pretty(&versioned)
        .map(|mut text| {
            text.push('\n');
            text
        })
        .map_err(|e| crate::failure::Failure::storage(format!("cannot write JSON: {e}")))
}
