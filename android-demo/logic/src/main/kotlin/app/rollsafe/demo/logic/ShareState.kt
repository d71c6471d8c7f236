// The "Share with my dermatologist" screen: what to share (a period of local days,
// sections, privacy), in which formats and on which paper, whether to seal the files with
// a passphrase, and the export itself. The core makes every byte (PDF report, FHIR bundle,
// CSV files, JSON backup, the sealed age files); this holder passes the form to it and
// returns the files as names and bytes. Which files, in which order, under which names and
// types, and which are sealed, is the core's decision too (shareFiles): this holder only
// makes each file's bytes with the export the core names. Writing them to disk and opening
// the system share sheet is the Android glue's job (app/), so all of this runs and is
// tested on the JVM.
package app.rollsafe.demo.logic

import app.rollsafe.DateRange
import app.rollsafe.ExportScope
import app.rollsafe.ExportSections
import app.rollsafe.Moment
import app.rollsafe.Paper
import app.rollsafe.ReportOptions
import app.rollsafe.ShareKind
import app.rollsafe.ShareOptions
import app.rollsafe.ktx.RollSafe
import app.rollsafe.ktx.all
import app.rollsafe.ktx.of
import app.rollsafe.shareFiles
import java.time.LocalDate
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/** A file format the app can share. */
enum class ShareFormat {
    /**
     * The dermatologist's PDF report: a summary and charts, then the detail, on the paper
     * chosen. When FHIR is chosen too, the bundle gets a DocumentReference describing it.
     */
    PDF,

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
 * One file to share, as the core made and named it.
 *
 * @property name the file name the core gave it (`shareFiles`), unique within one export
 *   (`….age` when sealed).
 * @property mimeType its type, for the share sheet, as the core gave it.
 * @property bytes its contents: UTF-8 text for FHIR, CSV and the backup; a PDF; or, when
 *   sealed, an age file.
 */
class ExportedFile(val name: String, val mimeType: String, val bytes: ByteArray) {
    /** The contents as text (for the UTF-8 formats: FHIR, CSV, the backup). */
    fun text(): String = bytes.toString(Charsets.UTF_8)

    override fun equals(other: Any?): Boolean =
        other is ExportedFile && name == other.name && mimeType == other.mimeType && bytes.contentEquals(other.bytes)

    override fun hashCode(): Int = (name.hashCode() * 31 + mimeType.hashCode()) * 31 + bytes.contentHashCode()

    override fun toString(): String = "ExportedFile($name, $mimeType, ${bytes.size} bytes)"
}

/**
 * The "seal with a passphrase" choice. The passphrase is typed twice; this holder checks
 * only that the two match, and the core decides whether it is long enough. Its text never
 * appears in [toString] (state is logged and shown in test failures).
 *
 * @property on seal every file of the export.
 * @property passphrase the passphrase.
 * @property confirmation the passphrase typed again.
 */
data class SealChoice(val on: Boolean = false, val passphrase: String = "", val confirmation: String = "") {
    override fun toString(): String = "SealChoice(on=$on, passphrase=${passphrase.length} chars, confirmation=${confirmation.length} chars)"
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
 * @property identifyPatient put the name, date of birth and patient number from the profile
 *   on the PDF and the FHIR Patient; off, the files name no one and the FHIR ids cannot be
 *   linked to a named export's.
 * @property formats the formats to produce (the PDF report is on by default).
 * @property paper the PDF report's page size; its default is the app's (from the phone's
 *   region), given to [ShareState].
 * @property seal whether to seal the files with a passphrase, and the passphrase.
 * @property exporting true while the core makes the files.
 * @property files the files of the last export, waiting for the app to share them; empty
 *   once it has ([ShareState.handedOver]).
 * @property problem what went wrong on the last export, if anything. Its field is the
 *   core's (`period.to`, `passphrase`), or this holder's `formats`, `period.from` or
 *   `passphraseConfirmation` for an unfinished form.
 */
data class ShareUi(
    val from: LocalDate? = null,
    val to: LocalDate? = null,
    val sections: ExportSections = ExportSections.all(),
    val redactNotes: Boolean = false,
    val includePhotoReferences: Boolean = false,
    val identifyPatient: Boolean = false,
    val formats: Set<ShareFormat> = setOf(ShareFormat.PDF, ShareFormat.FHIR, ShareFormat.CSV),
    val paper: Paper = Paper.A4,
    val seal: SealChoice = SealChoice(),
    val exporting: Boolean = false,
    val files: List<ExportedFile> = emptyList(),
    val problem: Problem? = null,
)

/**
 * State holder of the Share screen: the form, and [export], which asks the core for each
 * chosen format, seals the files when asked, and leaves them in [ShareUi.files] for the app
 * to share.
 *
 * @param paper the PDF report's page size until the user picks one: the app's choice from
 *   the phone's region (the holder reads no locale).
 */
class ShareState(private val rollSafe: RollSafe, paper: Paper) {
    private val _state = MutableStateFlow(ShareUi(paper = paper))

    /** What the screen shows. */
    val state: StateFlow<ShareUi> = _state.asStateFlow()

    /** Sets the period (both `null`: everything); the core checks it when exporting. */
    fun setPeriod(from: LocalDate?, to: LocalDate?) = edit { it.copy(from = from, to = to) }

    /** Edits the sections. */
    fun setSections(change: (ExportSections) -> ExportSections) = edit { it.copy(sections = change(it.sections)) }

    /** Sets the privacy choices. */
    fun setPrivacy(redactNotes: Boolean, includePhotoReferences: Boolean) =
        edit { it.copy(redactNotes = redactNotes, includePhotoReferences = includePhotoReferences) }

    /** Names the patient on the files (from the profile), or not. */
    fun setIdentifyPatient(on: Boolean) = edit { it.copy(identifyPatient = on) }

    /** Adds [format] if absent, removes it if present. */
    fun toggleFormat(format: ShareFormat) =
        edit { it.copy(formats = if (format in it.formats) it.formats - format else it.formats + format) }

    /** Sets the PDF report's page size. */
    fun setPaper(paper: Paper) = edit { it.copy(paper = paper) }

    /** Turns sealing on or off; the passphrase typed so far is kept. */
    fun setSealed(on: Boolean) = edit { it.copy(seal = it.seal.copy(on = on)) }

    /** Sets the passphrase and its confirmation (the second time it is typed). */
    fun setPassphrase(passphrase: String, confirmation: String) =
        edit { it.copy(seal = it.seal.copy(passphrase = passphrase, confirmation = confirmation)) }

    /**
     * Asks the core, as of [now], which files the chosen formats make (`shareFiles`: their
     * order, names, types and sealing), makes each with the core's export over the form's
     * period, sections and privacy, and leaves them in [ShareUi.files]. The core names them
     * for the local date of [now]: `rollsafe-<date>-report.pdf` (first),
     * `rollsafe-<date>-fhir.json`, `rollsafe-<date>-<core name>.csv`,
     * `rollsafe-<date>-backup.json`. When both the PDF and FHIR are chosen, the bundle is
     * made with the PDF's bytes, so it holds a DocumentReference describing the PDF it
     * travels with. When sealing is on, every file is sealed with the passphrase and the
     * core names it `….age`; the two passphrases must match (`passphraseConfirmation`
     * otherwise, before anything is asked of the core), and the core checks the length
     * (`passphrase`). A refusal (for example a period ending before it starts, named
     * `period.to`) becomes [ShareUi.problem] and no file.
     */
    suspend fun export(now: Moment) {
        val ui = _state.value
        val unfinished = unfinished(ui)
        if (unfinished != null) {
            _state.update { it.copy(problem = unfinished) }
            return
        }
        val period = if (ui.from != null && ui.to != null) DateRange.of(ui.from, ui.to) else null
        val scope = ExportScope(period, ui.sections, ui.redactNotes, ui.includePhotoReferences, ui.identifyPatient)
        val options = ShareOptions(
            report = ShareFormat.PDF in ui.formats,
            fhir = ShareFormat.FHIR in ui.formats,
            csv = ShareFormat.CSV in ui.formats,
            backup = ShareFormat.BACKUP in ui.formats,
            sections = ui.sections,
            sealed = ui.seal.on,
        )
        _state.update { it.copy(exporting = true, files = emptyList(), problem = null) }
        val outcome = attempt {
            val planned = shareFiles(options, now)
            val kinds = planned.map { it.kind }.toSet()
            // The PDF first: the FHIR bundle describes it (size and hash) when both go.
            val reportPdf = if (ShareKind.REPORT in kinds) rollSafe.reportPdf(ReportOptions(scope, ui.paper), now) else null
            val bundle = if (ShareKind.FHIR in kinds) {
                rollSafe.exportFhir(scope, reportPdf, now)
            } else {
                null
            }
            val csv: Map<String, String> = if (ShareKind.CSV in kinds) rollSafe.exportCsv(scope).associate { it.name to it.contents } else emptyMap()
            // Sealed, the CSV set travels as one archive: one passphrase opens every file.
            val csvArchive = if (ShareKind.CSV_ARCHIVE in kinds) rollSafe.exportCsvArchive(scope, now) else null
            val backup = if (ShareKind.BACKUP in kinds) rollSafe.exportBackup(period, now) else null
            planned.map { file ->
                val plain = when (file.kind) {
                    ShareKind.REPORT -> reportPdf
                    ShareKind.FHIR -> bundle?.toByteArray(Charsets.UTF_8)
                    ShareKind.CSV -> file.csvName?.let { csv[it] }?.toByteArray(Charsets.UTF_8)
                    ShareKind.CSV_ARCHIVE -> csvArchive
                    ShareKind.BACKUP -> backup?.toByteArray(Charsets.UTF_8)
                }
                // The core plans only what its exports make; a gap is a bug, not a refusal.
                checkNotNull(plain) { "the core planned ${file.name} but made no such file" }
                val bytes = if (file.sealed) rollSafe.seal(plain, ui.seal.passphrase) else plain
                ExportedFile(file.name, file.mediaType, bytes)
            }
        }
        when (outcome) {
            is Outcome.Done -> _state.update { it.copy(exporting = false, files = outcome.value) }
            is Outcome.Refused -> _state.update { it.copy(exporting = false, problem = outcome.problem) }
        }
    }

    /** The app has written and shared [ShareUi.files]: forget them (health data). */
    fun handedOver() = _state.update { it.copy(files = emptyList()) }

    /**
     * What keeps [ui] from being sent to the core at all: no format, half a period, or a
     * passphrase confirmation that differs. The rest (the period's order, the passphrase's
     * length) is the core's to check.
     */
    private fun unfinished(ui: ShareUi): Problem? = when {
        ui.formats.isEmpty() -> Problem("Choose at least one format.", "formats")
        // The core's period has both ends; half a period is an unfinished form, and the
        // missing end is named the way the core names it.
        (ui.from == null) != (ui.to == null) ->
            Problem("Choose the first and the last day, or neither for the whole log.", if (ui.from == null) "period.from" else "period.to")
        ui.seal.on && ui.seal.passphrase != ui.seal.confirmation ->
            Problem("The two passphrases are not the same. Type the passphrase again.", "passphraseConfirmation")
        else -> null
    }

    /** Any edit drops the last export's files and problem: they belong to the old form. */
    private fun edit(change: (ShareUi) -> ShareUi) =
        _state.update { change(it).copy(files = emptyList(), problem = null) }
}
