//! The FHIR R4 bundle: the log as structured data, for clinics whose systems
//! take FHIR rather than a PDF.
//!
//! A `collection` Bundle (JSON) whose entries are, in this order:
//!
//! | log | FHIR R4 resource | section |
//! |---|---|---|
//! | the user | Patient: named only when the user asks | always |
//! | the PDF exported alongside | DocumentReference (digest, not the bytes) | when given |
//! | a device | Device, with needle length and material as properties | devices |
//! | owning and using it | DeviceUseStatement | devices |
//! | a session | Procedure, performed by the patient | sessions |
//! | a cleaning | Procedure on the device (`focalDevice`), by the patient | cleanings |
//! | a symptom report | Observation, performed by the patient | symptoms |
//! | a rise or fall of a risk level | RiskAssessment | alerts |
//! | a current triage prompt | RiskAssessment | symptoms |
//! | the skin type | Observation (Fitzpatrick type) | profile |
//! | a condition answered yes | Condition, asserted by the patient | profile |
//! | isotretinoin answered yes | MedicationStatement | profile |
//! | a nickel allergy answered yes | AllergyIntolerance | profile |
//! | pregnancy, answered either way | Observation (pregnancy status) | profile |
//! | any other answer no | Observation of the question, `false` | profile |
//! | the care plan in force at the period's end, and any set in it | CarePlan, authored by the patient | care plan |
//!
//! The profile is the current one whatever the period (see
//! [`care_selection`] and [`profile`] for why each answer becomes what it
//! does). Every entry's `fullUrl` is `urn:uuid:` and its id,
//! which is our own record id where there is one; references point at those
//! `fullUrl`s and only at entries present in the bundle. Unless the user
//! asks to be identified ([`Privacy::identify_patient`]), the Patient has no
//! name, birth date or identifier, and every id is renamed by a keyed hash
//! (see `ids.rs`), so the bundle cannot be linked to a named one by its ids.
//! The same store,
//! options and `now` always give the same bytes: keys are written in
//! alphabetical order and records oldest first.

mod care_plan;
mod care_selection;
mod cleanings;
mod conditions;
mod devices;
mod document;
mod ids;
mod json;
mod labels;
mod observations;
mod patient;
mod procedures;
mod profile;
mod risks;
mod selection;

pub use document::{AttachedReport, MAX_ATTACHMENT_BYTES, PdfDigest};
pub use json::{LOCAL_CODES, LOCAL_EXTENSIONS};

use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::{Value, json};

use self::ids::Naming;
use self::json::{date_time, full_url};
use self::selection::Selection;
use crate::error::{Error, Result};
use crate::export::{Period, Privacy, Sections};
use crate::identity::PatientIdentity;
use crate::store::{Snapshot, Store};
use crate::time::{self, Moment};

/// What a FHIR bundle covers and says about the user.
#[derive(Clone, Debug, PartialEq)]
pub struct FhirOptions {
    /// The local days covered.
    pub period: Period,
    /// The sections included.
    pub sections: Sections,
    /// Whether notes are withheld, photos named and the patient identified.
    pub privacy: Privacy,
    /// The PDF report exported alongside, if any, to describe in a
    /// DocumentReference.
    pub report: Option<AttachedReport>,
}

impl FhirOptions {
    /// Everything, pseudonymous, notes included, no PDF.
    pub fn everything() -> Self {
        Self {
            period: Period::everything(),
            sections: Sections::ALL,
            privacy: Privacy::default(),
            report: None,
        }
    }
}

/// The FHIR R4 Bundle (type `collection`) of `store` as `options` choose,
/// made at `now`, as pretty-printed JSON.
///
/// Each entry is built as it is written, so memory holds the records read
/// and the text, never the whole document as a tree (ten years of daily use
/// peaked at 154 MB of heap that way).
pub fn bundle(store: &Store, options: &FhirOptions, now: Moment) -> Result<String> {
    // Everything the bundle holds is read from one snapshot, so it agrees
    // with itself while other connections write.
    store.snapshot(|view| bundle_in(view, options, now))
}

/// The bundle of [`bundle`], read from `view`: the PDF report builds the
/// bundle it embeds from the snapshot its own pages come from.
pub(crate) fn bundle_in(view: &Snapshot<'_>, options: &FhirOptions, now: Moment) -> Result<String> {
    let mut text = Vec::new();
    write_bundle_in(view, options, now, &mut text)?;
    String::from_utf8(text)
        .map_err(|_| Error::Inconsistent("the FHIR bundle was not written as UTF-8".into()))
}

/// Writes the bundle of [`bundle_in`] into `out` as it is made (UTF-8): a
/// report deflates it on the way, so the text is never held whole.
pub(crate) fn write_bundle_in(
    view: &Snapshot<'_>,
    options: &FhirOptions,
    now: Moment,
    out: &mut impl std::io::Write,
) -> Result<()> {
    let now = time::check_plausible("now", now)?;
    options.period.check_started_by(&now)?;
    let (identity, naming) = if options.privacy.identify_patient {
        let identity = view.profile()?.map(|p| p.identity).unwrap_or_default();
        (identity, Naming::Own)
    } else {
        (
            PatientIdentity::default(),
            Naming::keyed(&view.pseudonym_key()?)?,
        )
    };
    let selection = Selection::read(view, &options.sections, &options.period, now)?;
    let patient = selection.patient_id.as_str();
    let mut leading = vec![patient::resource(patient, &identity)];
    if let Some(report) = &options.report {
        leading.push(document::document(report, patient)?);
    }
    let named_patient = naming.id(patient);
    let document = Document {
        id: ids::derived(
            "bundle",
            &format!(
                "{named_patient}/{}/{}/{}",
                date_time(&now),
                options.period.from(),
                options.period.to()
            ),
        ),
        timestamp: date_time(&now),
        entries: Entries {
            leading,
            selection: &selection,
            privacy: &options.privacy,
            now: &now,
            naming: &naming,
        },
    };
    document
        .serialize(&mut serde_json::Serializer::pretty(out))
        .map_err(|e| Error::Inconsistent(format!("the FHIR bundle could not be written: {e}")))
}

/// The Bundle resource. Its keys are written in alphabetical order, as every
/// object in the bundle is.
struct Document<'a> {
    id: String,
    timestamp: String,
    entries: Entries<'a>,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut bundle = serializer.serialize_map(Some(5))?;
        bundle.serialize_entry("entry", &self.entries)?;
        bundle.serialize_entry("id", &self.id)?;
        bundle.serialize_entry("resourceType", "Bundle")?;
        bundle.serialize_entry("timestamp", &self.timestamp)?;
        bundle.serialize_entry("type", "collection")?;
        bundle.end()
    }
}

/// The bundle's entries in their documented order, each resource built
/// from the selection only when it is written.
struct Entries<'a> {
    /// The Patient, then the DocumentReference if a PDF goes alongside.
    leading: Vec<Value>,
    selection: &'a Selection,
    privacy: &'a Privacy,
    now: &'a Moment,
    /// Own ids, or keyed names for a pseudonymous bundle.
    naming: &'a Naming,
}

impl Entries<'_> {
    fn resources(&self) -> impl Iterator<Item = Value> + '_ {
        let selection = self.selection;
        let patient = selection.patient_id.as_str();
        let privacy = self.privacy;
        let devices = selection
            .devices
            .iter()
            .map(move |(device, wear)| devices::device(device, wear, patient, privacy));
        let uses = selection
            .devices
            .iter()
            .map(move |(device, _)| devices::use_statement(device, patient, &selection.sessions));
        let procedures = selection.sessions.iter().map(move |session| {
            let with_device = selection.has_device(session.device_id);
            procedures::procedure(session, patient, with_device, privacy)
        });
        let cleanings = selection.care.cleanings.iter().map(move |entry| {
            let with_device = selection.has_device(entry.cleaning.device_id);
            cleanings::procedure(entry, patient, with_device)
        });
        let observations = selection.reports.iter().map(move |report| {
            let with_session = report.session_id.is_some_and(|s| selection.has_session(s));
            observations::observation(report, patient, with_session, privacy)
        });
        let alerts = selection
            .alerts
            .iter()
            .map(move |alert| risks::from_alert(alert, patient));
        let prompts = selection
            .prompts
            .iter()
            .map(move |prompt| risks::from_prompt(prompt, patient, self.now));
        let answers = selection
            .care
            .profile
            .iter()
            .flat_map(move |p| profile::entries(p, patient));
        let plans = selection
            .care
            .plans
            .iter()
            .map(move |plan| care_plan::care_plan(plan, patient));
        self.leading
            .iter()
            .cloned()
            .chain(devices)
            .chain(uses)
            .chain(procedures)
            .chain(cleanings)
            .chain(observations)
            .chain(alerts)
            .chain(prompts)
            .chain(answers)
            .chain(plans)
    }
}

impl Serialize for Entries<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut entries = serializer.serialize_seq(None)?;
        for mut resource in self.resources() {
            self.naming.rename(&mut resource);
            entries.serialize_element(&entry(resource).map_err(S::Error::custom)?)?;
        }
        entries.end()
    }
}

/// Wraps a resource in a bundle entry whose `fullUrl` is its id.
fn entry(resource: Value) -> Result<Value> {
    let id = resource
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::Inconsistent("a FHIR resource was built without an id".into()))?;
    Ok(json!({ "fullUrl": full_url(id), "resource": resource }))
}
