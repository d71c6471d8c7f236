// The Devices screen: add a device, flag it damaged, retire or replace it, fit a new
// head, set one's own replacement limits, and see what the core says about each one's
// wear, replacement and cleaning.
package app.rollsafe.demo.logic

import app.rollsafe.DeviceKind
import app.rollsafe.DeviceOverview
import app.rollsafe.DeviceUpdate
import app.rollsafe.Moment
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewDevice
import app.rollsafe.ktx.RollSafe
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/**
 * The "add a device" form. The core checks every field and names the one it refuses.
 *
 * @property kind the form of the device.
 * @property needleLengthMm the needle length (an adjustable pen's shortest).
 * @property needleLengthMaxMm an adjustable pen's longest; `null` for a fixed length.
 * @property material what the needles are made of.
 * @property nickname the user's name for it.
 * @property brand the brand, if known.
 * @property shared true if someone else uses it too (never advisable; the core says so).
 */
data class DeviceForm(
    val kind: DeviceKind = DeviceKind.ROLLER,
    val needleLengthMm: Double = 0.25,
    val needleLengthMaxMm: Double? = null,
    val material: NeedleMaterial = NeedleMaterial.UNKNOWN,
    val nickname: String = "",
    val brand: String? = null,
    val shared: Boolean = false,
) {
    /** The core's record for this form. */
    fun toNewDevice(): NewDevice = NewDevice(
        kind = kind,
        needleLengthMm = needleLengthMm,
        needleLengthMaxMm = needleLengthMaxMm,
        material = material,
        nickname = nickname.trim(),
        brand = brand?.trim()?.takeIf(String::isNotEmpty),
        shared = shared,
    )
}

/**
 * What the Devices screen shows.
 *
 * @property overviews every device (retired ones last, as the screen lists them) with the
 *   core's overview as of [asOf].
 * @property asOf the moment the overviews are for.
 * @property form the "add a device" form.
 * @property problem what went wrong on the last call, if anything.
 */
data class DevicesUi(
    val overviews: List<DeviceOverview> = emptyList(),
    val asOf: Moment? = null,
    val form: DeviceForm = DeviceForm(),
    val problem: Problem? = null,
) {
    /** The devices in use. */
    val active: List<DeviceOverview> get() = overviews.filter { it.device.retiredAt == null }

    /** The retired devices, kept in the log. */
    val retired: List<DeviceOverview> get() = overviews.filter { it.device.retiredAt != null }
}

/** State holder of the Devices screen. */
class DevicesState(
    private val rollSafe: RollSafe,
    private val logChanged: LogChanged = LogChanged.NONE,
) {
    private val _state = MutableStateFlow(DevicesUi())

    /** What the screen shows. */
    val state: StateFlow<DevicesUi> = _state.asStateFlow()

    /** Reads every device and its overview as of [now]. */
    suspend fun refresh(now: Moment) {
        when (val outcome = attempt { overviews(now) }) {
            is Outcome.Done -> _state.update { it.copy(overviews = outcome.value, asOf = now, problem = null) }
            is Outcome.Refused -> _state.update { it.copy(problem = outcome.problem) }
        }
    }

    /** Edits the "add a device" form. */
    fun editForm(change: (DeviceForm) -> DeviceForm) = _state.update { it.copy(form = change(it.form), problem = null) }

    /** Adds the device the form describes, at [now]; the form is cleared once it is added. */
    suspend fun add(now: Moment): DeviceUpdate? {
        val update = change(now) { rollSafe.addDevice(_state.value.form.toNewDevice(), now) }
        if (update != null) _state.update { it.copy(form = DeviceForm()) }
        return update
    }

    /** Records that device [id]'s needles look bent or its roll feels rough. */
    suspend fun flagDamaged(id: String, now: Moment): DeviceUpdate? =
        change(now) { rollSafe.withStore { it.flagDeviceDamaged(id, now) } }

    /** Records whether someone else uses device [id] too. */
    suspend fun setShared(id: String, shared: Boolean, now: Moment): DeviceUpdate? =
        change(now) { rollSafe.withStore { it.setDeviceShared(id, shared, now) } }

    /** Retires device [id] for [reason]; it stays in the log. */
    suspend fun retire(id: String, reason: String, now: Moment): DeviceUpdate? =
        change(now) { rollSafe.withStore { it.retireDevice(id, reason, now) } }

    /** Records that a new head or cartridge was fitted to device [id] at [now]. */
    suspend fun recordHeadChange(id: String, now: Moment): DeviceUpdate? =
        change(now) { rollSafe.withStore { it.recordHeadChange(id, now, now) } }

    /** Sets the user's own replacement limits for device [id] (`null`: the default). */
    suspend fun setReplacementLimits(id: String, maxUses: UInt?, maxDays: UInt?, now: Moment): DeviceUpdate? =
        change(now) { rollSafe.withStore { it.setReplacementLimits(id, maxUses, maxDays, now) } }

    /**
     * Replaces device [id] with the device the form describes: adds the new one, then
     * retires the old one, saying what replaced it. Returns the new device's update.
     */
    suspend fun replace(id: String, now: Moment): DeviceUpdate? {
        val added = add(now) ?: return null
        retire(id, "Replaced by ${added.device.nickname}", now) ?: return null
        return added
    }

    /** Runs one change, then reads the overviews again and tells [logChanged]. */
    private suspend fun change(now: Moment, call: suspend () -> DeviceUpdate): DeviceUpdate? =
        when (val outcome = attempt { call().let { update -> update to overviews(now) } }) {
            is Outcome.Done -> {
                _state.update { it.copy(overviews = outcome.value.second, asOf = now, problem = null) }
                logChanged.changed(now)
                outcome.value.first
            }
            is Outcome.Refused -> {
                _state.update { it.copy(problem = outcome.problem) }
                null
            }
        }

    private suspend fun overviews(now: Moment): List<DeviceOverview> =
        rollSafe.devices()
            .map { rollSafe.deviceOverview(it.id, now) }
            .sortedBy { it.device.retiredAt != null }
}
