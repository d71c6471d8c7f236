// Clean: the method, a soak timer counting down to the core's "soak finished"
// reminder, and whether the core counts the cleaning for the next use. Never "sterile".
package app.rollsafe.demo.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.FilterChip
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.rollsafe.CleaningMethod
import app.rollsafe.demo.AppGraph
import app.rollsafe.demo.logic.CleanState
import app.rollsafe.demo.logic.isSoak
import java.time.Clock
import java.time.Duration
import java.time.Instant
import kotlinx.coroutines.delay

/** The Clean screen. */
@Composable
fun CleanScreen(graph: AppGraph, clock: Clock) {
    val vm = rememberHolder("clean", clock) { CleanState(graph.rollSafe, graph.logChanged) }
    val ui by vm.holder.state.collectAsStateWithLifecycle()
    val clean = vm.holder
    LaunchedEffect(vm) { clean.load() }
    Column(Modifier.fillMaxSize().padding(16.dp)) {
        Section("Device") {
            Row {
                for (d in ui.devices) {
                    FilterChip(ui.deviceId == d.id, { clean.selectDevice(d.id) }, { Text(d.nickname) }, Modifier.padding(end = 6.dp))
                }
            }
        }
        Section("Method") {
            Row {
                for (m in CleaningMethod.entries) {
                    FilterChip(ui.method == m, { clean.setMethod(m) }, { Text(m.label()) }, Modifier.padding(end = 6.dp))
                }
            }
            if (ui.method.isSoak) {
                OutlinedTextField(
                    ui.soakMinutes?.toString().orEmpty(),
                    { clean.setSoakMinutes(it.toUIntOrNull()) },
                    label = { Text("Soak minutes") },
                )
            }
        }
        ui.soak?.finished?.let { reminder ->
            // Display only: the end is the core's reminder; the countdown redraws each second.
            val left by produceState(Duration.ZERO, reminder) {
                while (true) {
                    value = Duration.between(Instant.now(clock), reminder.due.instant).coerceAtLeast(Duration.ZERO)
                    delay(1_000)
                }
            }
            Text("Soaking: ${left.toMinutes()} min ${left.seconds % 60} s left. We will remind you.")
        }
        ProblemText(ui.problem)
        Row {
            if (ui.method.isSoak) OutlinedButton(onClick = { vm.act { now -> startSoak(now) } }) { Text("Start soak timer") }
            Button(onClick = { vm.act { now -> record(now) } }, Modifier.padding(start = 8.dp)) { Text("Log cleaning") }
        }
        ui.recorded?.let { e ->
            Text(if (e.adequate) "Logged. This cleaning counts for the next use." else "Logged, but it does not count as adequate for the next use.")
        }
    }
}
