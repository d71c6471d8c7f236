// "Import a backup" (on the Settings screen): the user picks a RollSafe backup file, the
// app reads its bytes, and the core restores or merges it, or rejects it naming the place
// in the document that is wrong (and then changes nothing). This holder only passes the
// bytes and keeps the core's answer for the screen; picking and reading the file is the
// Android glue's job.
package app.rollsafe.demo.logic

import app.rollsafe.ImportCount
import app.rollsafe.ImportResult
import app.rollsafe.Moment
import app.rollsafe.ktx.RollSafe
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/**
 * What the import part of the screen shows.
 *
 * @property importing true while the core imports.
 * @property result what the last import did; `null` before one, or after a rejection.
 * @property problem why the last import was refused. For a document the core rejected,
 *   [Problem.field] is the place in it (for example `$.sessions[0].versions[0].pain`).
 */
data class ImportUi(
    val importing: Boolean = false,
    val result: ImportResult? = null,
    val problem: Problem? = null,
)

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

/** State holder of "Import a backup". */
class BackupImportState(
    private val rollSafe: RollSafe,
    private val logChanged: LogChanged = LogChanged.NONE,
) {
    private val _state = MutableStateFlow(ImportUi())

    /** What the screen shows. */
    val state: StateFlow<ImportUi> = _state.asStateFlow()

    /**
     * Imports [document] (the bytes of the file the user picked) as of [now]. The summary
     * goes to [ImportUi.result]; a rejection to [ImportUi.problem], with nothing changed.
     * Risk rises the import causes arrive through the alert `Flow` like any other.
     */
    suspend fun import(document: ByteArray, now: Moment) {
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
    fun unreadable() = _state.update { ImportUi(problem = Problem("The file could not be read. Nothing was imported.")) }

    /** Hides the last summary or problem. */
    fun dismiss() = _state.update { ImportUi() }
}
