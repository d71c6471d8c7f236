//! The clinical rules RollSafe applies, kept as data that names its sources.
//!
//! Published evidence on home microneedling is thin and often disagrees
//! (see `shared/reference/domain.md`), so every rule carries the citation and
//! the strength of what it rests on, defaults sit at the conservative end, and
//! the user or their dermatologist may override them.

pub mod catalogue;
pub mod cleaning;
pub mod contraindications;
pub mod device;
pub mod interval;
pub mod needle;
pub mod prechecks;
pub mod products;
pub mod replacement;
pub mod risk;
pub mod source;
pub mod symptom_gate;
pub mod triage;

pub use interval::{DEFAULT_INTERVAL_RULES, IntervalRule, interval_rule_for};
pub use source::{Evidence, RuleSource};
