//! Procedure: one cleaning of a device, done by the patient.
//!
//! FHIR R4 has no resource for looking after equipment; its Procedure is "an
//! action that is or was performed on or for a patient", and names device
//! work among its uses (`focalDevice`: a device "manipulated (calibration,
//! battery replacement ...)" as the focus of the procedure). A cleaning is
//! such an action, for the patient's own care, so it is a Procedure on the
//! patient whose `focalDevice` is the device, when the device's entry is in
//! the bundle. The method, soak time, where it falls around the device's
//! uses and when it was entered are RollSafe extensions; whether it counts
//! as adequate by RollSafe's cleaning rule is the outcome. Home cleaning disinfects; it
//! never makes a device sterile, and the entry says so.

use serde_json::{Value, json};

use super::json::{UCUM, date_time, extension, local_concept, note, reference, set};
use super::labels;
use crate::cleaning::CleaningEntry;

/// What every cleaning entry says about what cleaning achieves.
const NOT_STERILE: &str = "Home cleaning disinfects the device; it does not sterilise it.";

/// The Procedure for `entry`; `device_in_bundle` says whether its Device
/// entry is there to be referred to.
pub fn procedure(entry: &CleaningEntry, patient: &str, device_in_bundle: bool) -> Value {
    let cleaning = &entry.cleaning;
    let (timing_code, timing_display) = labels::cleaning_timing(entry.timing);
    let mut extensions = vec![
        extension(
            "cleaning-method",
            "valueCodeableConcept",
            local_concept(
                "cleaning-method",
                cleaning.method.code(),
                labels::cleaning_method(cleaning.method),
            ),
        ),
        extension(
            "cleaning-timing",
            "valueCodeableConcept",
            local_concept("cleaning-timing", timing_code, timing_display),
        ),
    ];
    if let Some(minutes) = cleaning.soak_minutes {
        extensions.push(extension(
            "soak-duration",
            "valueQuantity",
            json!({ "value": minutes, "unit": "min", "system": UCUM, "code": "min" }),
        ));
    }
    extensions.push(extension(
        "recorded-at",
        "valueDateTime",
        json!(date_time(&cleaning.recorded_at)),
    ));
    let outcome = if entry.adequate {
        local_concept(
            "cleaning-outcome",
            "adequate",
            "Adequate by RollSafe's rule (an alcohol soak long enough)",
        )
    } else {
        local_concept(
            "cleaning-outcome",
            "not-adequate",
            "Not adequate by RollSafe's rule",
        )
    };
    let mut resource = json!({
        "resourceType": "Procedure",
        "id": cleaning.id.to_string(),
        "extension": extensions,
        "status": "completed",
        "code": local_concept("procedure", "device-cleaning", "Cleaning of a microneedling device by the patient"),
        "subject": reference(patient),
        "performedDateTime": date_time(&cleaning.at),
        "recorder": reference(patient),
        "performer": [{ "actor": reference(patient) }],
        "outcome": outcome,
        "note": [note(NOT_STERILE)],
    });
    if device_in_bundle {
        set(
            &mut resource,
            "focalDevice",
            Some(json!([{ "manipulated": reference(&cleaning.device_id.to_string()) }])),
        );
    }
    resource
}
