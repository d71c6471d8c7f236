// What the screens show when the core refuses a change or cannot do it. The core
// decides what is wrong (and names the field); this only turns its typed error into
// words a screen can show next to the field, or above the form.
package app.rollsafe.demo.logic

import app.rollsafe.RollSafeException

/**
 * Something the core refused or could not do, ready to show.
 *
 * @property message plain words for the user.
 * @property field the field the core named (as the API spells it, for example `nickname`
 *   or `answers.stopped_on`), so a form can show the message beside it; for a rejected
 *   import, the place in the document (for example `$.sessions[3].versions[0].pain`);
 *   `null` when the problem is not about one field.
 */
data class Problem(val message: String, val field: String? = null)

/** This core error as a [Problem]; the core's own reason is kept, never reworded into advice. */
fun RollSafeException.toProblem(): Problem =
    when (this) {
        is RollSafeException.InvalidInput -> Problem(reason, field)
        is RollSafeException.NotFound -> Problem("That $entity is no longer in the log.")
        is RollSafeException.SessionBlocked ->
            Problem("The session is blocked: ${blockers.joinToString("; ") { it.message }}")
        is RollSafeException.NewerSchema ->
            Problem("This log was written by a newer version of RollSafe. Update the app to open it.")
        is RollSafeException.FileDamaged ->
            Problem("The log file was damaged. It was kept, untouched, at $keptAt; a new log was started.")
        is RollSafeException.FileInUse ->
            Problem("The log file cannot be read while another part of the app has it open. Close it and try again.")
        is RollSafeException.FileMoved -> Problem("The log file was moved or replaced while open; nothing was saved. Open it again.")
        is RollSafeException.NotALog -> Problem("This file is not a RollSafe log ($reason). It was left untouched.")
        is RollSafeException.StorageFull -> Problem("The phone's storage is full; nothing was saved.")
        is RollSafeException.ReadOnly -> Problem("The log cannot be written; nothing was saved.")
        // The path points into the document (for example `$.sessions[3].versions[0].pain`):
        // kept as the field, so the screen shows where the file is wrong.
        is RollSafeException.ImportRejected ->
            Problem("This file is not a backup RollSafe can import ($reason at $path). Nothing was changed.", path)
        is RollSafeException.Storage -> Problem("The log could not be read or written ($detail); nothing was saved.")
    }

/**
 * Runs [block]; a [RollSafeException] becomes [Outcome.Refused] carrying its [Problem].
 * Anything else (a bug) propagates.
 */
internal suspend fun <T> attempt(block: suspend () -> T): Outcome<T> =
    try {
        Outcome.Done(block())
    } catch (e: RollSafeException) {
        Outcome.Refused(e.toProblem(), e)
    }

/** The result of one call into the core from a state holder. */
internal sealed interface Outcome<out T> {
    /** The call returned [value]. */
    data class Done<T>(val value: T) : Outcome<T>

    /** The core refused; [problem] is what to show, [error] the core's own error. */
    data class Refused(val problem: Problem, val error: RollSafeException) : Outcome<Nothing>
}
