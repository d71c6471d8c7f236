// The "Share with my dermatologist" screen: what to share (a period of local days,
// sections, privacy) and in which formats (PDF, FHIR). ONLY the form lives here for
// now: the export API is being added to the core and its bindings in parallel, and
// until it exists this holder makes no export and pretends none.
package app.rollsafe.demo.logic

import java.time.LocalDate
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/** A file format the dermatologist can receive. */
enum class ShareFormat {
    /** A PDF report for reading. */
    PDF,

    /** A FHIR bundle (JSON) for the clinic's record system. */
    FHIR,
}

/**
 * The parts of the log to share; each left out entirely when off. Mirrors the core's
 * export sections.
 *
 * @property profile the profile answers (conditions, medications, skin type).
 * @property devices devices, their wear, replacement and cleaning adherence.
 * @property sessions the session timeline.
 * @property cleanings each device's cleanings.
 * @property symptoms symptom reports with their triage prompts.
 * @property alerts each rise and fall of the risk levels.
 * @property carePlan the care plan set by the dermatologist.
 */
data class ShareSections(
    val profile: Boolean = true,
    val devices: Boolean = true,
    val sessions: Boolean = true,
    val cleanings: Boolean = true,
    val symptoms: Boolean = true,
    val alerts: Boolean = true,
    val carePlan: Boolean = true,
)

/**
 * What the Share screen shows.
 *
 * @property from the first local day to share; `null` with [to] `null` means everything.
 * @property to the last local day to share.
 * @property sections the parts of the log to share.
 * @property redactNotes replace every free-text note with a mark that one was withheld.
 * @property includePhotoReferences name the photos (file name and SHA-256); the images
 *   themselves never leave the phone through an export.
 * @property formats the formats to produce.
 * @property exportAvailable false: the bindings have no export call yet, so the screen
 *   shows the form with its Share button disabled and says why.
 */
data class ShareUi(
    val from: LocalDate? = null,
    val to: LocalDate? = null,
    val sections: ShareSections = ShareSections(),
    val redactNotes: Boolean = false,
    val includePhotoReferences: Boolean = false,
    val formats: Set<ShareFormat> = setOf(ShareFormat.PDF),
    val exportAvailable: Boolean = false,
)

/**
 * State holder of the Share screen: the form only. The export call (core export →
 * files → the system share sheet) is added here once the bindings have it.
 */
class ShareState {
    private val _state = MutableStateFlow(ShareUi())

    /** What the screen shows. */
    val state: StateFlow<ShareUi> = _state.asStateFlow()

    /** Sets the period (both `null`: everything); the core will check it when exporting. */
    fun setPeriod(from: LocalDate?, to: LocalDate?) = _state.update { it.copy(from = from, to = to) }

    /** Edits the sections. */
    fun setSections(change: (ShareSections) -> ShareSections) = _state.update { it.copy(sections = change(it.sections)) }

    /** Sets the privacy choices. */
    fun setPrivacy(redactNotes: Boolean, includePhotoReferences: Boolean) =
        _state.update { it.copy(redactNotes = redactNotes, includePhotoReferences = includePhotoReferences) }

    /** Adds [format] if absent, removes it if present. */
    fun toggleFormat(format: ShareFormat) =
        _state.update { it.copy(formats = if (format in it.formats) it.formats - format else it.formats + format) }
}
