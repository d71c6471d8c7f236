//! Where a rule comes from and how much weight it bears.

/// How strong the evidence behind a rule is, following the labels of the
/// domain reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Evidence {
    /// A peer-reviewed paper, or a regulator or public-health body.
    PeerReviewed,
    /// A dermatologist, clinic or professional body.
    Professional,
    /// A blog, vendor or aggregator: what people commonly say.
    Low,
    /// RollSafe's own conservative synthesis of the sources it names.
    Synthesis,
    /// The user's own dermatologist, through a care plan.
    Clinician,
}

crate::codes::stable_codes!(Evidence {
    PeerReviewed => "peer_reviewed",
    Professional => "professional",
    Low => "low",
    Synthesis => "synthesis",
    Clinician => "clinician",
});

/// The source of whatever the user's care plan sets: it replaces RollSafe's
/// defaults where it speaks.
pub const CARE_PLAN: RuleSource = RuleSource {
    rule_id: "care_plan",
    citation: "The care plan set by your dermatologist",
    evidence: Evidence::Clinician,
    note: "A care plan replaces RollSafe's defaults where it speaks.",
};

/// The provenance of a rule, shown beside every finding it produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleSource {
    /// The stable id of the rule, for example `interval.short_needles`.
    pub rule_id: &'static str,
    /// The publications the rule rests on.
    pub citation: &'static str,
    /// The strength of the strongest of them.
    pub evidence: Evidence,
    /// Where the sources disagree, or why this value was chosen.
    pub note: &'static str,
}
