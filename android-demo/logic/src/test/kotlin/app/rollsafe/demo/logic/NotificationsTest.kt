// Notifications driven by the real core into a recording sink: the core's reminders
// reconciled by id as the log changes, rises shown at once through the alert Flow,
// falls not shown, nothing shown after the collector is cancelled.
package app.rollsafe.demo.logic

import app.rollsafe.CleaningMethod
import app.rollsafe.DeviceKind
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewCleaning
import app.rollsafe.NewDevice
import app.rollsafe.ReminderKind
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class NotificationsTest {
    private val roller = NewDevice(DeviceKind.ROLLER, 0.25, material = NeedleMaterial.TITANIUM, nickname = "Face roller")

    @Test
    fun `reminders are scheduled and cancelled by id as the log changes`() = runBlocking {
        withLog { rs, _ ->
            val sink = RecordingSink()
            val notifications = Notifications(rs, sink)
            assertTrue(notifications.reconcile(paris("2026-03-02T19:00"), PARIS).isEmpty, "an empty log reminds of nothing")

            val id = rs.addDevice(roller, paris("2026-03-02T19:00")).device.id
            rs.withStore { it.startSoakTimer(id, paris("2026-03-02T19:05"), 15u, paris("2026-03-02T19:05")) }
            val started = notifications.reconcile(paris("2026-03-02T19:06"), PARIS)
            val soak = started.schedule.single { it.kind == ReminderKind.SOAK_FINISHED }
            assertEquals(paris("2026-03-02T19:20").instant, soak.triggerAt)
            assertEquals(rs.reminders(paris("2026-03-02T19:06")).map { it.id }.sorted(), sink.scheduled().map { it.id }.sorted())

            // Time passing alone changes nothing the phone must do.
            assertTrue(notifications.reconcile(paris("2026-03-02T19:10"), PARIS).isEmpty)

            rs.recordCleaning(NewCleaning(id, paris("2026-03-02T19:21"), CleaningMethod.ISOPROPYL_SOAK, 15u), paris("2026-03-02T19:21"))
            val cleaned = notifications.reconcile(paris("2026-03-02T19:22"), PARIS)
            assertEquals(listOf(soak.id), cleaned.cancel)
            assertTrue(sink.scheduled().none { it.id == soak.id })
            assertEquals(listOf(soak.id), sink.cancelCalls())
        }
    }

    @Test
    fun `rises are shown at once, falls are not, and nothing after the collector stops`() = runBlocking {
        withLog { rs, _ ->
            val sink = RecordingSink()
            val notifications = Notifications(rs, sink)
            val shower = launch(start = CoroutineStart.UNDISPATCHED) { notifications.showAlerts() }
            letCollectorsStart()

            val id = rs.addDevice(roller, paris("2026-03-02T19:00")).device.id
            val rise = rs.withStore { it.setDeviceShared(id, true, paris("2026-03-02T19:01")) }.alerts.single { it.rising }
            eventually("the rise is shown") { sink.shown().isNotEmpty() }
            assertEquals(listOf(AlertNotification.of(rise)), sink.shown())
            assertTrue(rise.title.isNotBlank() && sink.shown().single().text.isNotBlank())

            val fall = rs.withStore { it.setDeviceShared(id, false, paris("2026-03-02T19:02")) }.alerts.single()
            assertTrue(!fall.rising)
            delay(200)
            assertEquals(1, sink.shown().size, "a fall is recorded but not shown")

            shower.cancelAndJoin()
            val again = rs.withStore { it.setDeviceShared(id, true, paris("2026-03-02T19:03")) }.alerts
            assertTrue(again.any { it.rising })
            delay(200)
            assertEquals(1, sink.shown().size, "nothing is shown once the collector stopped")
        }
    }
}
