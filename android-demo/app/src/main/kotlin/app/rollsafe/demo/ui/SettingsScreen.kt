// Settings: profile answers, quiet hours, the dermatologist's care plan, and importing a
// backup (the file is picked and read here; the core imports or rejects it). A sealed
// backup (.age) asks for its passphrase first; the core opens it or says why not.
package app.rollsafe.demo.ui

import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.rollsafe.BodyRegion
import app.rollsafe.BodyZone
import app.rollsafe.Condition
import app.rollsafe.ProductCategory
import app.rollsafe.QuietHours
import app.rollsafe.SkinType
import app.rollsafe.demo.AppGraph
import app.rollsafe.demo.logic.Answer
import app.rollsafe.demo.logic.BackupImportState
import app.rollsafe.demo.logic.SettingsState
import app.rollsafe.demo.logic.rows
import app.rollsafe.demo.share.ShareSheet
import java.time.Clock

/** The Settings screen. */
@Composable
fun SettingsScreen(graph: AppGraph, clock: Clock) {
    val vm = rememberHolder("settings", clock) { SettingsState(graph.rollSafe, graph.logChanged) }
    val ui by vm.holder.state.collectAsStateWithLifecycle()
    val settings = vm.holder
    LaunchedEffect(vm) { settings.load() }
    val importVm = rememberHolder("backup-import", clock) { BackupImportState(graph.rollSafe, graph.logChanged) }
    val imported by importVm.holder.state.collectAsStateWithLifecycle()
    val context = LocalContext.current
    val pickBackup = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
        if (uri == null) return@rememberLauncherForActivityResult
        importVm.act { now ->
            val bytes = ShareSheet.readDocument(context, uri)
            if (bytes == null) unreadable() else picked(bytes, ShareSheet.displayName(context, uri), now)
        }.invokeOnCompletion { vm.act { load() } } // the backup may bring a profile or care plan
    }
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp)) {
        ProblemText(ui.problem)
        Section("Skin type (Fitzpatrick)") {
            Row {
                for (t in SkinType.entries) {
                    FilterChip(ui.skinType == t, { settings.setSkinType(t) }, { Text(t.name) }, Modifier.padding(end = 6.dp))
                }
            }
        }
        Section("Does this apply to you?") {
            for (c in Condition.entries) {
                Row(verticalAlignment = Alignment.CenterVertically) {
                    Text(c.label(), Modifier.weight(1f))
                    Switch(ui.answers[c]?.present == true, { on -> settings.answer(c, Answer(present = on)) })
                }
            }
            Text("About you, for the files you choose to sign (optional)", style = MaterialTheme.typography.titleSmall)
            val id = ui.identity
            OutlinedTextField(id.name, { v -> settings.editIdentity { it.copy(name = v) } }, label = { Text("Name") })
            OutlinedTextField(id.birthDate, { v -> settings.editIdentity { it.copy(birthDate = v) } }, label = { Text("Date of birth (YYYY-MM-DD)") })
            OutlinedTextField(id.identifier, { v -> settings.editIdentity { it.copy(identifier = v) } }, label = { Text("Patient number") })
            OutlinedTextField(id.issuer, { v -> settings.editIdentity { it.copy(issuer = v) } }, label = { Text("Given by (clinic)") })
            Button(onClick = { vm.act { now -> saveProfile(now) } }) { Text("Save profile") }
        }
        Section("Quiet hours") {
            val quiet = ui.quietHours
            Row(verticalAlignment = Alignment.CenterVertically) {
                Text(quiet?.let { "From ${hhmm(it.startMinute)} to ${hhmm(it.endMinute)}" } ?: "Off", Modifier.weight(1f))
                Switch(quiet != null, { on ->
                    vm.act { now -> setQuietHours(if (on) QuietHours((22 * 60).toUShort(), (7 * 60).toUShort()) else null, now) }
                })
            }
        }
        Section("Care plan from my dermatologist") {
            val plan = ui.carePlan
            OutlinedTextField(plan.setBy, { v -> settings.editCarePlan { it.copy(setBy = v) } }, label = { Text("Set by") },
                isError = ui.problem?.field == "set_by")
            for (region in BodyRegion.entries) {
                OutlinedTextField(
                    plan.rest[region]?.toString().orEmpty(),
                    { v -> settings.editCarePlan { p -> p.copy(rest = v.toUIntOrNull()?.let { p.rest + (region to it) } ?: (p.rest - region)) } },
                    label = { Text("Rest days, ${region.label()}") },
                )
            }
            Text("Only these zones (none: all)")
            EnumChips(BodyZone.entries, plan.allowedZones) { z ->
                settings.editCarePlan { p -> p.copy(allowedZones = if (z in p.allowedZones) p.allowedZones - z else p.allowedZones + z) }
            }
            Text("Keep off needled skin")
            EnumChips(ProductCategory.entries, plan.avoidProducts) { c ->
                settings.editCarePlan { p -> p.copy(avoidProducts = if (c in p.avoidProducts) p.avoidProducts - c else p.avoidProducts + c) }
            }
            Button(onClick = { vm.act { now -> saveCarePlan(now) } }) { Text("Save care plan") }
        }
        Section("Backup") {
            Text("Import a RollSafe backup file. Into an empty log it restores everything; otherwise it adds what this log does not have yet, without duplicates.")
            // A sealed backup (.age) has no registered type: providers label it variously.
            Button(onClick = { pickBackup.launch(arrayOf("*/*")) }, enabled = !imported.importing) {
                Text("Import a backup")
            }
            imported.sealedFile?.let { name ->
                Text("$name is sealed. Type the passphrase it was sealed with.")
                OutlinedTextField(
                    imported.passphrase,
                    importVm.holder::setPassphrase,
                    label = { Text("Passphrase") },
                    singleLine = true,
                    visualTransformation = PasswordVisualTransformation(),
                    keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Password, autoCorrectEnabled = false),
                )
                Row {
                    Button(
                        onClick = { importVm.act { now -> openAndImport(now) }.invokeOnCompletion { vm.act { load() } } },
                        enabled = !imported.importing,
                    ) { Text(if (imported.importing) "Opening…" else "Open and import") }
                    TextButton(onClick = importVm.holder::dismiss) { Text("Cancel") }
                }
            }
            imported.problem?.let { problem ->
                ProblemText(problem)
                // For a plain backup, the field is the place in the document the core named.
                if (imported.sealedFile == null) {
                    problem.field?.let { Text("Where in the file: $it", style = MaterialTheme.typography.bodySmall) }
                }
            }
            imported.result?.let { result ->
                Text("Imported:")
                for (row in result.rows()) {
                    Text("${row.what}: ${row.count.added} added, ${row.count.updated} updated, ${row.count.unchanged} already here")
                }
                val rises = result.alerts.count { it.rising }
                if (rises > 0) Text("The imported log raised $rises alert(s): see Today.")
            }
        }
    }
}

private fun hhmm(minute: UShort): String = "%02d:%02d".format(minute.toInt() / 60, minute.toInt() % 60)
