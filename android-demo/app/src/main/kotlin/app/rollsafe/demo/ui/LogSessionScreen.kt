// Log a session: device, zones, products, pre-checks, then the core's verdict, and an
// explicit switch per blocker before an override can be saved.
package app.rollsafe.demo.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.rollsafe.BodyZone
import app.rollsafe.PreChecks
import app.rollsafe.Product
import app.rollsafe.ProductCategory
import app.rollsafe.ProductTiming
import app.rollsafe.demo.AppGraph
import app.rollsafe.demo.logic.LogSessionState
import java.time.Clock

/** The "Log a session" screen. */
@Composable
fun LogSessionScreen(graph: AppGraph, clock: Clock) {
    val vm = rememberHolder("log", clock) { LogSessionState(graph.rollSafe, graph.logChanged) }
    val ui by vm.holder.state.collectAsStateWithLifecycle()
    val log = vm.holder
    LaunchedEffect(vm) { log.load() }
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp)) {
        Section("Device") {
            Row {
                for (d in ui.devices) {
                    FilterChip(ui.form.deviceId == d.id, { log.selectDevice(d.id) }, { Text(d.nickname) }, Modifier.padding(end = 6.dp))
                }
            }
        }
        Section("Zones") { EnumChips(BodyZone.entries, ui.form.zones, log::toggleZone) }
        Section("Products") {
            ui.form.products.forEachIndexed { i, p ->
                Row(verticalAlignment = Alignment.CenterVertically) {
                    Text("${p.name} (${p.timing.label()})", Modifier.weight(1f))
                    OutlinedButton(onClick = { log.removeProduct(i) }) { Text("Remove") }
                }
            }
            ProductEntry { log.addProduct(it) }
        }
        Section("Before you start") {
            val c = ui.form.preChecks
            Check("The device is cleaned", c.deviceCleaned) { log.setPreChecks(c.copy(deviceCleaned = it)) }
            Check("My skin is clean", c.skinClean) { log.setPreChecks(c.copy(skinClean = it)) }
            Check("Active breakout on the area", c.activeBreakout) { log.setPreChecks(c.copy(activeBreakout = it)) }
            Check("Cold sore", c.coldSore) { log.setPreChecks(c.copy(coldSore = it)) }
            Check("Open wound", c.openWound) { log.setPreChecks(c.copy(openWound = it)) }
            Check("Sunburn", c.sunburn) { log.setPreChecks(c.copy(sunburn = it)) }
        }
        ProblemText(ui.problem)
        ui.verdict?.let { verdict ->
            Section(if (verdict.allowed) "You may go ahead" else "Not advised now") {
                verdict.nextAllowedDate?.let { Text("Next allowed: ${it.label()}") }
                for (b in ui.blockers) {
                    FindingCard(b) {
                        Row(verticalAlignment = Alignment.CenterVertically) {
                            Switch(b.code in ui.acknowledged, { on -> log.acknowledge(b.code, on) })
                            Text("I understand and go ahead anyway", Modifier.padding(start = 8.dp))
                        }
                    }
                }
                ui.warnings.forEach { FindingCard(it) }
            }
        }
        Row {
            OutlinedButton(onClick = { vm.act { now -> check(now) } }, enabled = !ui.busy) { Text("Check") }
            Button(
                onClick = { vm.act { now -> save(now) } },
                enabled = !ui.busy && (ui.verdict == null || ui.canSave),
                modifier = Modifier.padding(start = 8.dp),
            ) { Text(if (ui.verdict == null) "Check, then save" else "Save session") }
        }
        ui.saved?.let { Text("Saved: ${it.session.at.label()}") }
    }
}

@Composable
private fun Check(text: String, checked: Boolean, onChange: (Boolean) -> Unit) {
    Row(verticalAlignment = Alignment.CenterVertically) {
        Checkbox(checked, onChange)
        Text(text)
    }
}

@Composable
private fun ProductEntry(add: (Product) -> Unit) {
    var name by remember { mutableStateOf("") }
    var after by remember { mutableStateOf(true) }
    var categories by remember { mutableStateOf(emptySet<ProductCategory>()) }
    OutlinedTextField(name, { name = it }, label = { Text("Product") })
    Row(verticalAlignment = Alignment.CenterVertically) {
        Switch(after, { after = it })
        Text(if (after) "After needling" else "Before needling", Modifier.padding(start = 8.dp))
    }
    EnumChips(ProductCategory.entries, categories) { c -> categories = if (c in categories) categories - c else categories + c }
    OutlinedButton(
        onClick = {
            add(Product(name.trim(), if (after) ProductTiming.AFTER else ProductTiming.BEFORE, categories.toList()))
            name = ""
            categories = emptySet()
        },
        enabled = name.isNotBlank(),
    ) { Text("Add product") }
}
