//! A session as the CLI shows it in the timeline.

use chrono::NaiveDate;
use rollsafe_core::{Device, Moment, ProductTiming, Session};
use serde::Serialize;

use super::ser;

/// What `rollsafe sessions` shows.
#[derive(Debug, Serialize)]
pub struct SessionsView {
    /// The first local day included, `null` for the start of the log.
    #[serde(serialize_with = "ser::opt_date")]
    pub from: Option<NaiveDate>,
    /// The last local day included, `null` for the end of the log.
    #[serde(serialize_with = "ser::opt_date")]
    pub to: Option<NaiveDate>,
    /// The sessions, oldest first.
    pub sessions: Vec<SessionView>,
}

/// One recorded session (its latest revision).
#[derive(Debug, Serialize)]
pub struct SessionView {
    /// Its stable id.
    pub id: String,
    /// When it took place, in the offset the user lived in then.
    #[serde(serialize_with = "ser::moment")]
    pub at: Moment,
    /// The device's id.
    pub device_id: String,
    /// The device's nickname, if the device is in the log.
    pub device: Option<String>,
    /// The zone codes treated.
    pub zones: Vec<&'static str>,
    /// The needle length used, in millimetres.
    pub needle_length_mm: f64,
    /// Products applied before and after.
    pub products: Vec<ProductView>,
    /// Passes over each zone, if counted.
    pub passes: Option<u32>,
    /// Pain 0 to 10, if given.
    pub pain: Option<u8>,
    /// The user's notes.
    pub notes: Option<String>,
    /// Blockers the user saw and chose to override.
    pub overrides: Vec<OverrideView>,
    /// When it was first entered into the log.
    #[serde(serialize_with = "ser::moment")]
    pub recorded_at: Moment,
    /// 0 as recorded, one more for each edit.
    pub revision: u32,
}

/// A product applied in a session.
#[derive(Debug, Serialize)]
pub struct ProductView {
    /// The user's name for it.
    pub name: String,
    /// `before` or `after` needling.
    pub timing: &'static str,
    /// Its category codes.
    pub categories: Vec<&'static str>,
}

/// A blocker the user overrode.
#[derive(Debug, Serialize)]
pub struct OverrideView {
    /// The blocker's stable code.
    pub code: String,
    /// The message the user was shown.
    pub message: String,
}

impl SessionView {
    /// The view of `session`, naming its device from `devices`.
    pub fn new(session: &Session, devices: &[Device]) -> Self {
        Self {
            id: session.id.to_string(),
            at: session.at,
            device_id: session.device_id.to_string(),
            device: devices
                .iter()
                .find(|d| d.id == session.device_id)
                .map(|d| d.nickname.clone()),
            zones: session.zones.iter().map(|z| z.code()).collect(),
            needle_length_mm: session.needle_length_mm,
            products: session
                .products
                .iter()
                .map(|p| ProductView {
                    name: p.name.clone(),
                    timing: match p.timing {
                        ProductTiming::Before => "before",
                        ProductTiming::After => "after",
                    },
                    categories: p.categories.iter().map(|c| c.code()).collect(),
                })
                .collect(),
            passes: session.passes,
            pain: session.pain,
            notes: session.notes.clone(),
            overrides: session
                .overrides
                .iter()
                .map(|o| OverrideView {
                    code: o.code.clone(),
                    message: o.message.clone(),
                })
                .collect(),
            recorded_at: session.recorded_at,
            revision: session.revision,
        }
    }
}
