//! Findings about the plan and the person: pre-checks, care plan limits,
//! products, needle length, and the profile's conditions.

use chrono::{Months, NaiveDate};

use super::CheckContext;
use crate::device::NeedleMaterial;
use crate::product::ProductTiming;
use crate::profile::Condition;
use crate::rules::contraindications::{
    ISOTRETINOIN_WAIT_MONTHS, PIGMENTATION_RULE, condition_rule,
};
use crate::rules::needle::{HOME_RANGE_MAX_MM, NEEDLE_RULE, PROFESSIONAL_FROM_MM};
use crate::rules::prechecks::failed_pre_checks;
use crate::rules::products::product_rule;
use crate::rules::source::CARE_PLAN;
use crate::verdict::{Finding, FindingCode, Severity};
use crate::zone::BodyRegion;

pub(super) fn plan_findings(ctx: &CheckContext<'_>) -> Vec<Finding> {
    let mut findings: Vec<Finding> = failed_pre_checks(&ctx.plan.pre_checks)
        .into_iter()
        .map(|rule| Finding {
            code: rule.code,
            severity: Severity::Blocker,
            message: rule.advice.to_owned(),
            source: rule.source,
        })
        .collect();
    findings.extend(care_plan_limits(ctx));
    findings.extend(product_findings(ctx));
    findings.extend(needle_finding(ctx.plan.needle_length_mm));
    findings
}

fn care_plan_limits(ctx: &CheckContext<'_>) -> Vec<Finding> {
    let Some(plan) = ctx.care_plan else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    let refused: Vec<&str> = ctx
        .plan
        .zones
        .iter()
        .filter(|z| !plan.allows_zone(**z))
        .map(|z| z.code())
        .collect();
    if !refused.is_empty() {
        findings.push(Finding {
            code: FindingCode::ZoneNotInCarePlan,
            severity: Severity::Blocker,
            message: format!(
                "Your care plan from {} does not include these zones: {}.",
                plan.set_by,
                refused.join(", ").replace('_', " ")
            ),
            source: CARE_PLAN,
        });
    }
    let mut regions: Vec<BodyRegion> = ctx.plan.zones.iter().map(|z| z.region()).collect();
    regions.dedup();
    for region in regions {
        let Some(max) = plan.max_needle_for(region) else {
            continue;
        };
        if ctx.plan.needle_length_mm > max {
            findings.push(Finding {
                code: FindingCode::NeedleOverCarePlan,
                severity: Severity::Blocker,
                message: format!(
                    "Your care plan from {} allows needles up to {max} mm on the {}; this session uses {} mm.",
                    plan.set_by,
                    super::interval::region_name(region),
                    ctx.plan.needle_length_mm
                ),
                source: CARE_PLAN,
            });
        }
    }
    findings
}

fn product_findings(ctx: &CheckContext<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for product in &ctx.plan.products {
        for category in &product.categories {
            if let Some(rule) = product_rule(*category, product.timing) {
                let when = match product.timing {
                    ProductTiming::Before => "before",
                    ProductTiming::After => "after",
                };
                findings.push(Finding {
                    code: FindingCode::ProductToAvoid,
                    severity: Severity::Warning,
                    message: format!(
                        "{} contains {}: keep {} off needled skin for {} days {when} a session.",
                        product.name,
                        category.label(),
                        category.label(),
                        rule.avoid_days
                    ),
                    source: rule.source,
                });
            }
            if let Some(plan) = ctx
                .care_plan
                .filter(|p| p.avoid_products.contains(category))
            {
                findings.push(Finding {
                    code: FindingCode::CarePlanProduct,
                    severity: Severity::Warning,
                    message: format!(
                        "{} contains {}, which your care plan from {} says to avoid.",
                        product.name,
                        category.label(),
                        plan.set_by
                    ),
                    source: CARE_PLAN,
                });
            }
        }
    }
    findings
}

fn needle_finding(needle_mm: f64) -> Option<Finding> {
    let (code, severity, message) = if needle_mm >= PROFESSIONAL_FROM_MM {
        (
            FindingCode::NeedleProfessionalRange,
            Severity::Caution,
            format!(
                "{needle_mm} mm needles are typically used by professionals. Deeper needling at home raises the risk of bleeding, infection and scarring; ask your dermatologist. Confirm you have read this to log the session."
            ),
        )
    } else if needle_mm > HOME_RANGE_MAX_MM {
        (
            FindingCode::NeedleOverHomeRange,
            Severity::Warning,
            format!(
                "{needle_mm} mm is over the usual home range of up to {HOME_RANGE_MAX_MM} mm: take extra care with cleaning and rest."
            ),
        )
    } else {
        return None;
    };
    Some(Finding {
        code,
        severity,
        message,
        source: NEEDLE_RULE,
    })
}

pub(super) fn profile_findings(ctx: &CheckContext<'_>, today: NaiveDate) -> Vec<Finding> {
    let Some(profile) = ctx.profile else {
        return Vec::new();
    };
    let touches = |region: BodyRegion| ctx.plan.zones.iter().any(|z| z.region() == region);
    let mut findings = Vec::new();
    for answer in profile.answers.iter().filter(|a| a.present) {
        let condition = answer.condition;
        if ctx.care_plan.is_some_and(|p| p.clears(condition)) {
            continue;
        }
        let Some(rule) = condition_rule(condition) else {
            continue;
        };
        let mut message = rule.advice.to_owned();
        let applies = match condition {
            Condition::ColdSores => touches(BodyRegion::Face),
            Condition::NickelAllergy => ctx.device.material != NeedleMaterial::Titanium,
            Condition::Isotretinoin => match answer.stopped_on {
                None => true,
                Some(stopped) => {
                    let until = stopped
                        .checked_add_months(Months::new(ISOTRETINOIN_WAIT_MONTHS))
                        .unwrap_or(stopped);
                    message = format!(
                        "You stopped isotretinoin on {stopped}. {} Allowed from {until} by this rule.",
                        rule.advice
                    );
                    today < until
                }
            },
            _ => true,
        };
        if applies {
            findings.push(Finding {
                code: rule.code,
                severity: rule.severity,
                message,
                source: rule.source,
            });
        }
    }
    let prone = profile.skin_type.is_some_and(|t| t.pigmentation_prone());
    if prone && (touches(BodyRegion::Face) || touches(BodyRegion::Body)) {
        findings.push(Finding {
            code: FindingCode::PigmentationRisk,
            severity: Severity::Warning,
            message: "Skin types IV to VI are more prone to dark marks after needling. Keep the area out of the sun and use SPF 30 or higher for weeks after.".to_owned(),
            source: PIGMENTATION_RULE,
        });
    }
    findings
}
