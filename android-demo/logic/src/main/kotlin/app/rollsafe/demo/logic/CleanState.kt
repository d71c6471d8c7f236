// The Clean screen: how the device was cleaned, a soak timer the core knows about
// (its end becomes a reminder), and afterwards whether the core counts that cleaning
// as adequate for the next use. Never "sterile": the core's words are "clean for next use".
package app.rollsafe.demo.logic

import app.rollsafe.CleaningEntry
import app.rollsafe.CleaningMethod
import app.rollsafe.Device
import app.rollsafe.Moment
import app.rollsafe.NewCleaning
import app.rollsafe.Reminder
import app.rollsafe.ReminderKind
import app.rollsafe.ktx.RollSafe
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/**
 * A running soak timer.
 *
 * @property deviceId the device soaking.
 * @property startedAt when the soak started.
 * @property minutes how long it was set for.
 * @property finished the core's "soak finished" reminder for it: its `due` is when the
 *   soak ends (the screen counts down to it) and it is what the notification shows.
 *   `null` if the core gave none.
 */
data class SoakTimer(
    val deviceId: String,
    val startedAt: Moment,
    val minutes: UInt,
    val finished: Reminder?,
)

/**
 * What the Clean screen shows.
 *
 * @property devices the devices that may be chosen (not retired).
 * @property deviceId the device chosen.
 * @property method how it is cleaned.
 * @property soakMinutes the soak's length, for the soak methods.
 * @property soak the running soak timer, if one was started here.
 * @property recorded the cleaning last recorded, as the core places it: before or after
 *   use, and whether it counts as adequate for the next use.
 * @property problem what went wrong on the last call, if anything.
 */
data class CleanUi(
    val devices: List<Device> = emptyList(),
    val deviceId: String? = null,
    val method: CleaningMethod = CleaningMethod.ISOPROPYL_SOAK,
    val soakMinutes: UInt? = 20u,
    val soak: SoakTimer? = null,
    val recorded: CleaningEntry? = null,
    val problem: Problem? = null,
)

/** True for the methods the screen asks soak minutes for (the core's soaks). */
val CleaningMethod.isSoak: Boolean
    get() = this == CleaningMethod.ISOPROPYL_SOAK || this == CleaningMethod.OTHER_ALCOHOL_SOAK

/** State holder of the Clean screen. */
class CleanState(
    private val rollSafe: RollSafe,
    private val logChanged: LogChanged = LogChanged.NONE,
) {
    private val _state = MutableStateFlow(CleanUi())

    /** What the screen shows. */
    val state: StateFlow<CleanUi> = _state.asStateFlow()

    /** Reads the devices that may be chosen. */
    suspend fun load() {
        when (val outcome = attempt { rollSafe.devices().filter { it.retiredAt == null } }) {
            is Outcome.Done -> _state.update { ui ->
                val keep = ui.deviceId?.takeIf { id -> outcome.value.any { it.id == id } }
                ui.copy(devices = outcome.value, deviceId = keep ?: outcome.value.singleOrNull()?.id, problem = null)
            }
            is Outcome.Refused -> _state.update { it.copy(problem = outcome.problem) }
        }
    }

    /** Chooses the device. */
    fun selectDevice(id: String) = _state.update { it.copy(deviceId = id, recorded = null, problem = null) }

    /** Chooses the method; the soak minutes apply to soaks only. */
    fun setMethod(method: CleaningMethod) = _state.update {
        it.copy(method = method, soakMinutes = if (method.isSoak) it.soakMinutes ?: 20u else null, problem = null)
    }

    /** Sets the soak's length. */
    fun setSoakMinutes(minutes: UInt?) = _state.update { it.copy(soakMinutes = minutes, problem = null) }

    /**
     * Starts the soak timer at [now] for the chosen device; the core turns its end into a
     * "soak finished" reminder, which this holder keeps to count down to.
     */
    suspend fun startSoak(now: Moment) {
        val ui = _state.value
        val deviceId = ui.deviceId ?: return needDevice()
        val minutes = ui.soakMinutes ?: return _state.update { it.copy(problem = Problem("Enter the soak's minutes.", "minutes")) }
        val outcome = attempt {
            rollSafe.withStore { it.startSoakTimer(deviceId, now, minutes, now) }
            // The reminder does not carry its device, but its stable id names it.
            rollSafe.reminders(now).firstOrNull { it.kind == ReminderKind.SOAK_FINISHED && deviceId in it.id }
        }
        when (outcome) {
            is Outcome.Done -> {
                _state.update { it.copy(soak = SoakTimer(deviceId, now, minutes, outcome.value), problem = null) }
                logChanged.changed(now)
            }
            is Outcome.Refused -> _state.update { it.copy(problem = outcome.problem) }
        }
    }

    /**
     * Records the cleaning, entered at [now]; logging it stops the device's soak timer.
     * The cleaning took place when the soak timer started here for this device, if one
     * did, and at [now] otherwise.
     */
    suspend fun record(now: Moment) {
        val ui = _state.value
        val deviceId = ui.deviceId ?: return needDevice()
        val at = ui.soak?.takeIf { it.deviceId == deviceId }?.startedAt ?: now
        val cleaning = NewCleaning(deviceId, at, ui.method, if (ui.method.isSoak) ui.soakMinutes else null)
        val outcome = attempt {
            val id = rollSafe.recordCleaning(cleaning, now).cleaning.id
            rollSafe.withStore { it.cleanings(deviceId) }.firstOrNull { it.cleaning.id == id }
        }
        when (outcome) {
            is Outcome.Done -> {
                _state.update {
                    it.copy(recorded = outcome.value, soak = null, problem = null)
                }
                logChanged.changed(now)
            }
            is Outcome.Refused -> _state.update { it.copy(problem = outcome.problem) }
        }
    }

    private fun needDevice() = _state.update { it.copy(problem = Problem("Choose a device.", "device_id")) }
}
