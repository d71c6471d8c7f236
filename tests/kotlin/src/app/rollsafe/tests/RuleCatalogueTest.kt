// The rule catalogue against the real library: results name their rule by id, the
// library lists every rule's source once, and the Kotlin layer's `source` properties
// find the source of everything a home screen shows.
package app.rollsafe.tests

import app.rollsafe.BodyZone
import app.rollsafe.DeviceKind
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewDevice
import app.rollsafe.NewSession
import app.rollsafe.NewSymptomReport
import app.rollsafe.PreChecks
import app.rollsafe.ReportKind
import app.rollsafe.RollSafeStore
import app.rollsafe.SessionPlan
import app.rollsafe.ktx.RuleCatalogue
import app.rollsafe.ktx.allClear
import app.rollsafe.ktx.source
import app.rollsafe.ruleSource
import app.rollsafe.ruleSources
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class RuleCatalogueTest {
    @Test
    fun `the library lists every rule once, sorted by id, each with its citation`() {
        val sources = ruleSources()
        val ids = sources.map { it.ruleId }
        assertTrue(sources.size > 40, "only ${sources.size} rules")
        assertEquals(ids.sorted(), ids)
        assertEquals(ids.size, ids.toSet().size, "each rule once")
        assertTrue(sources.all { it.citation.isNotBlank() && it.note.isNotBlank() })
        assertEquals(sources, RuleCatalogue.all)
        assertEquals(sources.single { it.ruleId == "care_plan" }, ruleSource("care_plan"))
        assertNull(ruleSource("no.such_rule"))
    }

    @Test
    fun `everything a home screen shows finds its source`() {
        RollSafeStore.openInMemory().use { store ->
            val start = moment("2026-03-01T20:00:00+01:00")
            val shared = NewDevice(
                kind = DeviceKind.ROLLER,
                needleLengthMm = 0.25,
                material = NeedleMaterial.TITANIUM,
                nickname = "Shared roller",
                shared = true,
            )
            val device = store.addDevice(shared, start).device.id
            val plan = SessionPlan(deviceId = device, zones = listOf(BodyZone.CHEEKS), preChecks = PreChecks.allClear())
            val blockers = store.checkSession(plan, start).findings.map { it.code }
            store.recordSession(NewSession(plan = plan, at = start), blockers, start)
            val later = moment("2026-03-02T09:00:00+01:00")
            val fever = NewSymptomReport(
                at = later,
                kind = ReportKind.REPORT,
                zones = listOf(BodyZone.CHEEKS),
                overallSeverity = 6u,
                temperatureC = 38.6,
            )
            store.recordSymptomReport(fever, later)

            val today = store.today(later)
            val findings = today.devices.flatMap { d -> d.regions.flatMap { it.verdict.findings } }
            val rests = today.devices.flatMap { d -> d.regions.flatMap { it.verdict.rest } }
            val factors = today.assessment.preventive.factors
            val prompts = today.assessment.triage.prompts
            val replacements = today.devices.map { it.overview.replacement }
            assertTrue(findings.isNotEmpty() && rests.isNotEmpty(), "findings: $findings")
            assertTrue(factors.isNotEmpty() && prompts.isNotEmpty(), "factors: $factors, prompts: $prompts")
            assertTrue(findings.all { it.source.ruleId == it.ruleId && it.source.citation.isNotBlank() })
            assertTrue(rests.all { it.source.ruleId == it.ruleId })
            assertTrue(factors.all { it.source.ruleId == it.ruleId })
            assertTrue(prompts.all { it.source.ruleId == it.ruleId })
            assertTrue(replacements.all { it.source.ruleId == it.ruleId })
            assertTrue(findings.any { it.ruleId == "device.never_share" }, "the shared device is named: $findings")
        }
    }
}
