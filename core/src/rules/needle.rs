//! Needle lengths beyond home use.
//!
//! No regulator sets a home-use length. Sources put home devices at
//! 0.2-0.5 mm and call 0.75-1.0 mm and longer professional (domain reference
//! 2.2). Longer needles are still loggable, with a warning.

use super::source::{Evidence, RuleSource};

/// Needles longer than this are over the home range, in millimetres.
pub const HOME_RANGE_MAX_MM: f64 = 0.3;
/// Needles at least this long are typically professional, in millimetres.
pub const PROFESSIONAL_FROM_MM: f64 = 0.75;

/// The finding code for a needle over the home range.
pub const OVER_HOME_RANGE: &str = "needle_over_home_range";
/// The finding code for a needle in the professional range.
pub const PROFESSIONAL_RANGE: &str = "needle_professional_range";

/// The rule behind both needle warnings.
pub const NEEDLE_RULE: RuleSource = RuleSource {
    rule_id: "needle.home_range",
    citation: "Home devices 0.25-0.5 mm (tressless.com; dreamboxbeauty.com); home 0.2-0.3, clinical 0.5, medical 1.0+ (N. Agrawal slides); Dr Marchbein in Allure: home needles 0.2-1 mm",
    evidence: Evidence::Low,
    note: "RollSafe's synthesis: up to 0.3 mm home use, 0.5 mm with caution, 0.75 mm and over typically professional.",
};
