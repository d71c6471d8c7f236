// The "Log a session" screen: the form, the core's verdict shown before saving, and
// the explicit acknowledgement the user must give, blocker by blocker, to override.
// The core decides the verdict and refuses a blocked session it was not told to
// override; this holder never sends an acknowledgement the user did not give.
package app.rollsafe.demo.logic

import app.rollsafe.BodyZone
import app.rollsafe.Device
import app.rollsafe.Finding
import app.rollsafe.Moment
import app.rollsafe.NewSession
import app.rollsafe.PreChecks
import app.rollsafe.Product
import app.rollsafe.RecordedSession
import app.rollsafe.RollSafeException
import app.rollsafe.SessionPlan
import app.rollsafe.SessionVerdict
import app.rollsafe.Severity
import app.rollsafe.ktx.RollSafe
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/**
 * What the user has entered so far.
 *
 * @property deviceId the device chosen, or `null`.
 * @property zones the zones chosen, in the order they were picked.
 * @property needleLengthMm the length for an adjustable pen; `null` for the device's own.
 * @property products products applied before and after.
 * @property preChecks the user's answers. They start unticked ("not cleaned", "skin not
 *   clean"), so a user who skips them meets the core's blocker instead of a silent yes.
 * @property at when the session took place; `null` means "now" (the moment given to
 *   [LogSessionState.check] and [LogSessionState.save]).
 * @property passes passes over each zone, if counted.
 * @property pain pain felt, 0 to 10, if given.
 * @property notes free text.
 */
data class SessionForm(
    val deviceId: String? = null,
    val zones: List<BodyZone> = emptyList(),
    val needleLengthMm: Double? = null,
    val products: List<Product> = emptyList(),
    val preChecks: PreChecks = PreChecks(
        deviceCleaned = false,
        skinClean = false,
        activeBreakout = false,
        coldSore = false,
        openWound = false,
        sunburn = false,
    ),
    val at: Moment? = null,
    val passes: UInt? = null,
    val pain: UByte? = null,
    val notes: String? = null,
)

/**
 * What the "Log a session" screen shows.
 *
 * @property devices the devices that may be chosen (not retired).
 * @property form the form.
 * @property verdict the core's verdict for exactly this form; `null` until checked, and
 *   again after any edit, so a verdict on screen always matches the form.
 * @property acknowledged codes of the blockers the user explicitly chose to override.
 * @property saved the session last recorded, with the verdict it was recorded under.
 * @property busy true while a call runs.
 * @property problem what went wrong on the last call, if anything.
 */
data class LogSessionUi(
    val devices: List<Device> = emptyList(),
    val form: SessionForm = SessionForm(),
    val verdict: SessionVerdict? = null,
    val acknowledged: Set<String> = emptySet(),
    val saved: RecordedSession? = null,
    val busy: Boolean = false,
    val problem: Problem? = null,
) {
    /**
     * The verdict's findings to acknowledge before saving: the blockers (an override) and
     * the cautions (the session may go ahead once the user has read them). The core keeps
     * every acknowledgement with the session.
     */
    val blockers: List<Finding>
        get() = verdict?.findings.orEmpty().filter { it.severity != Severity.WARNING }

    /** The verdict's warnings, shown but not needing an acknowledgement. */
    val warnings: List<Finding>
        get() = verdict?.findings.orEmpty().filter { it.severity == Severity.WARNING }

    /**
     * True when the form was checked and every blocker and caution (if any) was acknowledged: the
     * save button's state. The core checks again when saving and refuses otherwise.
     */
    val canSave: Boolean
        get() = verdict != null && blockers.all { it.code in acknowledged }
}

/** State holder of the "Log a session" screen. */
class LogSessionState(
    private val rollSafe: RollSafe,
    private val logChanged: LogChanged = LogChanged.NONE,
) {
    private val _state = MutableStateFlow(LogSessionUi())

    /** What the screen shows. */
    val state: StateFlow<LogSessionUi> = _state.asStateFlow()

    /** Reads the devices that may be chosen. */
    suspend fun load() {
        when (val outcome = attempt { rollSafe.devices().filter { it.retiredAt == null } }) {
            is Outcome.Done -> _state.update { ui ->
                val keep = ui.form.deviceId?.takeIf { id -> outcome.value.any { it.id == id } }
                val only = outcome.value.singleOrNull()?.id
                ui.copy(devices = outcome.value, form = ui.form.copy(deviceId = keep ?: only), problem = null)
            }
            is Outcome.Refused -> _state.update { it.copy(problem = outcome.problem) }
        }
    }

    /** Chooses the device. */
    fun selectDevice(id: String) = edit { it.copy(deviceId = id) }

    /** Adds [zone] if absent, removes it if present. */
    fun toggleZone(zone: BodyZone) = edit { it.copy(zones = if (zone in it.zones) it.zones - zone else it.zones + zone) }

    /** Sets the length for an adjustable pen (`null`: the device's own). */
    fun setNeedleLength(mm: Double?) = edit { it.copy(needleLengthMm = mm) }

    /** Adds a product. */
    fun addProduct(product: Product) = edit { it.copy(products = it.products + product) }

    /** Removes the product at [index]. */
    fun removeProduct(index: Int) = edit { it.copy(products = it.products.filterIndexed { i, _ -> i != index }) }

    /** Sets the pre-session answers. */
    fun setPreChecks(checks: PreChecks) = edit { it.copy(preChecks = checks) }

    /** Sets when the session took place (`null`: now). */
    fun setAt(at: Moment?) = edit { it.copy(at = at) }

    /** Sets the passes, pain and notes. */
    fun setDetails(passes: UInt?, pain: UByte?, notes: String?) =
        edit { it.copy(passes = passes, pain = pain, notes = notes?.takeIf(String::isNotBlank)) }

    /**
     * Records the user's explicit choice to override (or not) the blocker with [code].
     * Only codes of the verdict's blockers are kept.
     */
    fun acknowledge(code: String, override: Boolean) = _state.update { ui ->
        if (ui.blockers.none { it.code == code }) return@update ui
        ui.copy(acknowledged = if (override) ui.acknowledged + code else ui.acknowledged - code)
    }

    /** Asks the core whether the session may go ahead at the form's time (or [now]). */
    suspend fun check(now: Moment) {
        val plan = plan() ?: return
        _state.update { it.copy(busy = true) }
        when (val outcome = attempt { rollSafe.checkSession(plan, _state.value.form.at ?: now) }) {
            is Outcome.Done -> _state.update {
                it.copy(verdict = outcome.value, acknowledged = emptySet(), busy = false, problem = null)
            }
            is Outcome.Refused -> _state.update { it.copy(verdict = null, busy = false, problem = outcome.problem) }
        }
    }

    /**
     * Records the session at [now], with exactly the acknowledgements the user gave.
     * Without a verdict for the current form it only checks, so the user sees the verdict
     * before anything is saved. If the core still finds a blocker not acknowledged (the
     * log changed since the check), nothing is saved and the fresh verdict is shown.
     */
    suspend fun save(now: Moment) {
        val ui = _state.value
        if (ui.verdict == null) return check(now)
        val plan = plan() ?: return
        val form = ui.form
        val session = NewSession(plan, form.at ?: now, form.passes, form.pain, form.notes)
        _state.update { it.copy(busy = true) }
        when (val outcome = attempt { rollSafe.recordSession(session, ui.acknowledged.toList(), now) }) {
            is Outcome.Done -> {
                _state.update {
                    LogSessionUi(devices = it.devices, form = SessionForm(deviceId = form.deviceId), saved = outcome.value)
                }
                logChanged.changed(now)
            }
            is Outcome.Refused -> {
                if (outcome.error is RollSafeException.SessionBlocked) {
                    check(now)
                    _state.update { it.copy(problem = outcome.problem) }
                } else {
                    _state.update { it.copy(busy = false, problem = outcome.problem) }
                }
            }
        }
    }

    /** The plan the form describes, or `null` (with a problem shown) while incomplete. */
    private fun plan(): SessionPlan? {
        val form = _state.value.form
        val deviceId = form.deviceId
        if (deviceId == null) {
            _state.update { it.copy(problem = Problem("Choose a device.", "device_id")) }
            return null
        }
        return SessionPlan(deviceId, form.zones, form.needleLengthMm, form.products, form.preChecks)
    }

    /** Applies an edit; the verdict and acknowledgements no longer match, so they go. */
    private fun edit(change: (SessionForm) -> SessionForm) = _state.update {
        it.copy(form = change(it.form), verdict = null, acknowledged = emptySet(), saved = null, problem = null)
    }
}
