//! Records that cross the boundary, one file per part of the log.
//!
//! Generated as immutable data classes in Kotlin and structs in Swift. Ids
//! cross as UUID strings, parsed on the way in with a typed error naming the
//! field; moments and dates use the types in `time.rs`.

mod changes;
mod cleaning;
mod device;
mod export;
mod profile;
mod report;
mod risk;
mod session;
mod today;
mod verdict;

pub use changes::{
    DeviceUpdate, RecordedCleaning, ReportUpdate, SavedCarePlan, SavedProfile, SessionUpdate,
};
pub use cleaning::{Cleaning, CleaningEntry, NewCleaning};
pub use device::{Device, DeviceChange, DeviceOverview, NewDevice, Replacement};
pub use export::{
    CsvFile, DateRange, ExportScope, ExportSections, ImportCount, ImportResult, ReportOptions,
};
pub use profile::{CarePlan, ConditionAnswer, PatientIdentity, Profile, ProfileUpdate};
pub use report::{NewSymptomReport, SymptomReport};
pub(crate) use risk::alerts;
pub use risk::{
    Alert, Assessment, PreventiveRisk, Reminder, RiskFactor, Triage, TriagePrompt, WallClock,
};
pub use session::{NewSession, RecordedSession, Session, SessionHistory, SessionPlan};
pub use today::{DeviceToday, RegionToday, Today};
pub use verdict::{Finding, RegionRest, RuleSource, SessionVerdict};
