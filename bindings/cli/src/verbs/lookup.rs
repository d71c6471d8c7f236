//! Naming records on the command line: a device by its id or nickname, a
//! session or an alert by its id. Only finding the record happens here.

use rollsafe_core::{AlertId, Device, DeviceId, ReportId, SessionId, Store};

use crate::failure::{ErrorCode, Failure};

/// The device `text` names: its id, or else the nickname of exactly one
/// device. The message never repeats the text (it is the user's own).
pub fn device(store: &Store, text: &str) -> Result<Device, Failure> {
    if let Ok(id) = DeviceId::parse("device", text) {
        return Ok(store.device(id)?);
    }
    let mut named: Vec<Device> = store
        .devices()?
        .into_iter()
        .filter(|d| d.nickname == text)
        .collect();
    match (named.pop(), named.is_empty()) {
        (Some(device), true) => Ok(device),
        (Some(_), false) => Err(Failure::input(
            "several devices have that nickname: give the device's id (see `rollsafe devices --json`)",
        )
        .coded(ErrorCode::InvalidInput)
        .at_field("device")),
        (None, _) => Err(Failure::input(
            "no device has that id or nickname (see `rollsafe devices`)",
        )
        .coded(ErrorCode::NotFound)
        .at_field("device")),
    }
}

/// The session id in `text`.
pub fn session_id(text: &str) -> Result<SessionId, Failure> {
    Ok(SessionId::parse("session", text)?)
}

/// The alert id in `text`.
pub fn alert_id(text: &str) -> Result<AlertId, Failure> {
    Ok(AlertId::parse("alert", text)?)
}

/// The symptom report id in `text`.
pub fn report_id(text: &str) -> Result<ReportId, Failure> {
    Ok(ReportId::parse("report", text)?)
}
