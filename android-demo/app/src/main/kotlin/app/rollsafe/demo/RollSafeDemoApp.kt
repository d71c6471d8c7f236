// The application: opens the log in filesDir (off the main thread), owns the one clock,
// and starts the process-wide work: alerts shown as notifications as they are raised,
// reminders reconciled at start, and the log made whole in its main file whenever the app
// goes to the background.
package app.rollsafe.demo

import android.app.Application
import androidx.lifecycle.DefaultLifecycleObserver
import androidx.lifecycle.LifecycleOwner
import androidx.lifecycle.ProcessLifecycleOwner
import app.rollsafe.demo.logic.LogChanged
import app.rollsafe.demo.logic.Notifications
import app.rollsafe.demo.logic.onAppBackground
import app.rollsafe.demo.notify.AlarmNotificationSink
import app.rollsafe.ktx.RollSafe
import app.rollsafe.ktx.nowMoment
import java.io.File
import java.time.Clock
import java.time.ZoneId
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Deferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.async
import kotlinx.coroutines.launch

/**
 * What the screens need, once the log is open.
 *
 * @property rollSafe the open log.
 * @property notifications the core's reminders and alerts as the phone's notifications.
 * @property logChanged what the state holders call after each change: reconciles the
 *   notifications with the core's reminders, in the phone's current time zone, as of the
 *   clock's reading after the change (the core counts what happened strictly before the
 *   moment it is asked about, so the change's own moment would not yet show it).
 */
class AppGraph(val rollSafe: RollSafe, val notifications: Notifications, clock: Clock) {
    /** See the class description. */
    val logChanged = LogChanged { _ -> notifications.reconcile(clock.nowMoment(), ZoneId.systemDefault()) }
}

/** The RollSafe demo application. */
class RollSafeDemoApp : Application() {
    /** The only clock in the app: everything below the UI takes `now` as an input. */
    val clock: Clock get() = Clock.systemDefaultZone()

    /** Work that lives as long as the process. */
    val appScope = CoroutineScope(SupervisorJob() + Dispatchers.Default)

    /**
     * The log and what depends on it, opened once on [Dispatchers.IO]. Fails with the core's
     * `RollSafeException` (for example `FileDamaged`, naming where the file was kept), which
     * the activity shows.
     */
    lateinit var graph: Deferred<AppGraph>
        private set

    override fun onCreate() {
        super.onCreate()
        val sink = AlarmNotificationSink(this)
        sink.createChannels()
        graph = appScope.async(Dispatchers.IO) {
            val rollSafe = RollSafe.open(File(filesDir, "rollsafe.sqlite3").path)
            AppGraph(rollSafe, Notifications(rollSafe, sink), clock)
        }
        // Going to the background: fold the WAL into the main file, so an operating-system
        // backup of that file alone holds every change.
        ProcessLifecycleOwner.get().lifecycle.addObserver(object : DefaultLifecycleObserver {
            override fun onStop(owner: LifecycleOwner) {
                appScope.launch { runCatching { graph.await() }.getOrNull()?.rollSafe?.onAppBackground() }
            }
        })
        appScope.launch {
            // A log that fails to open is shown by the activity; nothing to run then.
            val g = runCatching { graph.await() }.getOrNull() ?: return@launch
            launch { g.notifications.showAlerts() }
            // Time alone can raise a level: re-assess at start, then reconcile reminders.
            val now = clock.nowMoment()
            g.rollSafe.withStore { it.refreshAlerts(now) }
            g.notifications.reconcile(now, ZoneId.systemDefault())
        }
    }
}
