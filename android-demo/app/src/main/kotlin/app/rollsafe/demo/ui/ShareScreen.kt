// Share with my dermatologist: the choices (period, sections, privacy, formats, paper, an
// optional passphrase seal), then the core's files handed to the system share sheet.
// Renders ShareState; the files are written and shared by ShareSheet. The PDF's default
// paper comes from the phone's region (ShareSheet.defaultPaper), read here, in the glue.
package app.rollsafe.demo.ui

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
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp
import app.rollsafe.Paper
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.rollsafe.demo.AppGraph
import app.rollsafe.demo.logic.ShareFormat
import app.rollsafe.demo.logic.ShareState
import app.rollsafe.demo.share.ShareSheet
import java.time.Clock
import java.time.LocalDate

/** The Share screen. */
@Composable
fun ShareScreen(graph: AppGraph, clock: Clock) {
    val context = LocalContext.current
    val vm = rememberHolder("share", clock) { ShareState(graph.rollSafe, ShareSheet.defaultPaper(context)) }
    val share = vm.holder
    val ui by share.state.collectAsStateWithLifecycle()
    // Files made by the core go to the share sheet once, then the holder forgets them.
    LaunchedEffect(ui.files) {
        if (ui.files.isEmpty()) return@LaunchedEffect
        context.startActivity(ShareSheet.chooser(context, ui.files))
        share.handedOver()
    }
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp)) {
        Section("Period") {
            val today = LocalDate.now(clock)
            Row {
                ChoiceChip("Whole log", ui.from == null && ui.to == null) { share.setPeriod(null, null) }
                for (days in listOf(30L, 90L)) {
                    val from = today.minusDays(days - 1)
                    ChoiceChip("Last $days days", ui.from == from && ui.to == today) { share.setPeriod(from, today) }
                }
            }
        }
        Section("Include") {
            val s = ui.sections
            Toggle("Profile", s.profile) { on -> share.setSections { it.copy(profile = on) } }
            Toggle("Devices", s.devices) { on -> share.setSections { it.copy(devices = on) } }
            Toggle("Sessions", s.sessions) { on -> share.setSections { it.copy(sessions = on) } }
            Toggle("Cleanings", s.cleanings) { on -> share.setSections { it.copy(cleanings = on) } }
            Toggle("Symptoms", s.symptoms) { on -> share.setSections { it.copy(symptoms = on) } }
            Toggle("Alerts", s.alerts) { on -> share.setSections { it.copy(alerts = on) } }
            Toggle("Care plan", s.carePlan) { on -> share.setSections { it.copy(carePlan = on) } }
        }
        Section("Privacy") {
            Toggle("Withhold my notes", ui.redactNotes) { share.setPrivacy(it, ui.includePhotoReferences) }
            Toggle("Name my photos (the images are never sent)", ui.includePhotoReferences) { share.setPrivacy(ui.redactNotes, it) }
            Toggle("Put my name, date of birth and patient number on the files", ui.identifyPatient, share::setIdentifyPatient)
        }
        Section("Formats") {
            Toggle("PDF report (to read or print)", ShareFormat.PDF in ui.formats) { share.toggleFormat(ShareFormat.PDF) }
            if (ShareFormat.PDF in ui.formats) {
                Row {
                    ChoiceChip("A4", ui.paper == Paper.A4) { share.setPaper(Paper.A4) }
                    ChoiceChip("US Letter", ui.paper == Paper.US_LETTER) { share.setPaper(Paper.US_LETTER) }
                }
            }
            Toggle("FHIR (for the clinic's record system)", ShareFormat.FHIR in ui.formats) { share.toggleFormat(ShareFormat.FHIR) }
            Toggle("CSV (spreadsheets)", ShareFormat.CSV in ui.formats) { share.toggleFormat(ShareFormat.CSV) }
            Toggle("Backup (JSON)", ShareFormat.BACKUP in ui.formats) { share.toggleFormat(ShareFormat.BACKUP) }
            if (ShareFormat.BACKUP in ui.formats) {
                Text(
                    "The backup is a complete copy of the chosen days, to restore RollSafe: it includes every section " +
                        "and your notes, whatever is chosen above.",
                    style = MaterialTheme.typography.bodySmall,
                )
            }
        }
        Section("Seal with a passphrase") {
            Toggle("Seal the files (for email)", ui.seal.on) { share.setSealed(it) }
            if (ui.seal.on) {
                Text(
                    "Each file is sealed as a .age file. Your dermatologist opens it with RollSafe or the free age tool " +
                        "and the passphrase. Tell them the passphrase another way (by phone or in person), never in the same email.",
                    style = MaterialTheme.typography.bodySmall,
                )
                PassphraseField("Passphrase", ui.seal.passphrase) { share.setPassphrase(it, ui.seal.confirmation) }
                PassphraseField("Passphrase again", ui.seal.confirmation) { share.setPassphrase(ui.seal.passphrase, it) }
                // The core's words on the passphrase (its length rule), or the two not matching.
                if (ui.problem?.field in PASSPHRASE_FIELDS) ProblemText(ui.problem)
            }
        }
        if (ui.problem?.field !in PASSPHRASE_FIELDS) ProblemText(ui.problem)
        Button(onClick = { vm.act { now -> export(now) } }, enabled = ui.formats.isNotEmpty() && !ui.exporting) {
            Text(if (ui.exporting) (if (ui.seal.on) "Preparing and sealing…" else "Preparing…") else "Share")
        }
    }
}

/** The fields of the seal's passphrase: problems about them are shown beside them. */
private val PASSPHRASE_FIELDS = setOf("passphrase", "passphraseConfirmation")

@Composable
private fun PassphraseField(label: String, value: String, change: (String) -> Unit) {
    OutlinedTextField(
        value,
        change,
        label = { Text(label) },
        singleLine = true,
        visualTransformation = PasswordVisualTransformation(),
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Password, autoCorrectEnabled = false),
    )
}

@Composable
private fun ChoiceChip(text: String, selected: Boolean, choose: () -> Unit) {
    FilterChip(selected, choose, { Text(text) }, Modifier.padding(end = 6.dp))
}

@Composable
private fun Toggle(text: String, on: Boolean, change: (Boolean) -> Unit) {
    Row(verticalAlignment = Alignment.CenterVertically) {
        Text(text, Modifier.weight(1f))
        Switch(on, change)
    }
}
