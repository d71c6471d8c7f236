//! DocumentReference: the PDF report exported alongside the bundle, named
//! but not embedded.
//!
//! FHIR R4's `Attachment.hash` is the SHA-1 of the data, base64-encoded, so
//! that is what an [`AttachedReport`] carries; the bytes themselves travel
//! as a separate file.

use base64::Engine;
use serde_json::{Value, json};

use super::ids;
use super::json::{date_time, reference};
use crate::error::{Error, Result};
use crate::time::{self, Moment};
use crate::validate;

/// The largest attachment FHIR R4 can describe: `Attachment.size` is an
/// `unsignedInt`, at most 2^31 - 1.
pub const MAX_ATTACHMENT_BYTES: u64 = i32::MAX as u64;

/// A PDF report exported with the bundle, described by its digest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachedReport {
    /// The SHA-1 of the PDF's bytes (what FHIR R4's `Attachment.hash` holds).
    pub sha1: [u8; 20],
    /// The PDF's size in bytes.
    pub size: u64,
    /// Its title, for example "Microneedling log, March 2026".
    pub title: String,
    /// When it was made.
    pub created: Moment,
}

impl AttachedReport {
    /// Describes the PDF `bytes`.
    pub fn of_pdf(bytes: &[u8], title: &str, created: Moment) -> Self {
        Self {
            sha1: sha1_smol::Sha1::from(bytes).digest().bytes(),
            size: bytes.len() as u64,
            title: title.to_owned(),
            created,
        }
    }
}

/// The DocumentReference for `report`, or an error naming the bad field.
pub fn document(report: &AttachedReport, patient: &str) -> Result<Value> {
    let title = validate::label("report.title", &report.title)?;
    let created = time::check_plausible("report.created", report.created)?;
    if report.size > MAX_ATTACHMENT_BYTES {
        return Err(Error::invalid(
            "report.size",
            format!("is over the {MAX_ATTACHMENT_BYTES} bytes FHIR R4 can describe"),
        ));
    }
    let hash = base64::engine::general_purpose::STANDARD.encode(report.sha1);
    let hex: String = report.sha1.iter().map(|b| format!("{b:02x}")).collect();
    Ok(json!({
        "resourceType": "DocumentReference",
        "id": ids::derived("pdf-report", &hex),
        "status": "current",
        "type": { "text": "Microneedling log summary for a dermatologist (PDF)" },
        "subject": reference(patient),
        "date": date_time(&created),
        "author": [reference(patient)],
        "description": title,
        "content": [{
            "attachment": {
                "contentType": "application/pdf",
                "size": report.size,
                "hash": hash,
                "title": title,
                "creation": date_time(&created),
            }
        }],
    }))
}
