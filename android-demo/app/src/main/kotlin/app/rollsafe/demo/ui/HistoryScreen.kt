// History: sessions, cleanings, reports and alerts, in the core's order.
package app.rollsafe.demo.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Tab
import androidx.compose.material3.TabRow
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.rollsafe.demo.AppGraph
import app.rollsafe.demo.logic.HistoryState
import java.time.Clock

/** The History screen. */
@Composable
fun HistoryScreen(graph: AppGraph, clock: Clock) {
    val vm = rememberHolder("history", clock) { HistoryState(graph.rollSafe) }
    val ui by vm.holder.state.collectAsStateWithLifecycle()
    LaunchedEffect(vm) { vm.holder.refresh() }
    var tab by rememberSaveable { mutableIntStateOf(0) }
    Column(Modifier.fillMaxSize()) {
        TabRow(tab) {
            listOf("Sessions", "Cleanings", "Symptoms", "Alerts").forEachIndexed { i, title ->
                Tab(tab == i, { tab = i }, text = { Text(title) })
            }
        }
        Column(Modifier.verticalScroll(rememberScrollState()).padding(16.dp)) {
            ProblemText(ui.problem)
            when (tab) {
                0 -> ui.sessions.forEach { s ->
                    Text("${s.at.label()}: ${ui.deviceName(s.deviceId)} on ${s.zones.joinToString { it.label() }}" +
                        if (s.overrides.isEmpty()) "" else " (overrode: ${s.overrides.joinToString { it.message }})")
                }
                1 -> ui.cleanings.forEach { (deviceId, entries) ->
                    Section(ui.deviceName(deviceId)) {
                        entries.forEach { e ->
                            Text("${e.cleaning.at.label()}: ${e.cleaning.method.label()}, ${e.timing.label()}" +
                                if (e.adequate) "" else " (not adequate)")
                        }
                    }
                }
                2 -> ui.reports.forEach { r ->
                    Text("${r.at.label()}: ${r.symptoms.joinToString { it.symptom.label() }.ifEmpty { "looked fine" }}, ${r.overallSeverity}/10")
                }
                else -> ui.alerts.forEach { a -> Text("${a.at.label()}: ${a.title}") }
            }
        }
    }
}
