// "Import a backup" (on the Settings screen): the user picks a RollSafe backup file, the
// app reads its bytes, and the core restores or merges it, or rejects it naming the place
// in the document that is wrong (and then changes nothing). A sealed backup (the core tells
// it by its bytes, whatever its name) is opened first with the passphrase the user types;
// the core opens it or says why not.
// This holder only passes the bytes and keeps the core's answers for the screen; picking
// and reading the file is the Android glue's job.
package app.rollsafe.demo.logic

import app.rollsafe.ImportCount
import app.rollsafe.ImportResult
import app.rollsafe.Moment
import app.rollsafe.RollSafeException
import app.rollsafe.isSealed
import app.rollsafe.ktx.RollSafe
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/**
 * What the import part of the screen shows.
 *
 * @property importing true while the core opens or imports.
 * @property result what the last import did; `null` before one, or after a rejection.
 * @property problem why the last import was refused. For a document the core rejected,
 *   [Problem.field] is the place in it (for example `$.sessions[0].versions[0].pain`).
 *   For a sealed file the core did not open, the field is `passphrase` and the message
 *   carries the core's reason (a wrong passphrase, or a file changed after sealing).
 * @property sealedFile the name of the sealed file waiting for its passphrase ("This file"
 *   when the phone gave none); `null` when none is.
 * @property passphrase the passphrase typed for [sealedFile].
 */
data class ImportUi(
    val importing: Boolean = false,
    val result: ImportResult? = null,
    val problem: Problem? = null,
    val sealedFile: String? = null,
    val passphrase: String = "",
) {
    // The passphrase's text stays out of logs and test failure messages.
    override fun toString(): String =
        "ImportUi(importing=$importing, result=$result, problem=$problem, sealedFile=$sealedFile, passphrase=${passphrase.length} chars)"
}

/**
 * One line of the import summary.
 *
 * @property what the kind of record, in words.
 * @property count how many were added, brought up to date, or already there.
 */
data class ImportRow(val what: String, val count: ImportCount)

/** The summary of this import, one row per kind of record, in the core's order. */
fun ImportResult.rows(): List<ImportRow> = listOf(
    ImportRow("Devices", devices),
    ImportRow("Sessions", sessions),
    ImportRow("Cleanings", cleanings),
    ImportRow("Symptom reports", symptomReports),
    ImportRow("Alerts", alertsImported),
    ImportRow("Profile revisions", profileRevisions),
    ImportRow("Care plans", carePlans),
)

/**
 * State holder of "Import a backup": a plain backup is imported at once ([import]); a
 * sealed one ([picked], told by its bytes) waits for its passphrase, then
 * [openAndImport] has the core open it and import what was inside.
 */
class BackupImportState(
    private val rollSafe: RollSafe,
    private val logChanged: LogChanged = LogChanged.NONE,
) {
    private val _state = MutableStateFlow(ImportUi())

    /** The sealed file waiting for its passphrase (kept here, not in the screen's state). */
    private var sealed: ByteArray? = null

    /** What the screen shows. */
    val state: StateFlow<ImportUi> = _state.asStateFlow()

    /**
     * The user picked the file [fileName] (as the phone names it; `null` if unknown) with
     * contents [document]. A sealed export (what the Share screen makes when sealing; the
     * core's `isSealed` tells it by its bytes, so a renamed file is still recognised) waits
     * for its passphrase ([ImportUi.sealedFile]: [fileName], or "This file" when the phone
     * gives no name). Anything else is imported as it is, as of [now].
     */
    suspend fun picked(document: ByteArray, fileName: String?, now: Moment) {
        if (isSealed(document)) {
            sealed = document
            _state.value = ImportUi(sealedFile = fileName ?: "This file")
        } else {
            import(document, now)
        }
    }

    /** Sets the passphrase typed for the sealed file; drops the last problem. */
    fun setPassphrase(passphrase: String) = _state.update { it.copy(passphrase = passphrase, problem = null) }

    /**
     * Has the core open the sealed file with the passphrase typed, then imports what was
     * inside as of [now]. When the core does not open it (a wrong passphrase, a changed
     * file), its reason is shown, nothing is imported, and the file still waits, so the
     * passphrase can be typed again.
     */
    suspend fun openAndImport(now: Moment) {
        val file = sealed ?: return
        val passphrase = _state.value.passphrase
        _state.update { it.copy(importing = true, problem = null) }
        val opened = try {
            rollSafe.openSealed(file, passphrase)
        } catch (e: RollSafeException) {
            _state.update { it.copy(importing = false, problem = notOpened(e)) }
            return
        }
        sealed = null
        import(opened, now)
    }

    /**
     * Imports [document] (the bytes of a backup) as of [now]. The summary goes to
     * [ImportUi.result]; a rejection to [ImportUi.problem], with nothing changed. Risk
     * rises the import causes arrive through the alert `Flow` like any other.
     */
    suspend fun import(document: ByteArray, now: Moment) {
        sealed = null
        _state.update { ImportUi(importing = true) }
        when (val outcome = attempt { rollSafe.importBackup(document, now) }) {
            is Outcome.Done -> {
                _state.value = ImportUi(result = outcome.value)
                logChanged.changed(now)
            }
            is Outcome.Refused -> _state.value = ImportUi(problem = outcome.problem)
        }
    }

    /** The app could not read the file the user picked: says so; nothing was imported. */
    fun unreadable() {
        sealed = null
        _state.value = ImportUi(problem = Problem("The file could not be read. Nothing was imported."))
    }

    /** Hides the last summary or problem, and forgets a sealed file waiting for its passphrase. */
    fun dismiss() {
        sealed = null
        _state.value = ImportUi()
    }

    /** The core's refusal to open a sealed file, as words beside the passphrase. */
    private fun notOpened(e: RollSafeException): Problem = when (e) {
        is RollSafeException.ImportRejected ->
            Problem("The sealed file was not opened: ${e.reason}. Nothing was imported.", "passphrase")
        else -> e.toProblem()
    }
}
