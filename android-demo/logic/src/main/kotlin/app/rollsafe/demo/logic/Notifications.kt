// Drives a NotificationSink from the core: its reminders, reconciled by id, and its
// alert listener, each rise shown at once.
package app.rollsafe.demo.logic

import app.rollsafe.Moment
import app.rollsafe.ktx.RollSafe
import java.time.ZoneId

/**
 * The app's notifications, as the core wants them.
 *
 * @property rollSafe the log.
 * @property sink the phone's notifications.
 */
class Notifications(
    private val rollSafe: RollSafe,
    private val sink: NotificationSink,
) {
    /**
     * Makes the scheduled notifications match the core's reminders as of [now], on a phone
     * in [zone], and returns what was changed. Call at start, after every change (see
     * [LogChanged]) and when the time zone changes.
     */
    suspend fun reconcile(now: Moment, zone: ZoneId): ReminderPlan {
        val plan = ReminderReconciler.plan(rollSafe.reminders(now), sink.scheduled(), zone)
        plan.cancel.forEach(sink::cancel)
        plan.schedule.forEach(sink::schedule)
        return plan
    }

    /**
     * Shows every rise the core raises, as it is raised, for as long as the caller's
     * coroutine lives (cancel it to stop). Falls are recorded by the core but not shown.
     */
    suspend fun showAlerts() {
        rollSafe.alerts.collect { alert ->
            if (alert.rising) sink.showAlert(AlertNotification.of(alert))
        }
    }
}
