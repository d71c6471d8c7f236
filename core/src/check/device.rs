//! Findings about the device itself: cleaning, wear, status, sharing.

use chrono::NaiveDate;

use super::{CheckContext, CleaningState};
use crate::rules::cleaning::{CLEANING_RULE, MIN_SOAK_MINUTES, inadequacy};
use crate::rules::device;
use crate::verdict::{Finding, Severity};
use crate::wear;

/// The finding code of a device not cleaned adequately since its last use.
pub const DEVICE_NOT_CLEANED: &str = "device_not_cleaned";
/// The finding code of a device due for replacement.
pub const DEVICE_DUE_FOR_REPLACEMENT: &str = "device_due_for_replacement";
/// The finding code of a retired device.
pub const DEVICE_RETIRED: &str = "device_retired";
/// The finding code of a device shared with someone else.
pub const DEVICE_SHARED: &str = "device_shared";

pub(super) fn device_findings(ctx: &CheckContext<'_>, today: NaiveDate) -> Vec<Finding> {
    let mut findings = Vec::new();
    if !ctx.device.is_active() {
        findings.push(Finding {
            code: DEVICE_RETIRED,
            severity: Severity::Blocker,
            message: format!("{} is retired. Use an active device.", ctx.device.nickname),
            source: device::RETIRED,
        });
    }
    if let Some(message) = cleaning_message(ctx.cleaning) {
        findings.push(Finding {
            code: DEVICE_NOT_CLEANED,
            severity: Severity::Blocker,
            message,
            source: CLEANING_RULE,
        });
    }
    let replacement = wear::replacement(ctx.device, ctx.wear, today);
    if let Some(reason) = replacement.reason {
        findings.push(Finding {
            code: DEVICE_DUE_FOR_REPLACEMENT,
            severity: Severity::Blocker,
            message: format!(
                "Replace {} before the next session: {reason}. Worn needles tear the skin instead of puncturing it.",
                ctx.device.nickname
            ),
            source: replacement.source,
        });
    }
    if ctx.device.shared {
        findings.push(Finding {
            code: DEVICE_SHARED,
            severity: Severity::Warning,
            message: "This device is marked as shared. Never share a needling device: it can pass on blood-borne infections, even after cleaning.".to_owned(),
            source: device::NEVER_SHARE,
        });
    }
    findings
}

fn cleaning_message(state: CleaningState) -> Option<String> {
    let soak = format!(
        "Soak it in 70% isopropyl alcohol for at least {MIN_SOAK_MINUTES} minutes and log it"
    );
    match state {
        CleaningState::CleanForNextUse => None,
        CleaningState::NotCleanedBeforeFirstUse => Some(format!(
            "No cleaning is logged for this new device. {soak} before first use."
        )),
        CleaningState::NotCleanedSinceLastUse => Some(format!(
            "The device has not been cleaned since its last use. {soak}."
        )),
        CleaningState::Inadequate {
            method,
            soak_minutes,
        } => inadequacy(method, soak_minutes)
            .map(|why| format!("The device is not clean for its next use: {why}.")),
    }
}
