//! DocumentReference: the PDF report the bundle goes with, named but not
//! embedded in the bundle.
//!
//! A PDF exported beside the bundle is described with its size and digest
//! (FHIR R4's `Attachment.hash` is the SHA-1 of the data, base64-encoded);
//! the PDF that holds the bundle as an embedded file is described without
//! them, since a file cannot carry its own digest.

use base64::Engine;
use serde_json::{Value, json};

use super::ids;
use super::json::{date_time, reference, set};
use crate::error::{Error, Result};
use crate::time::{self, Moment};
use crate::validate;

/// The largest attachment FHIR R4 can describe: `Attachment.size` is an
/// `unsignedInt`, at most 2^31 - 1.
pub const MAX_ATTACHMENT_BYTES: u64 = i32::MAX as u64;

/// The bytes of a PDF report exported beside the bundle: what FHIR R4's
/// `Attachment.size` and `Attachment.hash` (the SHA-1) hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfDigest {
    /// The SHA-1 of the PDF's bytes.
    pub sha1: [u8; 20],
    /// The PDF's size in bytes.
    pub size: u64,
}

/// The PDF report a bundle describes: one exported beside it (with its
/// digest), or the one that holds the bundle as an embedded file (which
/// cannot carry its own digest).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachedReport {
    /// The digest of a PDF exported beside the bundle; `None` for the PDF
    /// the bundle is embedded in.
    pub digest: Option<PdfDigest>,
    /// Its title, for example "Microneedling log, March 2026".
    pub title: String,
    /// When it was made.
    pub created: Moment,
}

impl AttachedReport {
    /// Describes the PDF `bytes`, exported beside the bundle.
    pub fn of_pdf(bytes: &[u8], title: &str, created: Moment) -> Self {
        Self {
            digest: Some(PdfDigest {
                sha1: sha1_smol::Sha1::from(bytes).digest().bytes(),
                size: bytes.len() as u64,
            }),
            title: title.to_owned(),
            created,
        }
    }

    /// Describes the PDF that holds the bundle as an embedded file.
    pub fn enclosing(title: &str, created: Moment) -> Self {
        Self {
            digest: None,
            title: title.to_owned(),
            created,
        }
    }
}

/// The DocumentReference for `report`, or an error naming the bad field.
pub fn document(report: &AttachedReport, patient: &str) -> Result<Value> {
    let title = validate::label("report.title", &report.title)?;
    let created = time::check_plausible("report.created", report.created)?;
    let mut attachment = json!({
        "contentType": "application/pdf",
        "title": title,
        "creation": date_time(&created),
    });
    let (id, description) = match &report.digest {
        Some(digest) => {
            if digest.size > MAX_ATTACHMENT_BYTES {
                return Err(Error::invalid(
                    "report.size",
                    format!("is over the {MAX_ATTACHMENT_BYTES} bytes FHIR R4 can describe"),
                ));
            }
            let hex: String = digest.sha1.iter().map(|b| format!("{b:02x}")).collect();
            set(&mut attachment, "size", Some(json!(digest.size)));
            set(
                &mut attachment,
                "hash",
                Some(json!(
                    base64::engine::general_purpose::STANDARD.encode(digest.sha1)
                )),
            );
            (ids::derived("pdf-report", &hex), title.clone())
        }
        None => (
            ids::derived(
                "pdf-report-enclosing",
                &format!("{}|{title}", date_time(&created)),
            ),
            format!("{title} (this bundle is embedded in it)"),
        ),
    };
    Ok(json!({
        "resourceType": "DocumentReference",
        "id": id,
        "status": "current",
        "type": { "text": "Microneedling log summary for a dermatologist (PDF)" },
        "subject": reference(patient),
        "date": date_time(&created),
        "author": [reference(patient)],
        "description": description,
        "content": [{ "attachment": attachment }],
    }))
}
