// The "Log a session" holder's own rules, against the real library: a verdict on screen
// always belongs to the form as it is, acknowledgements are the user's and only for the
// verdict's blockers, a first save only shows the verdict, and the core's refusal of
// bad input names the field.
package app.rollsafe.demo.logic

import app.rollsafe.BodyZone
import app.rollsafe.DeviceKind
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewDevice
import app.rollsafe.PreChecks
import app.rollsafe.ktx.allClear
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class LogSessionStateTest {
    private val roller = NewDevice(DeviceKind.ROLLER, 0.25, material = NeedleMaterial.TITANIUM, nickname = "Face roller")

    @Test
    fun `any edit drops the verdict and the acknowledgements`() = runBlocking {
        withLog { rs, _ ->
            rs.addDevice(roller, paris("2026-03-02T19:00"))
            val log = LogSessionState(rs)
            log.load()
            log.toggleZone(BodyZone.CHEEKS)
            // Unticked pre-checks: the device was never cleaned, so the core blocks.
            log.check(paris("2026-03-02T20:00"))
            val blockers = log.state.value.blockers
            assertTrue(blockers.isNotEmpty(), "${log.state.value.verdict}")
            assertTrue(blockers.any { it.code == "device_not_cleaned" }, "$blockers")
            blockers.forEach { log.acknowledge(it.code, true) }
            assertTrue(log.state.value.canSave)
            log.acknowledge(blockers.first().code, false)
            assertFalse(log.state.value.canSave, "withdrawing one acknowledgement disables saving")

            log.toggleZone(BodyZone.FOREHEAD)
            assertNull(log.state.value.verdict)
            assertTrue(log.state.value.acknowledged.isEmpty())
            assertFalse(log.state.value.canSave)
            // Saving now only checks again: nothing recorded without a verdict on screen.
            log.save(paris("2026-03-02T20:01"))
            assertNull(log.state.value.saved)
            assertTrue(log.state.value.verdict != null)
            assertTrue(rs.sessions().isEmpty())
        }
    }

    @Test
    fun `warnings need no acknowledgement, and the session records what was entered`() = runBlocking {
        withLog { rs, _ ->
            val id = rs.addDevice(roller, paris("2026-03-02T19:00")).device.id
            val log = LogSessionState(rs)
            log.load()
            log.selectDevice(id)
            log.toggleZone(BodyZone.CHEEKS)
            // Said to be cleaned, but no cleaning is logged: the core decides what that means.
            log.setPreChecks(PreChecks.allClear())
            log.setDetails(passes = 4u, pain = 2u, notes = "  ")
            log.check(paris("2026-03-02T20:00"))
            val ui = log.state.value
            ui.blockers.forEach { log.acknowledge(it.code, true) }
            log.save(paris("2026-03-02T20:00"))
            val saved = present(log.state.value.saved, "${log.state.value.problem}")
            assertEquals(4u, saved.session.passes)
            assertEquals(2.toUByte(), saved.session.pain)
            assertNull(saved.session.notes, "blank notes are not kept")
            assertEquals(ui.blockers.map { it.code }.toSet(), saved.session.overrides.map { it.code }.toSet())
            // The form is ready for the next one, with the same device.
            assertEquals(id, log.state.value.form.deviceId)
            assertTrue(log.state.value.form.zones.isEmpty())
        }
    }

    @Test
    fun `the core's refusal names the field`() = runBlocking {
        withLog { rs, _ ->
            rs.addDevice(roller, paris("2026-03-02T19:00"))
            val log = LogSessionState(rs)
            log.check(paris("2026-03-02T20:00"))
            assertEquals("device_id", log.state.value.problem?.field, "no device chosen yet")
            log.load()
            log.check(paris("2026-03-02T20:00"))
            assertEquals("zones", log.state.value.problem?.field, "no zone: ${log.state.value.problem}")
            assertNull(log.state.value.verdict)
        }
    }
}
