//! A device as the CLI shows it: what it is, how worn, when to replace it,
//! whether it was cleaned since its last use. All of it is the core's
//! `DeviceOverview`; nothing is recomputed here.

use chrono::NaiveDate;
use rollsafe_core::check::CleaningState;
use rollsafe_core::{DeviceOverview, DeviceStatus, Moment, time};
use serde::Serialize;

use super::ser;

/// What `rollsafe devices` shows.
#[derive(Debug, Serialize)]
pub struct DevicesView {
    /// The moment the overviews are for.
    #[serde(serialize_with = "ser::moment")]
    pub now: Moment,
    /// Every device, active and retired, in the core's order.
    pub devices: Vec<DeviceView>,
}

/// One device with its overview.
#[derive(Debug, Serialize)]
pub struct DeviceView {
    /// Its stable id.
    pub id: String,
    /// The user's name for it.
    pub nickname: String,
    /// Its kind code (`roller`, `scalp_roller`...).
    pub kind: &'static str,
    /// Needle length in millimetres (a pen's shortest setting).
    pub needle_length_mm: f64,
    /// An adjustable pen's longest setting.
    pub needle_length_max_mm: Option<f64>,
    /// Its needle material code.
    pub material: &'static str,
    /// The brand, if known.
    pub brand: Option<String>,
    /// `active` or `retired`.
    pub status: &'static str,
    /// When it was retired, if it was.
    #[serde(serialize_with = "ser::opt_moment")]
    pub retired_at: Option<Moment>,
    /// True when someone else uses it too.
    pub shared: bool,
    /// True once bent needles or a rough roll were reported.
    pub damaged: bool,
    /// Sessions with the current head.
    pub uses: u32,
    /// Sessions with the device in all.
    pub total_uses: u32,
    /// The local date the current head came into use.
    #[serde(serialize_with = "ser::opt_date")]
    pub head_started: Option<NaiveDate>,
    /// Local calendar days since the current head came into use.
    pub age_days: Option<i64>,
    /// When it was last used.
    #[serde(serialize_with = "ser::opt_moment")]
    pub last_used_at: Option<Moment>,
    /// Where it stands against its replacement limit.
    pub replacement: ReplacementView,
    /// Whether it was cleaned adequately since its last use.
    pub cleaning: CleaningView,
}

/// The replacement limit and where the device stands.
#[derive(Debug, Serialize)]
pub struct ReplacementView {
    /// True when it should be replaced before its next use.
    pub due: bool,
    /// Why, in plain words.
    pub reason: Option<String>,
    /// The local date the day limit is reached.
    #[serde(serialize_with = "ser::opt_date")]
    pub due_by: Option<NaiveDate>,
    /// The limit in uses.
    pub max_uses: u32,
    /// The limit in days.
    pub max_days: u32,
    /// Uses left before the limit.
    pub uses_left: u32,
    /// The rule that set the limit.
    pub rule_id: &'static str,
}

/// The cleaning state since the last use. "Clean for next use" means an
/// adequate cleaning was logged; it never means sterile.
#[derive(Debug, Serialize)]
pub struct CleaningView {
    /// `clean_for_next_use`, `not_cleaned_before_first_use`,
    /// `not_cleaned_since_last_use` or `inadequate`.
    pub state: &'static str,
    /// For `inadequate`: the method code of the latest cleaning.
    pub method: Option<&'static str>,
    /// For an inadequate soak: its minutes.
    pub soak_minutes: Option<u32>,
}

impl DeviceView {
    /// The view of `overview` as of `now`.
    pub fn new(overview: &DeviceOverview, now: &Moment) -> Self {
        let device = &overview.device;
        let (status, retired_at) = match &device.status {
            DeviceStatus::Active => ("active", None),
            DeviceStatus::Retired { at, .. } => ("retired", Some(*at)),
        };
        let head_started = overview.wear.head_started;
        let replacement = &overview.replacement;
        Self {
            id: device.id.to_string(),
            nickname: device.nickname.clone(),
            kind: device.kind.code(),
            needle_length_mm: device.needle_length_mm,
            needle_length_max_mm: device.needle_length_max_mm,
            material: device.material.code(),
            brand: device.brand.clone(),
            status,
            retired_at,
            shared: device.shared,
            damaged: device.damaged,
            uses: overview.wear.uses,
            total_uses: overview.wear.total_uses,
            head_started,
            age_days: head_started
                .map(|start| time::calendar_days_between(start, time::local_date(now))),
            last_used_at: overview.last_used_at,
            replacement: ReplacementView {
                due: replacement.due,
                reason: replacement.reason.clone(),
                due_by: replacement.due_by,
                max_uses: replacement.max_uses,
                max_days: replacement.max_days,
                uses_left: replacement.uses_left,
                rule_id: replacement.source.rule_id,
            },
            cleaning: CleaningView::new(overview.cleaning),
        }
    }

    /// True while the device has not been retired.
    pub fn is_active(&self) -> bool {
        self.status == "active"
    }
}

impl CleaningView {
    fn new(state: CleaningState) -> Self {
        let (state, method, soak_minutes) = match state {
            CleaningState::CleanForNextUse => ("clean_for_next_use", None, None),
            CleaningState::NotCleanedBeforeFirstUse => ("not_cleaned_before_first_use", None, None),
            CleaningState::NotCleanedSinceLastUse => ("not_cleaned_since_last_use", None, None),
            CleaningState::Inadequate {
                method,
                soak_minutes,
            } => ("inadequate", Some(method.code()), soak_minutes),
        };
        Self {
            state,
            method,
            soak_minutes,
        }
    }

    /// True when an adequate cleaning was logged since the last use.
    pub fn clean_for_next_use(&self) -> bool {
        self.state == "clean_for_next_use"
    }
}
