// Shows a reminder when its alarm goes off, in the core's words.
package app.rollsafe.demo.notify

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import androidx.core.app.NotificationCompat

/** Receives a reminder's alarm and posts its notification. */
class ReminderAlarmReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val id = intent.getStringExtra(EXTRA_ID) ?: return
        val body = intent.getStringExtra(EXTRA_BODY).orEmpty()
        val notification = NotificationCompat.Builder(context, AlarmNotificationSink.CHANNEL_REMINDERS)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(intent.getStringExtra(EXTRA_TITLE))
            .setContentText(body)
            .setStyle(NotificationCompat.BigTextStyle().bigText(body))
            .setContentIntent(AlarmNotificationSink.openApp(context))
            .setAutoCancel(true)
            .build()
        AlarmNotificationSink.post(context, id, notification)
    }

    /** The extras of a reminder's alarm. */
    companion object {
        /** The reminder's id (also the notification's tag). */
        const val EXTRA_ID = "id"

        /** The core's title. */
        const val EXTRA_TITLE = "title"

        /** The core's text. */
        const val EXTRA_BODY = "body"
    }
}
