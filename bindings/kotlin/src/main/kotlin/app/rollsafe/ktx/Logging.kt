// The library's log messages as a Kotlin lambda.
package app.rollsafe.ktx

import app.rollsafe.LogLevel
import app.rollsafe.RollSafeLogger
import app.rollsafe.setLogger

/**
 * Sends the library's log messages to [log], for the whole process, replacing any earlier
 * logger; `null` stops them. The messages are fixed texts without personal data (for example,
 * that an alert listener threw: the change it was told about was committed all the same), so
 * they may go to Logcat or a crash reporter as they are. [log] runs on the thread where the
 * event happened; it should not throw (a message whose logger throws is dropped).
 *
 * ```kotlin
 * setRollSafeLogger { level, message -> Log.w("RollSafe", "$level: $message") }
 * ```
 *
 * See [setLogger] and [RollSafeLogger], which this wraps.
 */
fun setRollSafeLogger(log: ((level: LogLevel, message: String) -> Unit)?) {
    setLogger(
        log?.let { f ->
            object : RollSafeLogger {
                override fun log(level: LogLevel, message: String) = f(level, message)
            }
        },
    )
}
