// What the app does as it goes to the background: the core folds the log's WAL into the
// main database file, so an operating-system backup of that file alone holds every change.
package app.rollsafe.demo.logic

import app.rollsafe.RollSafeException
import app.rollsafe.ktx.RollSafe

/**
 * Call when the app goes to the background (the process lifecycle's `onStop`). Returns
 * whether the main file now holds the whole log; `false` when another reader kept the core
 * from finishing or the log could not be written (nothing is lost either way: the `-wal`
 * still holds the changes, and the next call or closing the log finishes the job), or when
 * the core's full read of the file, which it makes here, found it damaged: the file stays in
 * place, marked, and the next open moves it aside and reports where it is kept.
 */
suspend fun RollSafe.onAppBackground(): Boolean =
    try {
        checkpoint()
    } catch (e: RollSafeException) {
        false
    }
