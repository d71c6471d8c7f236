// After a reboot the alarms are gone; after a time-zone or clock change, wall-clock
// reminders fire at another instant. Either way: reconcile again.
package app.rollsafe.demo.notify

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import app.rollsafe.demo.RollSafeDemoApp
import app.rollsafe.ktx.nowMoment
import java.time.ZoneId
import kotlinx.coroutines.launch

/** Schedules the reminders again after a reboot, a time-zone change or a clock change. */
class RescheduleReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val app = context.applicationContext as RollSafeDemoApp
        if (intent.action == Intent.ACTION_BOOT_COMPLETED) AlarmNotificationSink(context).forgetAll()
        val pending = goAsync()
        app.appScope.launch {
            try {
                val graph = runCatching { app.graph.await() }.getOrNull() ?: return@launch
                graph.notifications.reconcile(app.clock.nowMoment(), ZoneId.systemDefault())
            } finally {
                pending.finish()
            }
        }
    }
}
