//! Findings about the device itself: cleaning, wear, status, sharing.

use chrono::NaiveDate;

use super::{CheckContext, CleaningState};
use crate::rules::cleaning::{CLEANING_RULE, MIN_SOAK_MINUTES, inadequacy};
use crate::rules::device;
use crate::verdict::{Finding, FindingCode, Severity};
use crate::wear;

pub(super) fn device_findings(ctx: &CheckContext<'_>, today: NaiveDate) -> Vec<Finding> {
    let mut findings = Vec::new();
    if !ctx.device.is_active() {
        findings.push(Finding {
            code: FindingCode::DeviceRetired,
            severity: Severity::Blocker,
            message: format!("{} is retired. Use an active device.", ctx.device.nickname),
            source: device::RETIRED,
        });
    }
    if let Some(message) = cleaning_message(ctx.cleaning) {
        findings.push(Finding {
            code: FindingCode::DeviceNotCleaned,
            severity: Severity::Blocker,
            message,
            source: CLEANING_RULE,
        });
    }
    let replacement = wear::replacement(ctx.device, ctx.wear, today);
    if let Some(reason) = replacement.reason {
        findings.push(Finding {
            code: FindingCode::DeviceDueForReplacement,
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
            code: FindingCode::DeviceShared,
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
