// The foundation slice through the generated Kotlin bindings, against the real
// Rust library loaded by JNA: a store on disk, a device, a session, the
// interval verdict, acknowledged blockers, and bad input arriving as typed
// exceptions.
package app.rollsafe.tests

import app.rollsafe.BodyRegion
import app.rollsafe.BodyZone
import app.rollsafe.CalendarDate
import app.rollsafe.CleaningMethod
import app.rollsafe.DeviceKind
import app.rollsafe.Moment
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewCleaning
import app.rollsafe.NewDevice
import app.rollsafe.NewSession
import app.rollsafe.PreChecks
import app.rollsafe.RollSafeException
import app.rollsafe.RollSafeStore
import app.rollsafe.SessionPlan
import app.rollsafe.Severity
import app.rollsafe.ruleSource
import java.nio.file.Files
import java.nio.file.Path
import java.time.OffsetDateTime
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test

/** Builds a [Moment] from an ISO-8601 text with its offset, as an app would from the clock. */
fun moment(text: String): Moment {
    val time = OffsetDateTime.parse(text)
    return Moment(instant = time.toInstant(), utcOffsetSeconds = time.offset.totalSeconds)
}

class StoreSliceTest {
    private lateinit var dir: Path
    private val dbPath get() = dir.resolve("log.sqlite3").toString()
    private val faceRoller = NewDevice(
        kind = DeviceKind.ROLLER,
        needleLengthMm = 0.25,
        material = NeedleMaterial.TITANIUM,
        nickname = "Face roller",
    )
    private val allClear = PreChecks(
        deviceCleaned = true,
        skinClean = true,
        activeBreakout = false,
        coldSore = false,
        openWound = false,
        sunburn = false,
    )

    private fun facePlan(deviceId: String, zones: List<BodyZone> = listOf(BodyZone.CHEEKS)) =
        SessionPlan(deviceId = deviceId, zones = zones, preChecks = allClear)

    private fun faceSession(deviceId: String, at: String, zones: List<BodyZone> = listOf(BodyZone.CHEEKS)) =
        NewSession(plan = facePlan(deviceId, zones), at = moment(at))

    /** Logs an adequate cleaning: a 20-minute isopropyl soak at `at`. */
    private fun RollSafeStore.soak(deviceId: String, at: String) {
        recordCleaning(
            NewCleaning(deviceId = deviceId, at = moment(at), method = CleaningMethod.ISOPROPYL_SOAK, soakMinutes = 20u),
            moment(at),
        )
    }

    private fun RollSafeStore.blockers(deviceId: String, now: String) =
        checkSession(facePlan(deviceId), moment(now)).findings.filter { it.severity == Severity.BLOCKER }.map { it.code }

    @BeforeEach
    fun makeTempDir() {
        dir = Files.createTempDirectory("rollsafe-kotlin")
    }

    @AfterEach
    fun removeTempDir() {
        dir.toFile().deleteRecursively()
    }

    @Test
    fun `a device and a session survive reopening the file`() {
        val now = moment("2026-03-01T21:30:00+01:00")
        val (device, session) = RollSafeStore.open(dbPath).use { store ->
            val device = store.addDevice(faceRoller, now).device
            store.soak(device.id, "2026-03-01T20:30:00+01:00")
            val recorded = store.recordSession(
                faceSession(device.id, "2026-03-01T21:00:00+01:00", listOf(BodyZone.CHEEKS, BodyZone.FOREHEAD)),
                emptyList(),
                now,
            )
            assertTrue(recorded.verdict.allowed, "${recorded.verdict.findings}")
            device to recorded.session
        }
        assertTrue(Files.size(dir.resolve("log.sqlite3")) > 0, "the store is a real file on disk")
        RollSafeStore.open(dbPath).use { store ->
            assertEquals(listOf(device), store.devices())
            assertEquals(listOf(session), store.sessions())
            assertEquals(1, store.cleanings(device.id).size)
            val read = store.sessions().single()
            assertEquals(listOf(BodyZone.FOREHEAD, BodyZone.CHEEKS), read.zones)
            assertEquals(3600, read.at.utcOffsetSeconds)
            assertEquals(0.25, read.needleLengthMm, "defaults to the device's length")
            assertEquals(OffsetDateTime.parse("2026-03-01T21:00:00+01:00").toInstant(), read.at.instant)
            assertTrue(read.overrides.isEmpty())
        }
    }

    @Test
    fun `the verdict blocks until seven local days have passed`() {
        RollSafeStore.open(dbPath).use { store ->
            val device = store.addDevice(faceRoller, moment("2026-03-01T20:00:00+01:00")).device
            assertEquals(
                listOf("device_not_cleaned"),
                store.blockers(device.id, "2026-03-01T20:05:00+01:00"),
                "a device never cleaned is blocked",
            )
            store.soak(device.id, "2026-03-01T20:10:00+01:00")
            val first = store.checkSession(facePlan(device.id), moment("2026-03-01T20:40:00+01:00"))
            assertTrue(first.allowed, "${first.findings}")
            assertNull(first.nextAllowedDate)

            store.recordSession(
                faceSession(device.id, "2026-03-01T21:00:00+01:00"),
                emptyList(),
                moment("2026-03-01T21:30:00+01:00"),
            )
            assertEquals(
                listOf("device_not_cleaned"),
                store.blockers(device.id, "2026-03-08T09:00:00+01:00"),
                "the cleaning before a session does not count for the next one",
            )
            store.soak(device.id, "2026-03-01T21:40:00+01:00")

            val saturday = store.checkSession(facePlan(device.id), moment("2026-03-07T23:59:00+01:00"))
            assertFalse(saturday.allowed)
            val face = saturday.rest.single()
            assertEquals(BodyRegion.FACE, face.region)
            assertEquals(7u, face.minRestDays)
            assertEquals(CalendarDate(2026, 3u, 1u), face.lastSessionDate)
            val blocker = saturday.findings.single { it.severity == Severity.BLOCKER }
            assertEquals("interval_not_elapsed", blocker.code)
            assertEquals("interval.short_needles", blocker.ruleId)
            assertEquals(blocker.ruleId, face.ruleId, "the rest and its blocker name one rule")
            assertTrue(ruleSource(blocker.ruleId)?.citation?.isNotBlank() == true, "every rule names its source")
            assertEquals(CalendarDate(2026, 3u, 8u), saturday.nextAllowedDate)

            val sunday = store.checkSession(facePlan(device.id), moment("2026-03-08T00:01:00+01:00"))
            assertTrue(sunday.allowed, "${sunday.findings}")
        }
    }

    @Test
    fun `a blocked session is refused unless its blocker is acknowledged`() {
        RollSafeStore.openInMemory().use { store ->
            val device = store.addDevice(faceRoller, moment("2026-03-01T20:00:00+01:00")).device
            store.soak(device.id, "2026-03-01T20:10:00+01:00")
            store.recordSession(
                faceSession(device.id, "2026-03-01T21:00:00+01:00"),
                emptyList(),
                moment("2026-03-01T21:30:00+01:00"),
            )
            store.soak(device.id, "2026-03-01T21:40:00+01:00")

            val tooSoon = faceSession(device.id, "2026-03-04T21:00:00+01:00")
            val now = moment("2026-03-04T21:30:00+01:00")
            val refused = assertThrows(RollSafeException.SessionBlocked::class.java) {
                store.recordSession(tooSoon, emptyList(), now)
            }
            assertEquals(listOf("interval_not_elapsed"), refused.blockers.map { it.code })
            assertEquals(1, store.sessions().size, "nothing was recorded")

            val recorded = store.recordSession(tooSoon, listOf("interval_not_elapsed"), now)
            assertFalse(recorded.verdict.allowed)
            assertEquals(listOf("interval_not_elapsed"), recorded.session.overrides.map { it.code })
            assertTrue(recorded.session.overrides.single().message.isNotBlank())
            assertEquals(2, store.sessions().size)
            assertEquals(recorded.session, store.session(recorded.session.id), "the override is stored")
        }
    }

    @Test
    fun `bad input raises typed exceptions naming the field and changes nothing`() {
        RollSafeStore.openInMemory().use { store ->
            val now = moment("2026-03-01T21:30:00+01:00")
            val nan = assertThrows(RollSafeException.InvalidInput::class.java) {
                store.addDevice(faceRoller.copy(needleLengthMm = Double.NaN), now)
            }
            assertEquals("needle_length_mm", nan.field)
            val blank = assertThrows(RollSafeException.InvalidInput::class.java) {
                store.addDevice(faceRoller.copy(nickname = "   "), now)
            }
            assertEquals("nickname", blank.field)
            assertTrue(store.devices().isEmpty())

            val badOffset = assertThrows(RollSafeException.InvalidInput::class.java) {
                store.addDevice(faceRoller, now.copy(utcOffsetSeconds = 19 * 3600))
            }
            assertEquals("now", badOffset.field)
            assertTrue(store.devices().isEmpty())

            val notAnId = assertThrows(RollSafeException.InvalidInput::class.java) {
                store.checkSession(facePlan("not-a-uuid"), now)
            }
            assertEquals("device_id", notAnId.field)
            val unknown = assertThrows(RollSafeException.NotFound::class.java) {
                store.checkSession(facePlan("00000000-0000-4000-8000-000000000000"), now)
            }
            assertEquals("device", unknown.entity)

            val device = store.addDevice(faceRoller, now).device
            store.soak(device.id, "2026-03-01T20:30:00+01:00")
            val noZones = assertThrows(RollSafeException.InvalidInput::class.java) {
                store.recordSession(faceSession(device.id, "2026-03-01T21:00:00+01:00", emptyList()), emptyList(), now)
            }
            assertEquals("zones", noZones.field)
            assertTrue(store.sessions().isEmpty())
        }
    }
}
