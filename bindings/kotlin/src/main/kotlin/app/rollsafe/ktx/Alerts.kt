// Alerts as a Kotlin Flow.
package app.rollsafe.ktx

import app.rollsafe.Alert
import app.rollsafe.AlertListener
import app.rollsafe.RollSafeStore
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.flow.callbackFlow

/**
 * The alerts [store] raises while the flow is collected; see [RollSafe.alerts].
 * Each collection registers its own listener and cancels it in `awaitClose`.
 */
internal fun alertFlow(store: RollSafeStore): Flow<Alert> =
    callbackFlow {
        val subscription = store.addAlertListener(object : AlertListener {
            override fun onAlert(alert: Alert) {
                // The buffer is unlimited, so this never blocks the writer's thread;
                // it fails (quietly) only once the collector has gone.
                trySend(alert)
            }
        })
        awaitClose { subscription.use { it.cancel() } }
    }.buffer(Channel.UNLIMITED)
