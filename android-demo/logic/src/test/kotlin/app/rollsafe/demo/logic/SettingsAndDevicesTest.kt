// The Settings and Devices holders against the real library: saved values read back
// into the forms, the core's refusals shown with the field it names, and a photo
// reference hashed the way the core accepts.
package app.rollsafe.demo.logic

import app.rollsafe.BodyRegion
import app.rollsafe.BodyZone
import app.rollsafe.CalendarDate
import app.rollsafe.Condition
import app.rollsafe.DeviceKind
import app.rollsafe.QuietHours
import app.rollsafe.SkinType
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class SettingsAndDevicesTest {
    @Test
    fun `settings are saved and read back into the forms`() = runBlocking {
        withLog { rs, _ ->
            val changes = mutableListOf<app.rollsafe.Moment>()
            val settings = SettingsState(rs) { changes += it }
            settings.setSkinType(SkinType.IV)
            settings.answer(Condition.ISOTRETINOIN, Answer(present = true, stoppedOn = CalendarDate(2026, 1u, 15u)))
            settings.editIdentity { it.copy(name = " Camille Martin ", birthDate = "1990-04-02", identifier = "4471") }
            settings.saveProfile(paris("2026-03-02T19:00"))
            assertNull(settings.state.value.problem, "${settings.state.value.problem}")
            settings.setQuietHours(QuietHours(1320u, 420u), paris("2026-03-02T19:01"))
            settings.editCarePlan {
                it.copy(setBy = "Dr Osei", rest = mapOf(BodyRegion.SCALP to 14u), allowedZones = listOf(BodyZone.SCALP))
            }
            settings.saveCarePlan(paris("2026-03-02T19:02"))
            assertNull(settings.state.value.problem, "${settings.state.value.problem}")
            assertEquals(3, changes.size)

            val reread = SettingsState(rs)
            reread.load()
            reread.state.value.let { ui ->
                assertEquals(SkinType.IV, ui.skinType)
                assertEquals(Answer(true, CalendarDate(2026, 1u, 15u)), ui.answers[Condition.ISOTRETINOIN])
                assertEquals(IdentityForm("Camille Martin", "1990-04-02", "4471", ""), ui.identity, "the core trimmed the name")
                assertEquals(QuietHours(1320u, 420u), ui.quietHours)
                assertEquals(mapOf(BodyRegion.SCALP to 14u), ui.carePlan.rest)
                assertEquals(listOf(BodyZone.SCALP), ui.carePlan.allowedZones)
                assertEquals(paris("2026-03-02T19:02"), ui.savedCarePlan?.setAt)
            }
        }
    }

    @Test
    fun `the core's refusals are shown with their field, and nothing changes`() = runBlocking {
        withLog { rs, _ ->
            val settings = SettingsState(rs)
            // A stop date belongs to isotretinoin only.
            settings.answer(Condition.COLD_SORES, Answer(present = true, stoppedOn = CalendarDate(2026, 1u, 15u)))
            settings.saveProfile(paris("2026-03-02T19:00"))
            assertEquals("answers.stopped_on", settings.state.value.problem?.field, "${settings.state.value.problem}")
            assertNull(rs.withStore { it.profile() })
            // A date of birth that is not a date is refused here; one in the future by the core.
            settings.answer(Condition.COLD_SORES, Answer(present = true))
            settings.editIdentity { it.copy(birthDate = "2 April 1990") }
            settings.saveProfile(paris("2026-03-02T19:00"))
            assertEquals("identity.birth_date", settings.state.value.problem?.field, "${settings.state.value.problem}")
            settings.editIdentity { it.copy(birthDate = "2026-03-03") }
            settings.saveProfile(paris("2026-03-02T19:00"))
            assertEquals("identity.birth_date", settings.state.value.problem?.field, "${settings.state.value.problem}")
            assertNull(rs.withStore { it.profile() })

            val devices = DevicesState(rs)
            devices.editForm { it.copy(nickname = "   ") }
            assertNull(devices.add(paris("2026-03-02T19:00")))
            assertEquals("nickname", devices.state.value.problem?.field, "${devices.state.value.problem}")
            devices.editForm { it.copy(nickname = "Pen", kind = DeviceKind.PEN, needleLengthMm = 9.0) }
            assertNull(devices.add(paris("2026-03-02T19:00")))
            assertEquals("needle_length_mm", devices.state.value.problem?.field, "${devices.state.value.problem}")
            assertTrue(rs.devices().isEmpty())
            assertTrue(devices.state.value.form.nickname == "Pen", "the form is kept for correction")
        }
    }

    @Test
    fun `a kept device's limits and head change are the core's to apply`() = runBlocking {
        withLog { rs, _ ->
            val devices = DevicesState(rs)
            devices.editForm { it.copy(nickname = "Scalp roller", kind = DeviceKind.SCALP_ROLLER, needleLengthMm = 0.5) }
            val id = devices.add(paris("2026-03-02T19:00"))!!.device.id
            devices.setReplacementLimits(id, 10u, 60u, paris("2026-03-02T19:01"))
            devices.state.value.active.single().let {
                assertEquals(10u, it.replacement.maxUses)
                assertEquals(60u, it.replacement.maxDays)
            }
            devices.recordHeadChange(id, paris("2026-03-02T19:02"))
            assertEquals(listOf("replacement_limits", "head_changed"), rs.withStore { it.deviceChanges(id) }.map { it.change })
            devices.retire(id, "Lost it", paris("2026-03-02T19:03"))
            assertTrue(devices.state.value.active.isEmpty())
            assertEquals("Lost it", devices.state.value.retired.single().device.retiredReason)
        }
    }

    @Test
    fun `a photo reference carries the SHA-256 of the photo's bytes`() {
        val ref = photoRefOf("photos/a.jpg", "abc".byteInputStream())
        assertEquals("photos/a.jpg", ref.file)
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ref.sha256)
    }
}
