// The thin Kotlin layer (bindings/kotlin, package app.rollsafe.ktx) against the real
// Rust library: java.time conversions, suspend wrappers that run on the dispatcher
// they were given, and alerts as a Flow that hears rises made after collection
// starts and lets go of its listener when the collector is cancelled.
package app.rollsafe.tests

import app.rollsafe.Alert
import app.rollsafe.AlertKind
import app.rollsafe.AlertListener
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
import app.rollsafe.RiskLevel
import app.rollsafe.RollSafeStore
import app.rollsafe.SessionPlan
import app.rollsafe.WallClock
import app.rollsafe.ktx.RollSafe
import app.rollsafe.ktx.allClear
import app.rollsafe.ktx.nowMoment
import app.rollsafe.ktx.toCalendarDate
import app.rollsafe.ktx.toLocalDate
import app.rollsafe.ktx.toLocalDateTime
import app.rollsafe.ktx.toMoment
import app.rollsafe.ktx.toOffsetDateTime
import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.OffsetDateTime
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.ZonedDateTime
import java.util.Collections
import java.util.concurrent.Executors
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.yield
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test

class KotlinLayerTest {
    private lateinit var dir: Path
    private val paris = ZoneId.of("Europe/Paris")

    private fun roller(nickname: String, shared: Boolean = false) = NewDevice(
        kind = DeviceKind.ROLLER,
        needleLengthMm = 0.25,
        material = NeedleMaterial.TITANIUM,
        nickname = nickname,
        shared = shared,
    )

    /** A moment in Paris, from its local date-time. */
    private fun parisMoment(local: String): Moment = ZonedDateTime.of(LocalDateTime.parse(local), paris).toMoment()

    @BeforeEach
    fun makeTempDir() {
        dir = Files.createTempDirectory("rollsafe-ktx")
    }

    @AfterEach
    fun removeTempDir() {
        dir.toFile().deleteRecursively()
    }

    @Test
    fun `time conversions round-trip, across a daylight saving change`() {
        // Paris moves from +01:00 to +02:00 at 2026-03-29T01:00Z.
        val before = Instant.parse("2026-03-29T00:30:00Z").toMoment(paris)
        val after = Instant.parse("2026-03-29T01:30:00Z").toMoment(paris)
        assertEquals(3600, before.utcOffsetSeconds)
        assertEquals(7200, after.utcOffsetSeconds)
        assertEquals(OffsetDateTime.parse("2026-03-29T01:30:00+01:00"), before.toOffsetDateTime())
        assertEquals(OffsetDateTime.parse("2026-03-29T03:30:00+02:00"), after.toOffsetDateTime())
        for (m in listOf(before, after)) {
            assertEquals(m, m.toOffsetDateTime().toMoment())
        }

        // 02:30 on 2026-10-25 happens twice in Paris; each reading keeps its own offset.
        val overlap = ZonedDateTime.of(LocalDateTime.parse("2026-10-25T02:30:00"), paris)
        val first = overlap.withEarlierOffsetAtOverlap().toMoment()
        val second = overlap.withLaterOffsetAtOverlap().toMoment()
        assertEquals(7200, first.utcOffsetSeconds)
        assertEquals(3600, second.utcOffsetSeconds)
        assertEquals(3600L, second.instant.epochSecond - first.instant.epochSecond)
        assertEquals(overlap.withLaterOffsetAtOverlap().toOffsetDateTime(), second.toOffsetDateTime())

        // An instant in a fixed-offset zone, and a clock.
        val instant = Instant.parse("2026-07-01T12:00:00Z")
        assertEquals(Moment(instant, -5 * 3600), instant.toMoment(ZoneOffset.ofHours(-5)))
        assertEquals(Moment(instant, 7200), Clock.fixed(instant, paris).nowMoment())

        // Dates, a leap day included, and wall clocks.
        for (text in listOf("2026-01-01", "2028-02-29", "2026-12-31")) {
            val date = LocalDate.parse(text)
            assertEquals(date, date.toCalendarDate().toLocalDate())
        }
        assertEquals(CalendarDate(2028, 2u, 29u), LocalDate.parse("2028-02-29").toCalendarDate())
        assertEquals(
            LocalDateTime.parse("2026-03-29T09:05:00"),
            WallClock(CalendarDate(2026, 3u, 29u), 9u, 5u).toLocalDateTime(),
        )
    }

    @Test
    fun `PreChecks allClear answers every question the safe way`() {
        assertEquals(PreChecks(true, true, false, false, false, false), PreChecks.allClear())
    }

    @Test
    fun `a suspend round trip through a log file`() = runBlocking {
        val path = dir.resolve("log.sqlite3").toString()
        val deviceId = RollSafe.open(path).use { rs ->
            val device = rs.addDevice(roller("Face roller"), parisMoment("2026-03-01T20:00:00")).device
            val cleanedAt = parisMoment("2026-03-01T20:30:00")
            rs.recordCleaning(NewCleaning(device.id, cleanedAt, CleaningMethod.ISOPROPYL_SOAK, soakMinutes = 20u), cleanedAt)

            val plan = SessionPlan(device.id, listOf(BodyZone.CHEEKS), preChecks = PreChecks.allClear())
            val verdict = rs.checkSession(plan, parisMoment("2026-03-01T20:55:00"))
            assertTrue(verdict.allowed, "${verdict.findings}")

            val sessionAt = parisMoment("2026-03-01T21:00:00")
            val recorded = rs.recordSession(NewSession(plan, sessionAt), now = sessionAt)
            assertTrue(recorded.verdict.allowed, "${recorded.verdict.findings}")
            assertEquals(sessionAt, recorded.session.at)

            // Straight after the session the same plan is refused: the cheeks need rest.
            val again = rs.checkSession(plan, parisMoment("2026-03-01T21:30:00"))
            assertFalse(again.allowed)
            val next = again.nextAllowedDate
            assertTrue(next != null && next.toLocalDate().isAfter(LocalDate.parse("2026-03-01")), "next: $next")

            val now = parisMoment("2026-03-01T21:30:00")
            val assessment = rs.assess(now)
            assertEquals(now, assessment.at)
            assertEquals(RiskLevel.LOW, assessment.preventive.level, "${assessment.preventive.factors}")
            val reminders = rs.reminders(now)
            assertTrue(reminders.all { it.title.isNotBlank() && it.due.instant.isAfter(Instant.EPOCH) }, "$reminders")
            assertEquals(1u, rs.deviceOverview(device.id, now).uses)
            assertEquals(listOf(device.id), rs.devices().map { it.id })
            device.id
        }
        RollSafe.open(path).use { rs ->
            assertEquals(listOf(deviceId), rs.sessions().map { it.deviceId })
        }
    }

    @Test
    fun `the alerts flow hears a rise made after collection starts and stops when cancelled`() = runBlocking {
        RollSafe(RollSafeStore.openInMemory()).use { rs ->
            val heard = Channel<Alert>(Channel.UNLIMITED)
            val collector = launch(start = CoroutineStart.UNDISPATCHED) {
                rs.alerts.collect { heard.send(it) }
            }
            // Let the flow's producer run and register its listener with the core.
            repeat(3) { yield() }
            assertTrue(rs.openAlerts().isEmpty(), "nothing raised before collection started")

            val now = parisMoment("2026-03-01T20:00:00")
            val update = rs.addDevice(roller("Shared roller", shared = true), now)
            val returned = update.alerts.single { it.rising }
            val alert = withTimeout(5_000) { heard.receive() }
            assertEquals(returned, alert)
            assertEquals(AlertKind.PREVENTIVE, alert.kind)
            assertEquals("low" to "moderate", alert.fromLevel to alert.toLevel)
            assertTrue(alert.rising)

            collector.cancelAndJoin()
            assertTrue(collector.isCancelled)
            // Fall back to low, then rise again: the cancelled collector hears neither.
            val id = update.device.id
            rs.withStore { it.setDeviceShared(id, false, parisMoment("2026-03-01T20:01:00")) }
            val rise = rs.withStore { it.setDeviceShared(id, true, parisMoment("2026-03-01T20:02:00")) }
            assertTrue(rise.alerts.any { it.rising }, "the change did raise an alert")
            assertTrue(heard.tryReceive().isFailure, "a cancelled collector hears nothing more")

            // A terminal operator ends its own collection: first() returns the next alert.
            val firstAlert = launch(Dispatchers.Default) {
                heard.send(withTimeout(5_000) { rs.alerts.first() })
            }
            // Keep changing until the new collector has registered and heard one alert.
            withTimeout(5_000) {
                var step = 3L
                while (firstAlert.isActive) {
                    val shared = step % 2 == 0L
                    rs.withStore { it.setDeviceShared(id, shared, Moment(now.instant.plusSeconds(60 * step), now.utcOffsetSeconds)) }
                    step++
                    kotlinx.coroutines.delay(10)
                }
            }
            firstAlert.join()
            val next = heard.receive()
            assertEquals(AlertKind.PREVENTIVE, next.kind)
            assertTrue(next.at.instant.isAfter(now.instant.plusSeconds(120)), "heard a change made after it started: $next")
        }
    }

    @Test
    fun `calls run on the dispatcher given`() = runBlocking {
        val executor = Executors.newSingleThreadExecutor { r -> Thread(r, "rollsafe-test-dispatcher") }
        try {
            executor.asCoroutineDispatcher().use { dispatcher ->
                val store = RollSafeStore.openInMemory()
                RollSafe(store, dispatcher).use { rs ->
                    val listenerThreads = Collections.synchronizedList(mutableListOf<String>())
                    store.addAlertListener(object : AlertListener {
                        override fun onAlert(alert: Alert) {
                            listenerThreads += Thread.currentThread().name
                        }
                    }).use {
                        assertNotEquals("rollsafe-test-dispatcher", Thread.currentThread().name)
                        // The core calls listeners on the thread that made the change.
                        rs.addDevice(roller("Shared roller", shared = true), parisMoment("2026-03-01T20:00:00"))
                        assertEquals(listOf("rollsafe-test-dispatcher"), listenerThreads.toList())
                        assertEquals("rollsafe-test-dispatcher", rs.withStore { Thread.currentThread().name })
                        assertEquals(1, rs.devices().size)
                    }
                }
            }
        } finally {
            executor.shutdownNow()
        }
    }
}
