//! Needle lengths beyond home use.
//!
//! No regulator sets a home-use length. Sources put home devices at
//! 0.2-0.5 mm and call 0.75-1.0 mm and longer professional (domain reference
//! 2.2). Longer needles are still loggable: over the home range with a
//! warning; in the professional range only once the user acknowledges a
//! caution, which is kept with the session. The sources only say "typically
//! professional" and suggest "show a warning, still allow logging"; asking for
//! an acknowledgement that is stored is the conservative end of that advice,
//! as deeper needling raises the risk of bleeding, infection and scarring.

use super::source::{Evidence, RuleSource};

/// Needles longer than this are over the home range, in millimetres.
pub const HOME_RANGE_MAX_MM: f64 = 0.3;
/// Needles at least this long are typically professional, in millimetres.
pub const PROFESSIONAL_FROM_MM: f64 = 0.75;

/// The rule behind both needle warnings.
pub const NEEDLE_RULE: RuleSource = RuleSource {
    rule_id: "needle.home_range",
    citation: "Home devices 0.25-0.5 mm (tressless.com; dreamboxbeauty.com); home 0.2-0.3, clinical 0.5, medical 1.0+ (N. Agrawal slides); Dr Marchbein in Allure: home needles 0.2-1 mm",
    evidence: Evidence::Low,
    note: "RollSafe's synthesis: up to 0.3 mm home use, 0.5 mm with caution, 0.75 mm and over typically professional.",
};
