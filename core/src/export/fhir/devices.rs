//! Device and DeviceUseStatement: what the patient owns and how long they
//! used it.
//!
//! R4's Device has no element for needle length or material, so they are
//! `Device.property` entries (a type and a quantity or a coded value), the
//! general mechanism R4 offers for device characteristics.

use serde_json::{Value, json};

use super::ids;
use super::json::{date_time, local_concept, millimetres, note, reference, set, text_concept};
use super::labels;
use crate::device::{Device, DeviceStatus};
use crate::export::Privacy;
use crate::export::notes;
use crate::session::Session;
use crate::time;
use crate::wear::DeviceWear;

/// The id of a device's DeviceUseStatement.
pub fn use_statement_id(device: &Device) -> String {
    ids::derived("device-use", &device.id.to_string())
}

/// The Device resource.
pub fn device(device: &Device, wear: &DeviceWear, patient: &str, privacy: &Privacy) -> Value {
    let mut properties = vec![property(
        "needle-length",
        "Needle length",
        json!({ "valueQuantity": [millimetres(device.needle_length_mm)] }),
    )];
    if let Some(max) = device.needle_length_max_mm {
        properties.push(property(
            "needle-length-max",
            "Needle length, longest setting",
            json!({ "valueQuantity": [millimetres(max)] }),
        ));
    }
    if let Some(count) = device.needle_count {
        properties.push(property(
            "needle-count",
            "Number of needles",
            json!({ "valueQuantity": [{ "value": count, "unit": "needles", "system": super::json::UCUM, "code": "{needles}" }] }),
        ));
    }
    properties.push(property(
        "needle-material",
        "Needle material",
        json!({ "valueCode": [local_concept("needle-material", device.material.code(), labels::material(device.material))] }),
    ));
    properties.push(property(
        "shared",
        "Shared with another person",
        json!({ "valueCode": [text_concept(yes_no(device.shared))] }),
    ));
    properties.push(property(
        "damaged",
        "Bent needles or a rough roll reported",
        json!({ "valueCode": [text_concept(yes_no(device.damaged))] }),
    ));
    properties.push(property(
        "uses-current-head",
        "Sessions with the current head",
        json!({ "valueQuantity": [{ "value": wear.uses }] }),
    ));
    properties.push(property(
        "uses-total",
        "Sessions in all",
        json!({ "valueQuantity": [{ "value": wear.total_uses }] }),
    ));

    let mut resource = json!({
        "resourceType": "Device",
        "id": device.id.to_string(),
        "status": if device.is_active() { "active" } else { "inactive" },
        "deviceName": [{ "name": device.nickname, "type": "patient-reported-name" }],
        "type": local_concept("device-kind", device.kind.code(), labels::device_kind(device.kind)),
        "property": properties,
        "patient": reference(patient),
    });
    set(
        &mut resource,
        "manufacturer",
        device.brand.clone().map(Value::String),
    );
    if let DeviceStatus::Retired { at, reason } = &device.status {
        let why = notes::shown(privacy, Some(reason)).unwrap_or_default();
        let text = format!("Retired on {}: {why}", time::local_date(at));
        set(&mut resource, "note", Some(json!([note(&text)])));
    }
    resource
}

/// The DeviceUseStatement: the patient's own account of using the device,
/// from its first use to its retirement, derived from its sessions.
pub fn use_statement(device: &Device, patient: &str, sessions: &[Session]) -> Value {
    let start = time::local_date(&device.added_at);
    let start = device.first_use_date.map_or(start, |d| d.min(start));
    let mut timing = json!({ "start": start.to_string() });
    if let DeviceStatus::Retired { at, .. } = &device.status {
        if time::local_date(at) >= start {
            set(&mut timing, "end", Some(Value::String(date_time(at))));
        }
    }
    let derived_from: Vec<Value> = sessions
        .iter()
        .filter(|s| s.device_id == device.id)
        .map(|s| reference(&s.id.to_string()))
        .collect();
    let mut resource = json!({
        "resourceType": "DeviceUseStatement",
        "id": use_statement_id(device),
        "status": if device.is_active() { "active" } else { "completed" },
        "subject": reference(patient),
        "timingPeriod": timing,
        "recordedOn": date_time(&device.added_at),
        "source": reference(patient),
        "device": reference(&device.id.to_string()),
    });
    set(
        &mut resource,
        "derivedFrom",
        Some(Value::Array(derived_from)),
    );
    resource
}

fn property(code: &str, display: &str, value: Value) -> Value {
    let mut property = json!({ "type": local_concept("device-property", code, display) });
    if let (Some(object), Value::Object(values)) = (property.as_object_mut(), value) {
        object.extend(values);
    }
    property
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}
