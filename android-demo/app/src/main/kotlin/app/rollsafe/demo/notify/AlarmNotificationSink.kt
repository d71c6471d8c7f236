// The phone side of notifications: AlarmManager for reminders at their time,
// NotificationManager for alerts at once, and a small record in SharedPreferences of
// what is scheduled (AlarmManager cannot be asked), so reconciling by id works across
// process restarts. Decides nothing: what to schedule comes from the logic module.
package app.rollsafe.demo.notify

import android.Manifest
import android.annotation.SuppressLint
import android.app.AlarmManager
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import app.rollsafe.AlertKind
import app.rollsafe.ReminderKind
import app.rollsafe.demo.MainActivity
import app.rollsafe.demo.R
import app.rollsafe.demo.logic.AlertNotification
import app.rollsafe.demo.logic.NotificationSink
import app.rollsafe.demo.logic.ScheduledReminder
import java.time.Instant
import org.json.JSONObject

/** [NotificationSink] on Android. Thread-safe: every method may be called from any thread. */
class AlarmNotificationSink(context: Context) : NotificationSink {
    private val context = context.applicationContext
    private val alarms = context.getSystemService(AlarmManager::class.java)
    private val prefs = context.getSharedPreferences("scheduled-reminders", Context.MODE_PRIVATE)

    /** Creates the two channels (idempotent; Android 8+). */
    fun createChannels() {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.O) return
        val manager = context.getSystemService(NotificationManager::class.java)
        manager.createNotificationChannel(
            NotificationChannel(CHANNEL_REMINDERS, context.getString(R.string.channel_reminders), NotificationManager.IMPORTANCE_DEFAULT)
                .apply { description = context.getString(R.string.channel_reminders_description) },
        )
        manager.createNotificationChannel(
            NotificationChannel(CHANNEL_ALERTS, context.getString(R.string.channel_alerts), NotificationManager.IMPORTANCE_HIGH)
                .apply { description = context.getString(R.string.channel_alerts_description) },
        )
    }

    @Synchronized
    override fun scheduled(): List<ScheduledReminder> =
        prefs.all.values.mapNotNull { (it as? String)?.let(::decode) }

    @Synchronized
    override fun schedule(reminder: ScheduledReminder) {
        val pending = alarmIntent(reminder)
        val at = reminder.triggerAt.toEpochMilli()
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.S || alarms.canScheduleExactAlarms()) {
            alarms.setExactAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, at, pending)
        } else {
            alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, at, pending)
        }
        prefs.edit().putString(reminder.id, encode(reminder)).apply()
    }

    @Synchronized
    override fun cancel(id: String) {
        val intent = Intent(context, ReminderAlarmReceiver::class.java).setData(uriOf(id))
        PendingIntent.getBroadcast(context, 0, intent, PendingIntent.FLAG_NO_CREATE or PendingIntent.FLAG_IMMUTABLE)
            ?.let(alarms::cancel)
        NotificationManagerCompat.from(context).cancel(id, NOTIFICATION_ID)
        prefs.edit().remove(id).apply()
    }

    override fun showAlert(alert: AlertNotification) {
        val notification = NotificationCompat.Builder(context, CHANNEL_ALERTS)
            .setSmallIcon(android.R.drawable.stat_sys_warning)
            .setContentTitle(alert.title)
            .setContentText(alert.text.lineSequence().firstOrNull())
            .setStyle(NotificationCompat.BigTextStyle().bigText(alert.text))
            .setCategory(if (alert.kind == AlertKind.TRIAGE) NotificationCompat.CATEGORY_REMINDER else NotificationCompat.CATEGORY_STATUS)
            .setPriority(NotificationCompat.PRIORITY_HIGH)
            .setContentIntent(openApp(context))
            .setAutoCancel(true)
            .build()
        post(context, alert.alertId, notification)
    }

    /** Forgets the record (alarms do not survive a reboot); the next reconcile schedules all. */
    @Synchronized
    fun forgetAll() {
        prefs.edit().clear().apply()
    }

    private fun alarmIntent(reminder: ScheduledReminder): PendingIntent {
        val intent = Intent(context, ReminderAlarmReceiver::class.java)
            .setData(uriOf(reminder.id)) // one PendingIntent per reminder id
            .putExtra(ReminderAlarmReceiver.EXTRA_ID, reminder.id)
            .putExtra(ReminderAlarmReceiver.EXTRA_TITLE, reminder.title)
            .putExtra(ReminderAlarmReceiver.EXTRA_BODY, reminder.body)
        return PendingIntent.getBroadcast(
            context, 0, intent, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )
    }

    /** Constants and helpers shared with the receivers. */
    companion object {
        /** The channel of reminders. */
        const val CHANNEL_REMINDERS = "reminders"

        /** The channel of alerts. */
        const val CHANNEL_ALERTS = "alerts"

        /** Notifications are told apart by tag (the reminder or alert id); the number is fixed. */
        const val NOTIFICATION_ID = 1

        private fun uriOf(id: String): Uri = Uri.parse("rollsafe://reminder/" + Uri.encode(id))

        /** Opens the app on Today. */
        fun openApp(context: Context): PendingIntent = PendingIntent.getActivity(
            context, 0, Intent(context, MainActivity::class.java), PendingIntent.FLAG_IMMUTABLE,
        )

        /** Posts [notification] under [tag], if the user allowed notifications. */
        @SuppressLint("MissingPermission") // checked just above the call
        fun post(context: Context, tag: String, notification: android.app.Notification) {
            val allowed = Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU ||
                ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED
            if (allowed) NotificationManagerCompat.from(context).notify(tag, NOTIFICATION_ID, notification)
        }

        private fun encode(r: ScheduledReminder): String = JSONObject()
            .put("id", r.id)
            .put("kind", r.kind.name)
            .put("at", r.triggerAt.toEpochMilli())
            .put("title", r.title)
            .put("body", r.body)
            .toString()

        private fun decode(text: String): ScheduledReminder? = runCatching {
            val o = JSONObject(text)
            ScheduledReminder(
                id = o.getString("id"),
                kind = ReminderKind.valueOf(o.getString("kind")),
                triggerAt = Instant.ofEpochMilli(o.getLong("at")),
                title = o.getString("title"),
                body = o.getString("body"),
            )
        }.getOrNull()
    }
}
