// The app's screens in one NavHost, with a bottom bar for the four daily ones and the
// others reached from Today's top bar.
package app.rollsafe.demo.ui

import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Add
import androidx.compose.material.icons.filled.History
import androidx.compose.material.icons.filled.Home
import androidx.compose.material.icons.filled.Sanitizer
import androidx.compose.material.icons.filled.Sick
import androidx.compose.material3.Icon
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.navigation.NavGraph.Companion.findStartDestination
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import androidx.navigation.compose.currentBackStackEntryAsState
import androidx.navigation.compose.rememberNavController
import app.rollsafe.demo.AppGraph
import java.time.Clock

/** The routes of the app, one per screen. */
object Routes {
    /** Today. */
    const val TODAY = "today"

    /** Log a session. */
    const val LOG = "log"

    /** Clean. */
    const val CLEAN = "clean"

    /** Report symptoms. */
    const val REPORT = "report"

    /** History. */
    const val HISTORY = "history"

    /** Devices. */
    const val DEVICES = "devices"

    /** Settings. */
    const val SETTINGS = "settings"

    /** Share with my dermatologist. */
    const val SHARE = "share"
}

private data class Tab(val route: String, val label: String, val icon: ImageVector)

private val tabs = listOf(
    Tab(Routes.TODAY, "Today", Icons.Filled.Home),
    Tab(Routes.LOG, "Log", Icons.Filled.Add),
    Tab(Routes.CLEAN, "Clean", Icons.Filled.Sanitizer),
    Tab(Routes.REPORT, "Symptoms", Icons.Filled.Sick),
    Tab(Routes.HISTORY, "History", Icons.Filled.History),
)

/** The whole app, once the log is open. */
@Composable
fun RollSafeNavHost(graph: AppGraph, clock: Clock) {
    val nav = rememberNavController()
    val current by nav.currentBackStackEntryAsState()
    Scaffold(
        bottomBar = {
            NavigationBar {
                for (tab in tabs) {
                    NavigationBarItem(
                        selected = current?.destination?.route == tab.route,
                        onClick = {
                            nav.navigate(tab.route) {
                                popUpTo(nav.graph.findStartDestination().id) { saveState = true }
                                launchSingleTop = true
                                restoreState = true
                            }
                        },
                        icon = { Icon(tab.icon, contentDescription = null) },
                        label = { Text(tab.label) },
                    )
                }
            }
        },
    ) { padding ->
        NavHost(nav, startDestination = Routes.TODAY, modifier = Modifier.padding(padding)) {
            composable(Routes.TODAY) { TodayScreen(graph, clock, open = { route -> nav.navigate(route) }) }
            composable(Routes.LOG) { LogSessionScreen(graph, clock) }
            composable(Routes.CLEAN) { CleanScreen(graph, clock) }
            composable(Routes.REPORT) { ReportSymptomsScreen(graph, clock) }
            composable(Routes.HISTORY) { HistoryScreen(graph, clock) }
            composable(Routes.DEVICES) { DevicesScreen(graph, clock) }
            composable(Routes.SETTINGS) { SettingsScreen(graph, clock) }
            composable(Routes.SHARE) { ShareScreen(graph, clock) }
        }
    }
}
