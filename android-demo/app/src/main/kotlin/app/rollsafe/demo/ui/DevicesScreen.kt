// Devices: each one with the core's overview (uses, replacement, cleaning), the
// actions on it, and the form to add (or replace with) a device.
package app.rollsafe.demo.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.rollsafe.DeviceKind
import app.rollsafe.NeedleMaterial
import app.rollsafe.demo.AppGraph
import app.rollsafe.demo.logic.DevicesState
import java.time.Clock

/** The Devices screen. */
@Composable
fun DevicesScreen(graph: AppGraph, clock: Clock) {
    val vm = rememberHolder("devices", clock) { DevicesState(graph.rollSafe, graph.logChanged) }
    val ui by vm.holder.state.collectAsStateWithLifecycle()
    LaunchedEffect(vm) { vm.act { now -> refresh(now) } }
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp)) {
        ProblemText(ui.problem)
        for (o in ui.active) {
            Card(Modifier.padding(vertical = 4.dp)) {
                Column(Modifier.padding(12.dp)) {
                    Text(o.device.nickname, style = MaterialTheme.typography.titleMedium)
                    Text("${o.device.kind.label()}, ${o.device.needleLengthMm} mm, ${o.uses} uses of this head")
                    Text(if (o.replacement.due) o.replacement.reason ?: "Due for replacement." else "${o.replacement.usesLeft} uses left")
                    Text(if (o.cleanForNextUse) "Clean for its next use." else "Clean it before its next use.")
                    if (o.device.shared) Text("Shared with someone else.")
                    Row {
                        TextButton(onClick = { vm.act { now -> flagDamaged(o.device.id, now) } }) { Text("Needles bent") }
                        TextButton(onClick = { vm.act { now -> recordHeadChange(o.device.id, now) } }) { Text("New head") }
                        TextButton(onClick = { vm.act { now -> replace(o.device.id, now) } }) { Text("Replace with the form below") }
                        TextButton(onClick = { vm.act { now -> retire(o.device.id, "Retired", now) } }) { Text("Retire") }
                    }
                }
            }
        }
        Section("Add a device") {
            val f = ui.form
            Row {
                for (k in DeviceKind.entries) {
                    FilterChip(f.kind == k, { vm.holder.editForm { it.copy(kind = k) } }, { Text(k.label()) }, Modifier.padding(end = 6.dp))
                }
            }
            OutlinedTextField(f.nickname, { v -> vm.holder.editForm { it.copy(nickname = v) } }, label = { Text("Name") },
                isError = ui.problem?.field == "nickname")
            OutlinedTextField(f.needleLengthMm.toString(), { v -> v.toDoubleOrNull()?.let { mm -> vm.holder.editForm { it.copy(needleLengthMm = mm) } } },
                label = { Text("Needle length (mm)") }, isError = ui.problem?.field == "needle_length_mm")
            Row {
                for (m in NeedleMaterial.entries) {
                    FilterChip(f.material == m, { vm.holder.editForm { it.copy(material = m) } }, { Text(m.label()) }, Modifier.padding(end = 6.dp))
                }
            }
            Button(onClick = { vm.act { now -> add(now) } }) { Text("Add") }
        }
        if (ui.retired.isNotEmpty()) {
            Section("Retired") { ui.retired.forEach { Text("${it.device.nickname}: ${it.device.retiredReason.orEmpty()}") } }
        }
    }
}
