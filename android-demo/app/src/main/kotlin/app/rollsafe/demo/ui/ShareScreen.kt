// Share with my dermatologist: the choices (period, sections, privacy, formats). The
// export itself is not wired yet: the core's export API is not in the bindings, so the
// Share button stays disabled and says so. Nothing here pretends to export.
package app.rollsafe.demo.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import androidx.lifecycle.ViewModel
import app.rollsafe.demo.logic.ShareFormat
import app.rollsafe.demo.logic.ShareState

/** Keeps the Share form across configuration changes. */
class ShareViewModel : ViewModel() {
    /** The form's state holder. */
    val holder = ShareState()
}

/** The Share screen. */
@Composable
fun ShareScreen() {
    val share = viewModel<ShareViewModel>().holder
    val ui by share.state.collectAsStateWithLifecycle()
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp)) {
        Text(
            if (ui.from == null && ui.to == null) "Period: the whole log" else "Period: ${ui.from} to ${ui.to}",
        )
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
        }
        Section("Formats") {
            for (f in ShareFormat.entries) Toggle(f.name, f in ui.formats) { share.toggleFormat(f) }
        }
        Button(onClick = { }, enabled = ui.exportAvailable) { Text("Share") }
        if (!ui.exportAvailable) {
            Text("Sharing is not available in this build yet.", style = MaterialTheme.typography.bodySmall)
        }
    }
}

@Composable
private fun Toggle(text: String, on: Boolean, change: (Boolean) -> Unit) {
    Row(verticalAlignment = Alignment.CenterVertically) {
        Text(text, Modifier.weight(1f))
        Switch(on, change)
    }
}
