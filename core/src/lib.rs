//! RollSafe's core: the log of a person's home microneedling, the rules that
//! keep it safe, and the SQLite store that keeps it.
//!
//! Everything that can be decided is decided here, once, and tested here; the
//! Kotlin and Swift shells (through `rollsafe-ffi`) only adapt and display.
//! The core never reads the clock: operations that depend on the time take
//! `now` as an argument.
//!
//! | module | concern |
//! |---|---|
//! | [`device`], [`session`], [`cleaning`], [`zone`], [`product`], [`symptom`] | what the user records |
//! | [`device_overview`] | what the log says about one device as of a moment |
//! | [`profile`], [`identity`], [`care_plan`] | who the user is, and what their dermatologist set |
//! | [`finding`] | what a finding is about and how much it weighs: the rules raise them, the verdict lists them |
//! | [`rules`] | clinical rules as data, each naming its source |
//! | [`check`], [`verdict`], [`wear`] | "may I use my device now?" with its reasons |
//! | [`risk`], [`alert`] | preventive risk and symptom triage, and the alerts their changes raise |
//! | [`reminders`] | cleaning, check-ins, next session, replacement: the schedule the shells notify |
//! | [`today`] | the home screen in one call: every device and region, risk, alerts, reminders |
//! | [`store`] | the SQLite file, its schema and migrations |
//! | [`backup`] | the JSON backup's format, which the store writes and merges back |
//! | [`export`] | what leaves the device: PDF report, FHIR, JSON backup, CSV |
//! | [`report`] | the dermatologist's PDF: facts from the store, then pages |
//! | [`time`], [`ids`], [`period`], [`validate`], `codes`, [`sorting`] | shared building blocks |
//! | [`error`] | every way an operation can fail |

pub mod alert;
pub mod backup;
pub mod care_plan;
pub mod check;
pub mod cleaning;
mod codes;
pub mod device;
pub mod device_overview;
pub mod error;
pub mod export;
pub mod finding;
pub mod identity;
pub mod ids;
pub mod period;
pub mod product;
pub mod profile;
pub mod reminders;
pub mod report;
pub mod risk;
pub mod rules;
pub mod session;
pub mod sorting;
pub mod store;
pub mod symptom;
pub mod time;
pub mod today;
pub mod validate;
pub mod verdict;
pub mod wear;
pub mod zone;

pub use alert::{Alert, AlertKind, AlertListener, AlertReason, Changed};
pub use care_plan::{CarePlan, RegionNeedleLimit, RegionRest as CarePlanRest};
pub use cleaning::{Cleaning, CleaningEntry, CleaningMethod, CleaningTiming, NewCleaning};
pub use device::{Device, DeviceKind, DeviceStatus, NeedleMaterial, NewDevice};
pub use device_overview::DeviceOverview;
pub use error::{Error, Result};
pub use identity::{PatientIdentifier, PatientIdentity};
pub use ids::{AlertId, CleaningId, DeviceId, ReportId, SessionId};
pub use product::{Product, ProductCategory, ProductTiming};
pub use profile::{Condition, ConditionAnswer, Profile, ProfileUpdate, SkinType};
pub use reminders::{QuietHours, Reminder, ReminderKind};
pub use risk::{
    Assessment, FactorKind, PreventiveRisk, RiskFactor, RiskFactorCode, RiskLevel, Triage,
    TriageLevel, TriagePrompt,
};
pub use session::{NewSession, Override, PreChecks, Session, SessionHistory, SessionPlan};
pub use store::{ImportCount, ImportSummary, ListenerId, RecordedSession, Store};
pub use symptom::{
    NewSymptomReport, PhotoRef, PusColour, PusConsistency, PusDescription, ReportKind,
    ReportedSymptom, Symptom, SymptomReport, SymptomTrend,
};
pub use time::Moment;
pub use today::{DeviceToday, RegionToday, Today};
pub use verdict::{Finding, FindingCode, RegionRest, SessionVerdict, Severity};
pub use zone::{BodyRegion, BodyZone};
