// The "Report symptoms" screen: symptom chips with a severity, where, how bad overall,
// an optional photo reference, and afterwards the core's triage of it: what to do,
// including when to seek care. The triage is the core's; nothing here grades symptoms.
package app.rollsafe.demo.logic

import app.rollsafe.Assessment
import app.rollsafe.BodyZone
import app.rollsafe.Moment
import app.rollsafe.NewSymptomReport
import app.rollsafe.PhotoRef
import app.rollsafe.PusDescription
import app.rollsafe.ReportKind
import app.rollsafe.ReportedSymptom
import app.rollsafe.Symptom
import app.rollsafe.SymptomReport
import app.rollsafe.SymptomTrend
import app.rollsafe.ktx.RollSafe
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/**
 * What the user has entered so far.
 *
 * @property kind a full report or a 24 h / 72 h check-in.
 * @property zones where, in the order picked.
 * @property aroundEye true when the area around an eye is affected.
 * @property symptoms the chips selected, each with its severity (0 to 10) when rated.
 * @property overallSeverity how bad overall, 0 to 10; `null` until chosen.
 * @property pus the colour and consistency, when pus was seen.
 * @property temperatureC a measured temperature, in °C.
 * @property trend worse, the same or better than before, if the user said; the core reads
 *   "worse" as a worsening even when there is no earlier report to compare with.
 * @property notes free text.
 * @property photo the photo the app kept, if one was taken (see [photoRefOf]).
 */
data class ReportForm(
    val kind: ReportKind = ReportKind.REPORT,
    val zones: List<BodyZone> = emptyList(),
    val aroundEye: Boolean = false,
    val symptoms: Map<Symptom, UByte?> = emptyMap(),
    val overallSeverity: UByte? = null,
    val pus: PusDescription? = null,
    val temperatureC: Double? = null,
    val trend: SymptomTrend? = null,
    val notes: String? = null,
    val photo: PhotoRef? = null,
)

/**
 * What the "Report symptoms" screen shows.
 *
 * @property form the form.
 * @property saved the report last recorded.
 * @property assessment the core's assessment right after it: the triage prompts say what
 *   to do (expected, contact your dermatologist, or seek urgent care) and why.
 * @property problem what went wrong on the last call, if anything.
 */
data class ReportSymptomsUi(
    val form: ReportForm = ReportForm(),
    val saved: SymptomReport? = null,
    val assessment: Assessment? = null,
    val problem: Problem? = null,
)

/** State holder of the "Report symptoms" screen. */
class ReportSymptomsState(
    private val rollSafe: RollSafe,
    private val logChanged: LogChanged = LogChanged.NONE,
) {
    private val _state = MutableStateFlow(ReportSymptomsUi())

    /** What the screen shows. */
    val state: StateFlow<ReportSymptomsUi> = _state.asStateFlow()

    /** Sets the kind of report. */
    fun setKind(kind: ReportKind) = edit { it.copy(kind = kind) }

    /** Adds [zone] if absent, removes it if present. */
    fun toggleZone(zone: BodyZone) = edit { it.copy(zones = if (zone in it.zones) it.zones - zone else it.zones + zone) }

    /** Sets whether the area around an eye is affected. */
    fun setAroundEye(aroundEye: Boolean) = edit { it.copy(aroundEye = aroundEye) }

    /** Selects the chip for [symptom] if unselected, unselects it otherwise. */
    fun toggleSymptom(symptom: Symptom) = edit {
        it.copy(symptoms = if (symptom in it.symptoms) it.symptoms - symptom else it.symptoms + (symptom to null))
    }

    /** Rates a selected symptom, 0 to 10 (selecting it if needed). */
    fun rateSymptom(symptom: Symptom, severity: UByte?) = edit { it.copy(symptoms = it.symptoms + (symptom to severity)) }

    /** Sets the overall severity, 0 to 10. */
    fun setOverallSeverity(severity: UByte) = edit { it.copy(overallSeverity = severity) }

    /** Describes the pus seen (`null`: none described). */
    fun setPus(pus: PusDescription?) = edit { it.copy(pus = pus) }

    /** Sets a measured temperature in °C (`null`: not measured). */
    fun setTemperature(celsius: Double?) = edit { it.copy(temperatureC = celsius) }

    /** Says how it compares with before (`null`: not said). */
    fun setTrend(trend: SymptomTrend?) = edit { it.copy(trend = trend) }

    /** Sets the notes. */
    fun setNotes(notes: String?) = edit { it.copy(notes = notes?.takeIf(String::isNotBlank)) }

    /** Attaches the photo the app kept (`null`: removes it). */
    fun setPhoto(photo: PhotoRef?) = edit { it.copy(photo = photo) }

    /**
     * Records the report, looked at [now], then asks the core for its assessment so the
     * screen can show the triage at once. A rise in a level also reaches the alert
     * listeners (and so the notifications) as it is committed.
     */
    suspend fun submit(now: Moment) {
        val form = _state.value.form
        val severity = form.overallSeverity
            ?: return _state.update { it.copy(problem = Problem("Choose how bad it is overall, 0 to 10.", "overall_severity")) }
        val report = NewSymptomReport(
            at = now,
            kind = form.kind,
            zones = form.zones,
            aroundEye = form.aroundEye,
            symptoms = form.symptoms.map { (symptom, rating) -> ReportedSymptom(symptom, rating) },
            overallSeverity = severity,
            pus = form.pus,
            temperatureC = form.temperatureC,
            trend = form.trend,
            notes = form.notes,
            photos = listOfNotNull(form.photo),
        )
        when (val outcome = attempt { rollSafe.recordSymptomReport(report, now).report to rollSafe.assess(now) }) {
            is Outcome.Done -> {
                _state.value = ReportSymptomsUi(saved = outcome.value.first, assessment = outcome.value.second)
                logChanged.changed(now)
            }
            is Outcome.Refused -> _state.update { it.copy(problem = outcome.problem) }
        }
    }

    private fun edit(change: (ReportForm) -> ReportForm) = _state.update { it.copy(form = change(it.form), problem = null) }
}
