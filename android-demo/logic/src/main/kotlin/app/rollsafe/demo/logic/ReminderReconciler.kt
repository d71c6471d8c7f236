// Reconciling the phone's scheduled notifications with the core's reminders, by the
// reminders' stable ids: schedule what is new or changed, cancel what the core no
// longer gives, leave the rest alone (so a notification already shown is not shown
// again). Pure: no clock, no Android, no store.
package app.rollsafe.demo.logic

import app.rollsafe.Reminder
import app.rollsafe.ReminderKind
import app.rollsafe.ktx.toLocalDateTime
import java.time.Instant
import java.time.ZoneId

/**
 * One notification as the phone schedules it.
 *
 * @property id the core reminder's stable id.
 * @property kind what it is for (the app picks a channel by it).
 * @property triggerAt when to show it; in the past means "show now".
 * @property title the core's title.
 * @property body the core's text.
 */
data class ScheduledReminder(
    val id: String,
    val kind: ReminderKind,
    val triggerAt: Instant,
    val title: String,
    val body: String,
)

/**
 * What to change so the scheduled notifications match the reminders.
 *
 * @property schedule notifications to schedule, new or changed; scheduling one replaces
 *   any scheduled with the same id.
 * @property cancel ids of scheduled notifications to cancel.
 * @property unchanged ids of scheduled notifications that already match.
 */
data class ReminderPlan(
    val schedule: List<ScheduledReminder>,
    val cancel: List<String>,
    val unchanged: List<String>,
) {
    /** True when nothing needs to change. */
    val isEmpty: Boolean get() = schedule.isEmpty() && cancel.isEmpty()
}

/** Computes [ReminderPlan]s. */
object ReminderReconciler {
    /**
     * When [reminder] should show on a phone in [zone]: at its wall-clock time in that
     * zone when it has one (so a daylight saving change before it does not move it by an
     * hour), else at its instant. A wall-clock time that does not exist in [zone] (skipped
     * by a change to summer time) moves forward by the length of the gap, as
     * [java.time.ZonedDateTime.of] does.
     */
    fun triggerAt(reminder: Reminder, zone: ZoneId): Instant =
        reminder.wallClock?.toLocalDateTime()?.atZone(zone)?.toInstant() ?: reminder.due.instant

    /** [reminder] as the notification to schedule on a phone in [zone]. */
    fun toScheduled(reminder: Reminder, zone: ZoneId): ScheduledReminder =
        ScheduledReminder(reminder.id, reminder.kind, triggerAt(reminder, zone), reminder.title, reminder.body)

    /**
     * The changes that make [scheduled] match [reminders] on a phone in [zone]. A reminder
     * whose id is scheduled with the same time and text is left alone; with another time
     * or text it is scheduled again. Should [reminders] hold an id twice, the first wins.
     * Every list follows the reminders' order (soonest first); cancellations follow
     * [scheduled]'s order.
     */
    fun plan(reminders: List<Reminder>, scheduled: Collection<ScheduledReminder>, zone: ZoneId): ReminderPlan {
        val wanted = LinkedHashMap<String, ScheduledReminder>()
        for (reminder in reminders) wanted.putIfAbsent(reminder.id, toScheduled(reminder, zone))
        val current = scheduled.associateBy { it.id }
        val (same, changed) = wanted.values.partition { current[it.id] == it }
        return ReminderPlan(
            schedule = changed,
            cancel = scheduled.map { it.id }.distinct().filter { it !in wanted },
            unchanged = same.map { it.id },
        )
    }
}
