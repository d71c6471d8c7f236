// Today: may I use my device, on which region, when next (each answer the core's, from
// one `today` call), the risk and its reasons, open alerts, reminders. Renders
// TodayState; refreshes when shown.
package app.rollsafe.demo.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.LifecycleResumeEffect
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.rollsafe.demo.AppGraph
import app.rollsafe.demo.logic.TodayState
import java.time.Clock

/** The Today screen; [open] navigates to another route. */
@Composable
fun TodayScreen(graph: AppGraph, clock: Clock, open: (String) -> Unit) {
    val vm = rememberHolder("today", clock) { TodayState(graph.rollSafe, graph.logChanged) }
    val ui by vm.holder.state.collectAsStateWithLifecycle()
    // Rises heard while the screen is shown become its banner.
    LaunchedEffect(vm) { vm.holder.watchAlerts() }
    LifecycleResumeEffect(vm) {
        vm.act { now -> refresh(now) }
        onPauseOrDispose { }
    }
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp)) {
        Row {
            TextButton(onClick = { open(Routes.DEVICES) }) { Text("Devices") }
            TextButton(onClick = { open(Routes.SHARE) }) { Text("Share") }
            TextButton(onClick = { open(Routes.SETTINGS) }) { Text("Settings") }
        }
        ProblemText(ui.problem)
        ui.latestAlert?.let { alert ->
            Card(Modifier.padding(vertical = 8.dp)) {
                Column(Modifier.padding(12.dp)) {
                    Text(alert.title, style = MaterialTheme.typography.titleMedium)
                    alert.reasons.forEach { Text("• ${it.text}") }
                    TextButton(onClick = { vm.holder.dismissBanner() }) { Text("Hide") }
                }
            }
        }
        Section("May I use my device today?") {
            if (ui.devices.isEmpty()) Text("Add a device on the Devices screen.")
            // What every answer leaves to the moment of logging, in the core's words.
            if (ui.skinChecksNote.isNotBlank()) Text(ui.skinChecksNote, style = MaterialTheme.typography.bodySmall)
            for (d in ui.devices) {
                Card(Modifier.padding(vertical = 4.dp)) {
                    Column(Modifier.padding(12.dp)) {
                        Text(d.overview.device.nickname, style = MaterialTheme.typography.titleSmall)
                        if (!d.mayUseNow) {
                            Text("Not today on any region.")
                            d.nextAllowedDate?.let { Text("Next allowed: ${it.label()}") }
                        }
                        for (r in d.regions) {
                            val verdict = r.verdict
                            if (verdict.allowed) {
                                Text("${r.region.label()}: yes.")
                            } else {
                                Text("${r.region.label()}: not now." + (verdict.nextAllowedDate?.let { " Next allowed: ${it.label()}." } ?: ""))
                            }
                            // Every reason, blockers first; warnings show on an allowed region too.
                            verdict.findings.forEach { FindingCard(it) }
                        }
                        if (d.overview.replacement.due) Text(d.overview.replacement.reason ?: "Due for replacement.")
                        Text(if (d.overview.cleanForNextUse) "Clean for its next use." else "Clean it before its next use.")
                    }
                }
            }
        }
        ui.assessment?.let { a ->
            Section("Infection risk: ${a.preventive.level.label()}") {
                a.preventive.factors.forEach { Text("• ${it.seen} ${it.advice}") }
            }
            if (a.preventive.otherRisks.isNotEmpty()) {
                Section("Other risks, apart from infection") {
                    a.preventive.otherRisks.forEach { Text("• ${it.seen} ${it.advice}") }
                }
            }
            Section("Symptoms: ${a.triage.level.label()}") {
                Text(a.triage.summary)
                a.triage.prompts.forEach { Text("• ${it.seen} ${it.advice}") }
            }
            Text(a.disclaimer, style = MaterialTheme.typography.bodySmall)
        }
        Section("Open alerts") {
            if (ui.openAlerts.isEmpty()) Text("None.")
            for (alert in ui.openAlerts) {
                Row {
                    Text(alert.title, Modifier.weight(1f).padding(top = 12.dp))
                    TextButton(onClick = { vm.act { now -> acknowledge(alert.id, now) } }) { Text("Seen") }
                }
            }
        }
        Section("Coming up") {
            if (ui.reminders.isEmpty()) Text("Nothing.")
            ui.reminders.forEach { Text("${it.due.label()}: ${it.title}") }
        }
    }
}
