// What the app's notification glue does: keep a record of what it scheduled, schedule,
// cancel, and show an alert at once. The Android app implements it with AlarmManager
// and NotificationManager; tests record the calls.
package app.rollsafe.demo.logic

import app.rollsafe.Alert
import app.rollsafe.AlertKind

/**
 * An alert as a notification to show at once.
 *
 * @property alertId the alert's id (acknowledging it clears the notification).
 * @property kind preventive risk or symptom triage, to pick a channel.
 * @property level the new level (`moderate`, `high`, `amber`, `red`...).
 * @property title the core's one-line title.
 * @property text the core's reasons, one per line.
 */
data class AlertNotification(
    val alertId: String,
    val kind: AlertKind,
    val level: String,
    val title: String,
    val text: String,
) {
    /** Factories. */
    companion object {
        /** The notification for [alert], in the core's words. */
        fun of(alert: Alert): AlertNotification = AlertNotification(
            alertId = alert.id,
            kind = alert.kind,
            level = alert.toLevel,
            title = alert.title,
            text = alert.reasons.joinToString("\n") { it.text },
        )
    }
}

/** The phone's notifications, as the app drives them. Calls may come from any thread. */
interface NotificationSink {
    /**
     * What is scheduled now, as last passed to [schedule] and not cancelled: notifications
     * already shown included, so they are not shown twice.
     */
    fun scheduled(): List<ScheduledReminder>

    /** Schedules [reminder], replacing any scheduled with the same id. */
    fun schedule(reminder: ScheduledReminder)

    /** Cancels the notification with [id] (and removes it if shown). */
    fun cancel(id: String)

    /** Shows [alert] at once. */
    fun showAlert(alert: AlertNotification)
}
