// The Today screen: may I use my device today, when next, the current risk with its
// reasons, open alerts and upcoming reminders. Every answer is the core's; this holder
// only asks for them, as of the `now` it is given, and keeps them for the screen.
package app.rollsafe.demo.logic

import app.rollsafe.Alert
import app.rollsafe.Assessment
import app.rollsafe.BodyZone
import app.rollsafe.DeviceOverview
import app.rollsafe.Moment
import app.rollsafe.PreChecks
import app.rollsafe.Reminder
import app.rollsafe.SessionPlan
import app.rollsafe.SessionVerdict
import app.rollsafe.ktx.RollSafe
import app.rollsafe.ktx.allClear
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/**
 * One active device on the Today screen.
 *
 * @property overview the core's overview of the device (wear, replacement, cleaning).
 * @property zones the zones of the device's latest session: the plan Today asks about.
 *   Empty for a device never used; the screen then points to "Log a session".
 * @property verdict the core's answer to "may I use it on [zones] now?", asked with every
 *   pre-session check answered the safe way (the screen says "if your checks pass": the
 *   real answers are given on "Log a session"). `null` when [zones] is empty.
 */
data class DeviceToday(
    val overview: DeviceOverview,
    val zones: List<BodyZone>,
    val verdict: SessionVerdict?,
)

/**
 * What the Today screen shows.
 *
 * @property asOf the moment the answers were computed for; `null` before the first refresh.
 * @property devices each active device with its answer for today.
 * @property assessment the preventive risk and the symptom triage, each with its reasons,
 *   and the core's disclaimer that this is a safety prompt, not a diagnosis.
 * @property openAlerts rises of a risk level not yet acknowledged, oldest first.
 * @property latestAlert the last alert heard through the listener while the screen watched,
 *   for a banner; `null` once dismissed.
 * @property reminders the upcoming reminders, soonest first.
 * @property loading true while a refresh runs.
 * @property problem what went wrong on the last call, if anything.
 */
data class TodayUi(
    val asOf: Moment? = null,
    val devices: List<DeviceToday> = emptyList(),
    val assessment: Assessment? = null,
    val openAlerts: List<Alert> = emptyList(),
    val latestAlert: Alert? = null,
    val reminders: List<Reminder> = emptyList(),
    val loading: Boolean = false,
    val problem: Problem? = null,
)

/**
 * State holder of the Today screen.
 *
 * Call [refresh] when the screen appears (and on resume) with the current moment; run
 * [watchAlerts] in the screen's scope to hear rises as they happen.
 */
class TodayState(
    private val rollSafe: RollSafe,
    private val logChanged: LogChanged = LogChanged.NONE,
) {
    private val _state = MutableStateFlow(TodayUi())

    /** What the screen shows. */
    val state: StateFlow<TodayUi> = _state.asStateFlow()

    /**
     * Asks the core for everything the screen shows as of [now]. First lets the core
     * re-assess as of [now] (time alone can raise a level), as the core asks apps to do
     * at start.
     */
    suspend fun refresh(now: Moment) {
        _state.update { it.copy(loading = true) }
        val outcome = attempt {
            val raised = rollSafe.withStore { it.refreshAlerts(now) }
            val sessions = rollSafe.sessions()
            val devices = rollSafe.devices().filter { it.retiredAt == null }.map { device ->
                val latest = sessions.firstOrNull { it.deviceId == device.id }
                val zones = latest?.zones.orEmpty()
                val verdict = latest?.let {
                    // An adjustable pen needs a length: the one used last time.
                    val length = if (device.needleLengthMaxMm != null) it.needleLengthMm else null
                    rollSafe.checkSession(SessionPlan(device.id, zones, length, preChecks = PreChecks.allClear()), now)
                }
                DeviceToday(rollSafe.deviceOverview(device.id, now), zones, verdict)
            }
            val today = TodayUi(
                asOf = now,
                devices = devices,
                assessment = rollSafe.assess(now),
                openAlerts = rollSafe.openAlerts(),
                reminders = rollSafe.reminders(now),
            )
            today to raised.isNotEmpty()
        }
        when (outcome) {
            is Outcome.Done -> {
                _state.update { outcome.value.first.copy(latestAlert = it.latestAlert) }
                if (outcome.value.second) logChanged.changed(now)
            }
            is Outcome.Refused -> _state.update { it.copy(loading = false, problem = outcome.problem) }
        }
    }

    /** Records that the user saw alert [id], at [now], and reads the open alerts again. */
    suspend fun acknowledge(id: String, now: Moment) {
        when (val outcome = attempt { rollSafe.acknowledgeAlert(id, now); rollSafe.openAlerts() }) {
            is Outcome.Done -> {
                _state.update {
                    it.copy(
                        openAlerts = outcome.value,
                        latestAlert = it.latestAlert?.takeIf { alert -> alert.id != id },
                        problem = null,
                    )
                }
                logChanged.changed(now)
            }
            is Outcome.Refused -> _state.update { it.copy(problem = outcome.problem) }
        }
    }

    /** Hides the banner of the latest alert (it stays open until acknowledged). */
    fun dismissBanner() = _state.update { it.copy(latestAlert = null) }

    /**
     * Collects the core's alerts for as long as the caller's coroutine lives: each rise
     * becomes the banner and the open alerts are read again. Never returns normally;
     * cancel the coroutine to stop.
     */
    suspend fun watchAlerts() {
        rollSafe.alerts.collect { alert ->
            if (!alert.rising) return@collect
            when (val open = attempt { rollSafe.openAlerts() }) {
                is Outcome.Done -> _state.update { it.copy(openAlerts = open.value, latestAlert = alert) }
                is Outcome.Refused -> _state.update { it.copy(latestAlert = alert, problem = open.problem) }
            }
        }
    }
}
