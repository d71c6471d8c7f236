//! The small FHIR building blocks every resource here is made of: times,
//! references, codes and quantities, each written one way only.
//!
//! Codes: RollSafe uses SNOMED CT or LOINC only where the code was checked
//! against a published source, each named beside the code where it is used
//! (LOINC 8310-5 "Body temperature", as used by the FHIR vital-signs
//! profile; LOINC 82810-3 "Pregnancy status" with SNOMED CT 77386006
//! "Pregnant" and 60001007 "Not pregnant", as in the International Patient
//! Summary; SNOMED CT 73211009 "Diabetes mellitus"), and HL7's own code
//! systems where FHIR names them. Everything else (zones, symptoms, device
//! kinds, the procedures, the other conditions, the medication, the allergy)
//! has a local code under [`LOCAL_CODES`] with a display and a text, so a
//! reader never needs our code system to understand the entry. Each code has
//! one display wherever it appears.

use chrono::SecondsFormat;
use serde_json::{Value, json};

use crate::time::Moment;

/// Where RollSafe's local code systems live (one per closed list).
pub const LOCAL_CODES: &str = "https://rollsafe.app/fhir/CodeSystem/";

/// Where RollSafe's extensions are defined.
pub const LOCAL_EXTENSIONS: &str = "https://rollsafe.app/fhir/StructureDefinition/";

/// UCUM, the unit system FHIR quantities use.
pub const UCUM: &str = "http://unitsofmeasure.org";

/// LOINC.
pub const LOINC: &str = "http://loinc.org";

/// SNOMED CT.
pub const SNOMED: &str = "http://snomed.info/sct";

/// Where HL7's own code systems live.
pub const HL7_CODES: &str = "http://terminology.hl7.org/CodeSystem/";

/// A FHIR `dateTime`/`instant` with the user's own offset: seconds, plus
/// milliseconds only when there are some.
pub fn date_time(moment: &Moment) -> String {
    let format = if moment.timestamp_subsec_millis() == 0 {
        SecondsFormat::Secs
    } else {
        SecondsFormat::Millis
    };
    moment.to_rfc3339_opts(format, false)
}

/// What every `fullUrl` starts with: entries are named by UUID.
pub const URN_UUID: &str = "urn:uuid:";

/// The `fullUrl` of a bundle entry, and what references to it say.
pub fn full_url(id: &str) -> String {
    format!("{URN_UUID}{id}")
}

/// A reference to another entry of the bundle.
pub fn reference(id: &str) -> Value {
    json!({ "reference": full_url(id) })
}

/// A concept from one of RollSafe's local code systems, with its display
/// repeated as text.
pub fn local_concept(system: &str, code: &str, display: &str) -> Value {
    json!({
        "coding": [{ "system": format!("{LOCAL_CODES}{system}"), "code": code, "display": display }],
        "text": display,
    })
}

/// A concept from a standard code system (`system` is its full URL), with
/// its display repeated as text.
pub fn standard_concept(system: &str, code: &str, display: &str) -> Value {
    json!({
        "coding": [{ "system": system, "code": code, "display": display }],
        "text": display,
    })
}

/// A concept from one of HL7's code systems (`system` is its name under
/// [`HL7_CODES`]).
pub fn hl7_concept(system: &str, code: &str, display: &str) -> Value {
    standard_concept(&format!("{HL7_CODES}{system}"), code, display)
}

/// A concept that is text only: what the user typed, or a plain statement.
pub fn text_concept(text: &str) -> Value {
    json!({ "text": text })
}

/// A length in millimetres (UCUM `mm`).
pub fn millimetres(value: f64) -> Value {
    json!({ "value": value, "unit": "mm", "system": UCUM, "code": "mm" })
}

/// One of RollSafe's extensions.
pub fn extension(name: &str, value_key: &str, value: Value) -> Value {
    let mut object = serde_json::Map::new();
    object.insert(
        "url".into(),
        Value::String(format!("{LOCAL_EXTENSIONS}{name}")),
    );
    object.insert(value_key.into(), value);
    Value::Object(object)
}

/// An annotation (a FHIR note) with `text`.
pub fn note(text: &str) -> Value {
    json!({ "text": text })
}

/// Sets `key` on a resource only when `value` is present and, for lists,
/// not empty: FHIR forbids empty arrays and nulls.
pub fn set(resource: &mut Value, key: &str, value: Option<Value>) {
    let Some(value) = value else { return };
    if value.as_array().is_some_and(Vec::is_empty) {
        return;
    }
    if let Some(object) = resource.as_object_mut() {
        object.insert(key.to_owned(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn times_keep_the_users_offset_and_drop_empty_milliseconds() {
        let whole = DateTime::parse_from_rfc3339("2026-03-01T21:00:00+01:00").unwrap();
        assert_eq!(date_time(&whole), "2026-03-01T21:00:00+01:00");
        let precise = DateTime::parse_from_rfc3339("2026-03-01T21:00:00.120-05:00").unwrap();
        assert_eq!(date_time(&precise), "2026-03-01T21:00:00.120-05:00");
    }

    #[test]
    fn empty_lists_are_left_out() {
        let mut resource = json!({});
        set(&mut resource, "note", Some(json!([])));
        set(&mut resource, "status", None);
        assert_eq!(resource, json!({}));
    }
}
