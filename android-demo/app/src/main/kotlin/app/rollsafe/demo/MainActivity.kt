// The single activity: waits for the log to open, asks for notification permission on
// Android 13+, then shows the app's navigation. A log that failed to open is shown with
// the core's explanation instead.
package app.rollsafe.demo

import android.Manifest
import android.os.Build
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.compose.setContent
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.rollsafe.RollSafeException
import app.rollsafe.demo.logic.toProblem
import app.rollsafe.demo.ui.RollSafeNavHost

/** The app's only activity. */
class MainActivity : ComponentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val app = application as RollSafeDemoApp
        setContent {
            MaterialTheme {
                Surface(Modifier.fillMaxSize()) {
                    val opened by produceState<Result<AppGraph>?>(null) { value = runCatching { app.graph.await() } }
                    AskForNotifications()
                    when (val result = opened) {
                        null -> Box(Modifier.fillMaxSize(), Alignment.Center) { CircularProgressIndicator() }
                        else -> result.fold(
                            onSuccess = { graph -> RollSafeNavHost(graph, app.clock) },
                            onFailure = { error -> OpenFailed(error) },
                        )
                    }
                }
            }
        }
    }
}

@Composable
private fun AskForNotifications() {
    if (Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU) return
    val launcher = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { }
    LaunchedEffect(Unit) { launcher.launch(Manifest.permission.POST_NOTIFICATIONS) }
}

@Composable
private fun OpenFailed(error: Throwable) {
    val message = (error as? RollSafeException)?.toProblem()?.message ?: "The log could not be opened."
    Text(message, Modifier.padding(24.dp), style = MaterialTheme.typography.bodyLarge)
}
