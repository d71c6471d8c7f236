// Many threads read and write one store on disk at once for a sustained run,
// through the generated Kotlin bindings against the real Rust library: no
// "database is locked" (or any other RollSafeException) reaches a caller,
// nothing deadlocks (the run has a deadline), and no record is lost or
// duplicated. Mirrors bindings/tests/concurrency.rs.
package app.rollsafe.tests

import app.rollsafe.BodyZone
import app.rollsafe.CleaningMethod
import app.rollsafe.DeviceKind
import app.rollsafe.Moment
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewCleaning
import app.rollsafe.NewDevice
import app.rollsafe.NewSession
import app.rollsafe.PreChecks
import app.rollsafe.RollSafeStore
import app.rollsafe.SessionPlan
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.util.concurrent.ExecutionException
import java.util.concurrent.Executors
import java.util.concurrent.Future
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test

class ConcurrencyTest {
    private val threads = 8
    private val rounds = 30L
    private val deadlineSeconds = 120L

    private lateinit var dir: Path

    @BeforeEach
    fun makeTempDir() {
        dir = Files.createTempDirectory("rollsafe-concurrency")
    }

    @AfterEach
    fun removeTempDir() {
        dir.toFile().deleteRecursively()
    }

    /** Minute number `step` of the timeline from 2026-03-01T00:00:00Z, in UTC+01:00. */
    private fun at(step: Long): Moment =
        Moment(instant = Instant.ofEpochSecond(1_772_323_200L + step * 60), utcOffsetSeconds = 3600)

    private fun roller(n: Int) =
        NewDevice(kind = DeviceKind.ROLLER, needleLengthMm = 0.25, material = NeedleMaterial.TITANIUM, nickname = "Roller $n")

    /** The ids of the cleanings and sessions the store said it committed. */
    private data class Committed(val cleanings: List<String>, val sessions: List<String>)

    /** One worker: its own device, cleanings and acknowledged sessions, with reads of everything in between. */
    private fun work(store: RollSafeStore, n: Int): Committed {
        val device = store.addDevice(roller(n), at(0)).device.id
        val cleanings = mutableListOf<String>()
        val sessions = mutableListOf<String>()
        for (round in 1..rounds) {
            val now = at(round * 10 + n)
            cleanings += store.recordCleaning(
                NewCleaning(deviceId = device, at = now, method = CleaningMethod.ISOPROPYL_SOAK, soakMinutes = 20u),
                now,
            ).cleaning.id
            val plan = SessionPlan(
                deviceId = device,
                zones = listOf(BodyZone.THIGHS),
                preChecks = PreChecks(
                    deviceCleaned = true, skinClean = true, activeBreakout = false,
                    coldSore = false, openWound = false, sunburn = false,
                ),
            )
            // Another thread may record on the same region between this check and the
            // recording, so acknowledge the blockers that can appear meanwhile.
            val verdict = store.checkSession(plan, now)
            val acknowledge = verdict.findings.map { it.code } +
                listOf("interval_not_elapsed", "interval_before_later_session", "device_not_cleaned", "device_due_for_replacement")
            sessions += store.recordSession(NewSession(plan = plan, at = now), acknowledge, now).session.id
            store.devices()
            store.sessions()
            store.assess(now)
            store.reminders(now)
        }
        return Committed(cleanings, sessions)
    }

    @Test
    fun `eight threads share one store on disk without locks, losses or duplicates`() {
        val path = dir.resolve("shared.sqlite3").toString()
        val committedCleanings = mutableListOf<String>()
        val committedSessions = mutableListOf<String>()
        val began = System.nanoTime()
        RollSafeStore.open(path).use { store ->
            val pool = Executors.newFixedThreadPool(threads) { r -> Thread(r).apply { isDaemon = true } }
            try {
                val futures: List<Future<Committed>> = (0 until threads).map { n -> pool.submit<Committed> { work(store, n) } }
                val deadline = began + TimeUnit.SECONDS.toNanos(deadlineSeconds)
                for ((n, future) in futures.withIndex()) {
                    val committed = try {
                        future.get(maxOf(1L, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    } catch (e: TimeoutException) {
                        fail("worker $n missed the $deadlineSeconds s deadline: deadlock?")
                    } catch (e: ExecutionException) {
                        // Any RollSafeException (e.g. "database is locked") reaching a caller fails the test.
                        throw AssertionError("worker $n: a caller saw an error: ${e.cause}", e.cause)
                    }
                    committedCleanings += committed.cleanings
                    committedSessions += committed.sessions
                }
            } finally {
                pool.shutdownNow()
            }
        }
        val elapsed = (System.nanoTime() - began) / 1e9

        RollSafeStore.open(path).use { store ->
            val devices = store.devices()
            assertEquals(threads, devices.size, "one device per thread")
            val storedSessions = store.sessions().map { it.id }
            val unique = storedSessions.toSet()
            assertEquals(storedSessions.size, unique.size, "no duplicated session")
            assertEquals(committedSessions.size, storedSessions.size, "no lost or extra session")
            assertEquals(threads * rounds.toInt(), committedSessions.size, "every round committed a session")
            for (id in committedSessions) assertTrue(id in unique, "session $id was committed but is missing")
            val storedCleaningList = devices.flatMap { d -> store.cleanings(d.id) }.map { it.cleaning.id }
            val storedCleanings = storedCleaningList.toSet()
            assertEquals(storedCleaningList.size, storedCleanings.size, "no duplicated cleaning")
            assertEquals(committedCleanings.size, storedCleanings.size, "no lost or extra cleaning")
            assertEquals(threads * rounds.toInt(), committedCleanings.size, "every round committed a cleaning")
            assertTrue(committedCleanings.all { it in storedCleanings }, "every committed cleaning is stored")
            for (d in devices) {
                val overview = store.deviceOverview(d.id, at(10_000))
                assertEquals(rounds, overview.totalUses.toLong(), "each device used once per round (${d.nickname})")
            }
        }
        val operations = threads * rounds * 7
        println(
            "ConcurrencyTest: $threads threads, $operations operations in ${"%.1f".format(elapsed)} s, " +
                "${committedSessions.size} sessions and ${committedCleanings.size} cleanings, nothing lost or duplicated",
        )
    }
}
