// The "Share with my dermatologist" screen: what to share (a period of local days,
// sections, privacy) and in which formats, and the export itself. The core makes every
// byte (FHIR bundle, CSV files, JSON backup); this holder passes the form to it and
// returns the files as names and bytes. Writing them to disk and opening the system share
// sheet is the Android glue's job (app/), so all of this runs and is tested on the JVM.
package app.rollsafe.demo.logic

import app.rollsafe.DateRange
import app.rollsafe.ExportScope
import app.rollsafe.ExportSections
import app.rollsafe.Moment
import app.rollsafe.ktx.RollSafe
import app.rollsafe.ktx.all
import app.rollsafe.ktx.of
import app.rollsafe.ktx.toOffsetDateTime
import java.time.LocalDate
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/**
 * A file format the app can share. The PDF report is not here yet: the core's
 * `reportPdf` call is being added to the bindings (see [ShareState.export]).
 */
enum class ShareFormat {
    /** A FHIR R4 bundle (JSON) for the clinic's record system. */
    FHIR,

    /** One CSV file per kind of record, for spreadsheets. */
    CSV,

    /**
     * The JSON backup of the chosen days: a complete, restorable copy. It has no sections
     * and withholds nothing (notes included), whatever the form says.
     */
    BACKUP,
}

/**
 * One file to share, as the core made it.
 *
 * @property name the file name to use, unique within one export.
 * @property mimeType its type, for the share sheet.
 * @property bytes its contents (UTF-8 text for every format so far).
 */
class ExportedFile(val name: String, val mimeType: String, val bytes: ByteArray) {
    /** The contents as text (every format so far is UTF-8 text). */
    fun text(): String = bytes.toString(Charsets.UTF_8)

    override fun equals(other: Any?): Boolean =
        other is ExportedFile && name == other.name && mimeType == other.mimeType && bytes.contentEquals(other.bytes)

    override fun hashCode(): Int = (name.hashCode() * 31 + mimeType.hashCode()) * 31 + bytes.contentHashCode()

    override fun toString(): String = "ExportedFile($name, $mimeType, ${bytes.size} bytes)"

    /** The types of the files the core makes. */
    companion object {
        /** JSON (the FHIR bundle and the backup). */
        const val JSON = "application/json"

        /** CSV. */
        const val CSV = "text/csv"
    }
}

/**
 * What the Share screen shows.
 *
 * @property from the first local day to share; `null` with [to] `null` means everything.
 * @property to the last local day to share.
 * @property sections the parts of the log to share (FHIR and CSV; the backup has them all).
 * @property redactNotes replace every free-text note with a mark that one was withheld
 *   (FHIR and CSV; the backup keeps the notes).
 * @property includePhotoReferences name the photos (file name and SHA-256); the images
 *   themselves never leave the phone through an export.
 * @property patientName a name for the FHIR Patient; blank keeps the bundle pseudonymous.
 * @property formats the formats to produce.
 * @property exporting true while the core makes the files.
 * @property files the files of the last export, waiting for the app to share them; empty
 *   once it has ([ShareState.handedOver]).
 * @property problem what went wrong on the last export, if anything.
 */
data class ShareUi(
    val from: LocalDate? = null,
    val to: LocalDate? = null,
    val sections: ExportSections = ExportSections.all(),
    val redactNotes: Boolean = false,
    val includePhotoReferences: Boolean = false,
    val patientName: String = "",
    val formats: Set<ShareFormat> = setOf(ShareFormat.FHIR, ShareFormat.CSV),
    val exporting: Boolean = false,
    val files: List<ExportedFile> = emptyList(),
    val problem: Problem? = null,
)

/**
 * State holder of the Share screen: the form, and [export], which asks the core for each
 * chosen format and leaves the files in [ShareUi.files] for the app to share.
 */
class ShareState(private val rollSafe: RollSafe) {
    private val _state = MutableStateFlow(ShareUi())

    /** What the screen shows. */
    val state: StateFlow<ShareUi> = _state.asStateFlow()

    /** Sets the period (both `null`: everything); the core checks it when exporting. */
    fun setPeriod(from: LocalDate?, to: LocalDate?) = edit { it.copy(from = from, to = to) }

    /** Edits the sections. */
    fun setSections(change: (ExportSections) -> ExportSections) = edit { it.copy(sections = change(it.sections)) }

    /** Sets the privacy choices. */
    fun setPrivacy(redactNotes: Boolean, includePhotoReferences: Boolean) =
        edit { it.copy(redactNotes = redactNotes, includePhotoReferences = includePhotoReferences) }

    /** Sets the name to put on the FHIR Patient (blank: none). */
    fun setPatientName(name: String) = edit { it.copy(patientName = name) }

    /** Adds [format] if absent, removes it if present. */
    fun toggleFormat(format: ShareFormat) =
        edit { it.copy(formats = if (format in it.formats) it.formats - format else it.formats + format) }

    /**
     * Asks the core, as of [now], for every chosen format over the form's period, sections
     * and privacy, and leaves the files in [ShareUi.files]. File names start with
     * `rollsafe-` and the local date of [now]; the CSV files keep the core's names after
     * that (`…-sessions.csv`). A refusal (for example a period ending before it starts,
     * named `period.to`) becomes [ShareUi.problem] and no file.
     */
    suspend fun export(now: Moment) {
        val ui = _state.value
        if (ui.formats.isEmpty()) {
            _state.update { it.copy(problem = Problem("Choose at least one format.", "formats")) }
            return
        }
        val period = when {
            ui.from == null && ui.to == null -> null
            ui.from != null && ui.to != null -> DateRange.of(ui.from, ui.to)
            // The core's period has both ends; half a period is an unfinished form, and the
            // missing end is named the way the core names it.
            else -> {
                val missing = if (ui.from == null) "period.from" else "period.to"
                _state.update { it.copy(problem = Problem("Choose the first and the last day, or neither for the whole log.", missing)) }
                return
            }
        }
        val scope = ExportScope(period, ui.sections, ui.redactNotes, ui.includePhotoReferences)
        val prefix = "rollsafe-${now.toOffsetDateTime().toLocalDate()}-"
        _state.update { it.copy(exporting = true, files = emptyList(), problem = null) }
        val outcome = attempt {
            buildList {
                // ---- PDF REPORT: NOT WIRED YET -------------------------------------------
                // The core's `reportPdf(...)` is being added to the bindings in parallel.
                // Once it is there: add ShareFormat.PDF, call it here first (with `scope`
                // and `now`), add its file ("${prefix}report.pdf", application/pdf), and pass
                // its bytes as `reportPdf` to exportFhir below, so the bundle describes the
                // PDF it travels with. Until then no PDF is made and nothing stands in for one.
                val reportPdf: ByteArray? = null
                // ---------------------------------------------------------------------------
                if (ShareFormat.FHIR in ui.formats) {
                    val bundle = rollSafe.exportFhir(scope, ui.patientName.trim().ifEmpty { null }, reportPdf, now)
                    add(ExportedFile("${prefix}fhir.json", ExportedFile.JSON, bundle.toByteArray(Charsets.UTF_8)))
                }
                if (ShareFormat.CSV in ui.formats) {
                    for (csv in rollSafe.exportCsv(scope)) {
                        add(ExportedFile(prefix + csv.name, ExportedFile.CSV, csv.contents.toByteArray(Charsets.UTF_8)))
                    }
                }
                if (ShareFormat.BACKUP in ui.formats) {
                    val backup = rollSafe.exportBackup(period, now)
                    add(ExportedFile("${prefix}backup.json", ExportedFile.JSON, backup.toByteArray(Charsets.UTF_8)))
                }
            }
        }
        when (outcome) {
            is Outcome.Done -> _state.update { it.copy(exporting = false, files = outcome.value) }
            is Outcome.Refused -> _state.update { it.copy(exporting = false, problem = outcome.problem) }
        }
    }

    /** The app has written and shared [ShareUi.files]: forget them (health data). */
    fun handedOver() = _state.update { it.copy(files = emptyList()) }

    /** Any edit drops the last export's files and problem: they belong to the old form. */
    private fun edit(change: (ShareUi) -> ShareUi) =
        _state.update { change(it).copy(files = emptyList(), problem = null) }
}
