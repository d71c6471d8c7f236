// The Today screen: may I use my device today, on which body region, when next, the
// current risk with its reasons, open alerts and upcoming reminders. Every answer is the
// core's, from one `today(now)` call; this holder only asks, as of the `now` it is given,
// and keeps the answers for the screen.
package app.rollsafe.demo.logic

import app.rollsafe.Alert
import app.rollsafe.Assessment
import app.rollsafe.CalendarDate
import app.rollsafe.DeviceToday
import app.rollsafe.Moment
import app.rollsafe.Reminder
import app.rollsafe.ktx.RollSafe
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/**
 * What the Today screen shows: the core's `Today`, plus the banner and the call's state.
 *
 * @property asOf the moment the answers were computed for; `null` before the first refresh.
 * @property date the user's local date at [asOf], as the core counts it.
 * @property devices each device in use, oldest first: its overview, the core's verdict for
 *   a session now on each body region it is for (allowed or not, every reason, the next
 *   allowed day), whether it may be used now on some region, and otherwise the earliest
 *   day it may.
 * @property skinChecksNote what every verdict leaves to the moment of logging (the skin
 *   and cleaning checks), in the core's words: shown beside the answers.
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
    val date: CalendarDate? = null,
    val devices: List<DeviceToday> = emptyList(),
    val skinChecksNote: String = "",
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
     * Asks the core for everything the screen shows as of [now], in one `today` call. First
     * lets the core re-assess as of [now] (time alone can raise a level), as the core asks
     * apps to do at start.
     */
    suspend fun refresh(now: Moment) {
        _state.update { it.copy(loading = true) }
        val outcome = attempt {
            val raised = rollSafe.withStore { it.refreshAlerts(now) }
            rollSafe.today(now) to raised.isNotEmpty()
        }
        when (outcome) {
            is Outcome.Done -> {
                val (today, raised) = outcome.value
                _state.update {
                    TodayUi(
                        asOf = now,
                        date = today.date,
                        devices = today.devices,
                        skinChecksNote = today.skinChecksNote,
                        assessment = today.assessment,
                        openAlerts = today.openAlerts,
                        latestAlert = it.latestAlert,
                        reminders = today.reminders,
                    )
                }
                if (raised) logChanged.changed(now)
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
