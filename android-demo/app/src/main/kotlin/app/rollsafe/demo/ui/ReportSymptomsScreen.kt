// Report symptoms: chips, severities, where, an optional photo kept in the app's own
// storage, and then the core's triage with what to do.
package app.rollsafe.demo.ui

import android.net.Uri
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.PickVisualMediaRequest
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Slider
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.rollsafe.BodyZone
import app.rollsafe.Symptom
import app.rollsafe.SymptomTrend
import app.rollsafe.demo.AppGraph
import app.rollsafe.demo.logic.ReportSymptomsState
import app.rollsafe.demo.logic.photoRefOf
import java.io.File
import java.time.Clock
import java.util.UUID
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/** The "Report symptoms" screen. */
@Composable
fun ReportSymptomsScreen(graph: AppGraph, clock: Clock) {
    val vm = rememberHolder("report", clock) { ReportSymptomsState(graph.rollSafe, graph.logChanged) }
    val ui by vm.holder.state.collectAsStateWithLifecycle()
    val report = vm.holder
    val context = LocalContext.current
    val scope = rememberCoroutineScope()
    // The photo is copied into the app's own storage; the core keeps its name and SHA-256.
    val pick = rememberLauncherForActivityResult(ActivityResultContracts.PickVisualMedia()) { uri: Uri? ->
        uri ?: return@rememberLauncherForActivityResult
        scope.launch {
            val ref = withContext(Dispatchers.IO) {
                val name = "photos/${UUID.randomUUID()}.jpg"
                val file = File(context.filesDir, name).apply { parentFile?.mkdirs() }
                context.contentResolver.openInputStream(uri)?.use { input -> file.outputStream().use { input.copyTo(it) } }
                file.inputStream().use { photoRefOf(name, it) }
            }
            report.setPhoto(ref)
        }
    }
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp)) {
        Section("What do you see?") {
            EnumChips(Symptom.entries, ui.form.symptoms.keys, report::toggleSymptom)
            for ((symptom, rating) in ui.form.symptoms) {
                Text("${symptom.label()}: ${rating?.toString() ?: "not rated"}")
                Slider((rating?.toInt() ?: 0).toFloat(), { report.rateSymptom(symptom, it.toInt().toUByte()) }, valueRange = 0f..10f, steps = 9)
            }
        }
        Section("Where?") { EnumChips(BodyZone.entries, ui.form.zones, report::toggleZone) }
        Section("Compared with before?") {
            EnumChips(SymptomTrend.entries, listOfNotNull(ui.form.trend)) { report.setTrend(it.takeUnless { it == ui.form.trend }) }
        }
        Section("How bad overall? ${ui.form.overallSeverity?.toString() ?: "choose"} / 10") {
            Slider((ui.form.overallSeverity?.toInt() ?: 0).toFloat(), { report.setOverallSeverity(it.toInt().toUByte()) }, valueRange = 0f..10f, steps = 9)
        }
        Row {
            OutlinedButton(onClick = { pick.launch(PickVisualMediaRequest(ActivityResultContracts.PickVisualMedia.ImageOnly)) }) {
                Text(if (ui.form.photo == null) "Add a photo" else "Change the photo")
            }
            Button(onClick = { vm.act { now -> submit(now) } }, Modifier.padding(start = 8.dp)) { Text("Save report") }
        }
        ProblemText(ui.problem)
        ui.assessment?.triage?.let { triage ->
            Section("What to do: ${triage.level.label()}") {
                Text(triage.summary)
                triage.prompts.forEach { Text("• ${it.advice}", style = MaterialTheme.typography.bodyLarge) }
            }
            Text(ui.assessment!!.disclaimer, style = MaterialTheme.typography.bodySmall)
        }
    }
}
