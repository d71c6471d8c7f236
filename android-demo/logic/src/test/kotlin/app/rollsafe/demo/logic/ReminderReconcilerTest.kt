// The reconciler on its own: pure data in, pure data out. Reminders are built by hand
// here because the subject is the diffing, not the core (the story test reconciles
// the core's own reminders).
package app.rollsafe.demo.logic

import app.rollsafe.CalendarDate
import app.rollsafe.Moment
import app.rollsafe.Reminder
import app.rollsafe.ReminderKind
import app.rollsafe.WallClock
import java.time.Instant
import java.time.ZoneId
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class ReminderReconcilerTest {
    private fun reminder(id: String, due: String, title: String = "t-$id", wallClock: WallClock? = null) =
        Reminder(id, ReminderKind.CHECK_IN24H, Moment(Instant.parse(due), 3600), title, "body", wallClock)

    private fun scheduled(r: Reminder) = ReminderReconciler.toScheduled(r, PARIS)

    @Test
    fun `new reminders are scheduled, gone ones cancelled, matching ones left alone`() {
        val a = reminder("a", "2026-03-03T19:00:00Z")
        val b = reminder("b", "2026-03-04T19:00:00Z")
        val c = reminder("c", "2026-03-05T19:00:00Z")
        val plan = ReminderReconciler.plan(listOf(a, b, c), listOf(scheduled(b), scheduled(reminder("old", "2026-03-01T19:00:00Z"))), PARIS)
        assertEquals(listOf("a", "c"), plan.schedule.map { it.id })
        assertEquals(listOf("old"), plan.cancel)
        assertEquals(listOf("b"), plan.unchanged)
        assertEquals(Instant.parse("2026-03-03T19:00:00Z"), plan.schedule.first().triggerAt)
    }

    @Test
    fun `a reminder whose time or text changed is scheduled again under its id`() {
        val before = reminder("a", "2026-03-03T19:00:00Z")
        val moved = reminder("a", "2026-03-03T20:00:00Z")
        val renamed = reminder("a", "2026-03-03T19:00:00Z", title = "new title")
        for (now in listOf(moved, renamed)) {
            val plan = ReminderReconciler.plan(listOf(now), listOf(scheduled(before)), PARIS)
            assertEquals(listOf(scheduled(now)), plan.schedule)
            assertTrue(plan.cancel.isEmpty() && plan.unchanged.isEmpty())
        }
    }

    @Test
    fun `nothing to do when everything matches, and everything goes when nothing is due`() {
        val list = listOf(reminder("a", "2026-03-03T19:00:00Z"), reminder("b", "2026-03-04T19:00:00Z"))
        val same = ReminderReconciler.plan(list, list.map(::scheduled).reversed(), PARIS)
        assertTrue(same.isEmpty)
        assertEquals(listOf("a", "b"), same.unchanged)
        val none = ReminderReconciler.plan(emptyList(), list.map(::scheduled), PARIS)
        assertEquals(listOf("a", "b"), none.cancel)
        assertTrue(ReminderReconciler.plan(emptyList(), emptyList(), PARIS).isEmpty)
    }

    @Test
    fun `a duplicated id is scheduled once, the first one winning`() {
        val plan = ReminderReconciler.plan(
            listOf(reminder("a", "2026-03-03T19:00:00Z"), reminder("a", "2026-03-09T19:00:00Z")), emptyList(), PARIS,
        )
        assertEquals(listOf(Instant.parse("2026-03-03T19:00:00Z")), plan.schedule.map { it.triggerAt })
    }

    @Test
    fun `wall-clock reminders fire at their local time in the phone's zone, across daylight saving`() {
        // 09:00 on 30 March in Paris is after the change to summer time (+02:00), although
        // the core computed the reminder's instant on the 28th, at +01:00.
        val wall = WallClock(CalendarDate(2026, 3u, 30u), 9u, 0u)
        val r = reminder("next", "2026-03-30T08:00:00Z", wallClock = wall)
        assertEquals(Instant.parse("2026-03-30T07:00:00Z"), ReminderReconciler.triggerAt(r, PARIS))
        assertEquals(Instant.parse("2026-03-30T13:00:00Z"), ReminderReconciler.triggerAt(r, ZoneId.of("America/New_York")))
        // 02:30 on 29 March does not exist in Paris: it moves forward by the gap, to 03:30 +02:00.
        val gap = reminder("gap", "2026-03-29T01:30:00Z", wallClock = WallClock(CalendarDate(2026, 3u, 29u), 2u, 30u))
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), ReminderReconciler.triggerAt(gap, PARIS))
        // Without a wall-clock time, the instant is used as it is.
        assertEquals(Instant.parse("2026-03-03T19:00:00Z"), ReminderReconciler.triggerAt(reminder("x", "2026-03-03T19:00:00Z"), PARIS))
    }

    @Test
    fun `a reminder already shown is not scheduled again while the core still gives it`() {
        // Overdue reminders fire at once; the sink keeps them until the core drops them.
        val overdue = reminder("late", "2026-03-01T19:00:00Z")
        val sink = RecordingSink()
        ReminderReconciler.plan(listOf(overdue), sink.scheduled(), PARIS).schedule.forEach(sink::schedule)
        val second = ReminderReconciler.plan(listOf(overdue), sink.scheduled(), PARIS)
        assertTrue(second.isEmpty)
        assertEquals(1, sink.scheduleCalls().size)
    }
}
