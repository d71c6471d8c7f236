// Factories for what an export covers. The core has no "every section" constant to
// generate; this is it, so callers need not list seven flags to mean "everything".
package app.rollsafe.ktx

import app.rollsafe.ExportSections

/** Every section of the log: profile, devices, sessions, cleanings, symptoms, alerts, care plan. */
fun ExportSections.Companion.all(): ExportSections =
    ExportSections(
        profile = true,
        devices = true,
        sessions = true,
        cleanings = true,
        symptoms = true,
        alerts = true,
        carePlan = true,
    )
