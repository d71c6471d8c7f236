// The one hook the state holders call after a change is committed, so the app can
// reconcile its scheduled notifications with the core's reminders at once.
package app.rollsafe.demo.logic

import app.rollsafe.Moment

/**
 * Told after every change a state holder made to the log, with the `now` of that change.
 * The app wires it to [Notifications.reconcile], as of its clock's reading after the
 * change: the core answers about what happened strictly before the moment it is asked
 * about, so a reconcile at the change's own `now` would not see the change yet.
 */
fun interface LogChanged {
    /** The log changed at [now]. */
    suspend fun changed(now: Moment)

    /** The hook that does nothing. */
    companion object {
        /** Does nothing; the default for holders that need no follow-up. */
        val NONE: LogChanged = LogChanged { }
    }
}
