// The alert listener through the generated Kotlin bindings, against the real
// Rust library loaded by JNA: rises made on many threads are heard exactly once,
// on the thread that made the change; a listener may call back into the store;
// a listener that throws cannot make a committed change fail, and is reported to
// the logger without its message; and a cancelled subscription hears nothing more.
package app.rollsafe.tests

import app.rollsafe.Alert
import app.rollsafe.AlertKind
import app.rollsafe.AlertListener
import app.rollsafe.DeviceKind
import app.rollsafe.LogLevel
import app.rollsafe.Moment
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewDevice
import app.rollsafe.RollSafeStore
import app.rollsafe.ktx.setRollSafeLogger
import java.time.Instant
import java.util.Collections
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CountDownLatch
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.Test

class AlertListenerTest {
    /** Moment number `step` of the test's timeline, in UTC+01:00. */
    private fun at(step: Long): Moment =
        Moment(instant = Instant.parse("2026-03-01T09:00:00Z").plusSeconds(step), utcOffsetSeconds = 3600)

    private fun roller(nickname: String) =
        NewDevice(kind = DeviceKind.ROLLER, needleLengthMm = 0.25, material = NeedleMaterial.TITANIUM, nickname = nickname)

    private fun List<Alert>.risingIds() = filter { it.rising }.map { it.id }

    /** Every alert it hears, with the name of the thread it heard it on. */
    private class Recorder : AlertListener {
        private val heard = Collections.synchronizedList(mutableListOf<Pair<String, String>>())

        override fun onAlert(alert: Alert) {
            heard += alert.id to Thread.currentThread().name
        }

        fun heard(): List<Pair<String, String>> = synchronized(heard) { heard.toList() }
        fun ids(): List<String> = heard().map { it.first }
    }

    /**
     * Runs `body` on a daemon thread and waits at most `seconds` for it: a deadlock fails
     * the test instead of hanging the run. Rethrows what `body` threw.
     */
    private fun <T> withinDeadline(seconds: Long, body: () -> T): T {
        var result: Result<T>? = null
        val worker = Thread({ result = runCatching(body) }, "deadline-worker").apply { isDaemon = true }
        worker.start()
        worker.join(TimeUnit.SECONDS.toMillis(seconds))
        if (worker.isAlive) fail<Unit>("still running after $seconds s: deadlocked?\n" + worker.stackTrace.joinToString("\n"))
        return result!!.getOrThrow()
    }

    @Test
    fun `rises made on eight threads are heard once each on the thread that made them`() {
        val threads = 8
        val rounds = 25
        val deadlineSeconds = 60L
        RollSafeStore.openInMemory().use { store ->
            val recorder = Recorder()
            store.addAlertListener(recorder).use { subscription ->
                val start = CountDownLatch(1)
                // Every round ends with every device unshared (risk back at low), so each round
                // raises the risk at least once, whichever thread's change gets there first.
                val roundEnd = CyclicBarrier(threads)
                // (alert id, thread name) of every rise a change returned to its caller.
                val returned = ConcurrentLinkedQueue<Pair<String, String>>()
                val failures = ConcurrentLinkedQueue<Throwable>()
                val workers = (0 until threads).map { t ->
                    Thread({
                        try {
                            val me = Thread.currentThread().name
                            start.await()
                            val added = store.addDevice(roller("Roller $t"), at(0))
                            added.alerts.risingIds().forEach { returned += it to me }
                            val id = added.device.id
                            for (i in 0 until rounds) {
                                for ((j, shared) in listOf(true, false).withIndex()) {
                                    val update = store.setDeviceShared(id, shared, at(1L + 2 * i + j))
                                    assertEquals(shared, update.device.shared)
                                    update.alerts.risingIds().forEach { returned += it to me }
                                }
                                roundEnd.await(deadlineSeconds, TimeUnit.SECONDS)
                            }
                        } catch (e: Throwable) {
                            failures += e
                            roundEnd.reset() // frees the others from the barrier
                        }
                    }, "alert-worker-$t").apply { isDaemon = true }
                }
                val began = System.nanoTime()
                workers.forEach { it.start() }
                start.countDown()
                val deadline = began + TimeUnit.SECONDS.toNanos(deadlineSeconds)
                for (worker in workers) {
                    worker.join(maxOf(1L, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())))
                }
                val stuck = workers.filter { it.isAlive }
                if (stuck.isNotEmpty()) {
                    fail<Unit>(
                        "${stuck.size} thread(s) still running after $deadlineSeconds s: deadlocked?\n" +
                            stuck.joinToString("\n\n") { w -> "${w.name}:\n" + w.stackTrace.joinToString("\n") },
                    )
                }
                val elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)
                failures.firstOrNull()?.let { first ->
                    failures.drop(1).forEach(first::addSuppressed)
                    throw first
                }
                subscription.cancel()

                val returnedPairs = returned.toList()
                val heard = recorder.heard()
                println(
                    "AlertListenerTest: $threads threads x $rounds rounds: ${returnedPairs.size} rises returned, " +
                        "${heard.size} heard on ${heard.map { it.second }.toSet().size} thread(s) in $elapsedMs ms",
                )
                assertTrue(returnedPairs.size >= rounds, "every round raised the risk at least once: ${returnedPairs.size}")
                val returnedIds = returnedPairs.map { it.first }
                assertEquals(returnedIds.size, returnedIds.toSet().size, "every rise has its own id")
                // The same multiset: each returned rise heard exactly once, nothing else heard.
                assertEquals(returnedIds.sorted(), recorder.ids().sorted(), "heard exactly the rises returned")
                // Each heard on the thread whose change caused it.
                assertEquals(returnedPairs.sortedBy { it.first }, heard.sortedBy { it.first }, "heard on the changing thread")
                val mainName = Thread.currentThread().name
                assertTrue(heard.none { it.second == mainName }, "nothing heard on the test's thread ($mainName)")
                assertTrue(heard.map { it.second }.toSet().size >= 2, "heard on at least two threads: $heard")
                assertTrue(heard.all { it.second.startsWith("alert-worker-") }, "heard only on the workers: $heard")
                // The store agrees: each of those rises is in its history, as a preventive rise
                // (one shared device makes it moderate; each shared device counts, so two make it high).
                val history = store.alertHistory().filter { it.rising }.associateBy { it.id }
                for (id in returnedIds) {
                    val alert = history[id] ?: fail("rise $id is not in the alert history")
                    assertEquals(AlertKind.PREVENTIVE, alert.kind)
                    assertTrue(
                        alert.fromLevel to alert.toLevel in setOf("low" to "moderate", "moderate" to "high"),
                        "${alert.fromLevel} -> ${alert.toLevel}",
                    )
                }
                assertEquals(returnedIds.toSet(), history.keys, "the history holds no other rise")
            }
        }
    }

    @Test
    fun `a listener may call back into the store and sees the alert it is told about`() {
        RollSafeStore.openInMemory().use { store ->
            val seenOpen = Collections.synchronizedList(mutableListOf<Pair<String, List<String>>>())
            val reentrant = object : AlertListener {
                override fun onAlert(alert: Alert) {
                    // Reads back through the same store from inside the call.
                    val open = store.openAlerts().map { it.id }
                    val history = store.alertHistory().map { it.id }
                    val devices = store.devices()
                    seenOpen += alert.id to open
                    check(alert.id in history) { "the alert being told is in the history" }
                    check(devices.any { it.shared }) { "the change is visible from the listener" }
                }
            }
            store.addAlertListener(reentrant).use {
                val update = withinDeadline(30) {
                    val device = store.addDevice(roller("Face roller"), at(0)).device
                    store.setDeviceShared(device.id, true, at(1))
                }
                val rise = update.alerts.single { it.rising }
                assertEquals(listOf(rise.id), seenOpen.map { it.first }, "the listener was called once, for the rise")
                assertTrue(rise.id in seenOpen.single().second, "openAlerts() inside onAlert holds the alert being told")
            }
        }
    }

    @Test
    fun `a listener that throws does not make the change fail`() {
        RollSafeStore.openInMemory().use { store ->
            val thrown = AtomicInteger()
            val thrower = object : AlertListener {
                override fun onAlert(alert: Alert) {
                    thrown.incrementAndGet()
                    throw IllegalStateException("listener failure on purpose (AlertListenerTest)")
                }
            }
            val after = Recorder()
            store.addAlertListener(thrower).use {
                store.addAlertListener(after).use {
                    val device = store.addDevice(roller("Face roller"), at(0)).device
                    // Returns normally, with its alert, although the listener threw.
                    val update = withinDeadline(30) { store.setDeviceShared(device.id, true, at(1)) }
                    val rise = update.alerts.single()
                    assertTrue(rise.rising)
                    assertEquals(AlertKind.PREVENTIVE, rise.kind)
                    assertEquals("low" to "moderate", rise.fromLevel to rise.toLevel)
                    assertTrue(update.device.shared)
                    assertEquals(1, thrown.get(), "the throwing listener was called")
                    assertEquals(listOf(rise.id), after.ids(), "a listener added after it still heard the rise")

                    // Committed: read back from the store.
                    assertTrue(store.device(device.id).shared, "the change was committed")
                    assertTrue(store.openAlerts().any { it.id == rise.id }, "the alert was committed")

                    // The store keeps working, and keeps calling both listeners.
                    store.setDeviceShared(device.id, false, at(2))
                    val again = store.setDeviceShared(device.id, true, at(3)).alerts.single { it.rising }
                    assertEquals(2, thrown.get())
                    assertEquals(listOf(rise.id, again.id), after.ids())
                }
            }
        }
    }

    @Test
    fun `a listener that throws is reported to the logger without its message`() {
        val logged = Collections.synchronizedList(mutableListOf<Pair<LogLevel, String>>())
        setRollSafeLogger { level, message -> logged += level to message }
        try {
            RollSafeStore.openInMemory().use { store ->
                val thrower = object : AlertListener {
                    override fun onAlert(alert: Alert) {
                        throw IllegalStateException("Secret Roller listener failure on purpose")
                    }
                }
                store.addAlertListener(thrower).use {
                    val device = store.addDevice(roller("Secret Roller"), at(0)).device
                    val update = withinDeadline(30) { store.setDeviceShared(device.id, true, at(1)) }
                    assertTrue(update.alerts.single().rising, "the change succeeded")
                }
            }
        } finally {
            setRollSafeLogger(null)
        }
        val failures = synchronized(logged) { logged.filter { "an alert listener failed" in it.second } }
        assertTrue(failures.isNotEmpty(), "the failure was logged: $logged")
        assertTrue(failures.all { it.first == LogLevel.WARNING }, "as a warning: $failures")
        assertTrue(synchronized(logged) { logged.none { "Secret" in it.second } }, "without the exception's text: $logged")
    }

    @Test
    fun `after cancel further rises are not heard`() {
        RollSafeStore.openInMemory().use { store ->
            val cancelled = Recorder()
            val kept = Recorder()
            store.addAlertListener(kept).use {
                val device = store.addDevice(roller("Face roller"), at(0)).device
                store.addAlertListener(cancelled).use { subscription ->
                    val first = store.setDeviceShared(device.id, true, at(1)).alerts.single { it.rising }
                    assertEquals(listOf(first.id), cancelled.ids(), "heard before cancel")
                    subscription.cancel()
                    subscription.cancel() // twice is harmless

                    // Still inside use {}: cancel(), not close(), is what stops the calls.
                    store.setDeviceShared(device.id, false, at(2))
                    val second = store.setDeviceShared(device.id, true, at(3)).alerts.single { it.rising }
                    assertNotEquals(first.id, second.id)
                    assertEquals(listOf(first.id), cancelled.ids(), "nothing heard after cancel")
                    assertEquals(listOf(first.id, second.id), kept.ids(), "the rise happened and another listener heard it")
                }
                // Closed as well: still nothing.
                store.setDeviceShared(device.id, false, at(4))
                val third = store.setDeviceShared(device.id, true, at(5)).alerts.single { it.rising }
                assertEquals(1, cancelled.ids().size, "nothing heard after close")
                assertEquals(third.id, kept.ids().last())
                assertFalse(cancelled.ids().contains(third.id))
            }
        }
    }
}
