//! Rules about the device itself that are not about cleaning or wear: it is
//! never shared, and once retired it is not used again.

use super::{Evidence, RuleSource};

/// Never share a device: blood-borne infection has spread this way.
pub const NEVER_SHARE: RuleSource = RuleSource {
    rule_id: "device.never_share",
    citation: "FDA, Regulatory Considerations for Microneedling Products (2020): disease transmission between users; CDC MMWR 2024;73(16):372-376",
    evidence: Evidence::PeerReviewed,
    note: "Blood-borne infection has spread through reused needling equipment.",
};

/// A device the user retired is not used again.
pub const RETIRED: RuleSource = RuleSource {
    rule_id: "device.retired",
    citation: "The user retired this device",
    evidence: Evidence::Synthesis,
    note: "A retired device stays in the log but is not used again.",
};
