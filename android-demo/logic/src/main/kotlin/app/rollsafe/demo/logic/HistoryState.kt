// The History screen: sessions, cleanings, symptom reports and alerts, as the core
// lists them. Nothing is filtered or summarised here.
package app.rollsafe.demo.logic

import app.rollsafe.Alert
import app.rollsafe.CleaningEntry
import app.rollsafe.Device
import app.rollsafe.Session
import app.rollsafe.SymptomReport
import app.rollsafe.ktx.RollSafe
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/**
 * What the History screen shows, in the core's orders.
 *
 * @property devices every device, retired ones included, to name them.
 * @property sessions every session not deleted, most recent first.
 * @property cleanings each device's cleanings, oldest first, each placed before or after
 *   use and marked adequate or not by the core; keyed by device id.
 * @property reports every symptom report, most recent first.
 * @property alerts every change of a risk level, oldest first.
 * @property problem what went wrong on the last call, if anything.
 */
data class HistoryUi(
    val devices: List<Device> = emptyList(),
    val sessions: List<Session> = emptyList(),
    val cleanings: Map<String, List<CleaningEntry>> = emptyMap(),
    val reports: List<SymptomReport> = emptyList(),
    val alerts: List<Alert> = emptyList(),
    val problem: Problem? = null,
) {
    /** The nickname of device [id], for the rows. */
    fun deviceName(id: String): String = devices.firstOrNull { it.id == id }?.nickname ?: "?"
}

/** State holder of the History screen. */
class HistoryState(private val rollSafe: RollSafe) {
    private val _state = MutableStateFlow(HistoryUi())

    /** What the screen shows. */
    val state: StateFlow<HistoryUi> = _state.asStateFlow()

    /** Reads the whole history again. */
    suspend fun refresh() {
        val outcome = attempt {
            val devices = rollSafe.devices()
            HistoryUi(
                devices = devices,
                sessions = rollSafe.sessions(),
                cleanings = devices.associate { d -> d.id to rollSafe.withStore { it.cleanings(d.id) } },
                reports = rollSafe.withStore { it.symptomReports() },
                alerts = rollSafe.withStore { it.alertHistory() },
            )
        }
        when (outcome) {
            is Outcome.Done -> _state.value = outcome.value
            is Outcome.Refused -> _state.update { it.copy(problem = outcome.problem) }
        }
    }
}
