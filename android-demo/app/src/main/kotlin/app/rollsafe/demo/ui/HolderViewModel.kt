// Keeps a logic-module state holder across configuration changes and runs its calls in
// viewModelScope with the current moment: the only place a screen reads the clock.
package app.rollsafe.demo.ui

import androidx.compose.runtime.Composable
import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import app.rollsafe.Moment
import app.rollsafe.ktx.nowMoment
import java.time.Clock
import kotlinx.coroutines.Job
import kotlinx.coroutines.launch

/**
 * A state holder [holder] kept alive by the navigation entry.
 *
 * @property holder the logic module's state holder.
 */
class HolderViewModel<H : Any>(val holder: H, private val clock: Clock) : ViewModel() {
    /** Runs [action] on the holder with the current moment, in viewModelScope. */
    fun act(action: suspend H.(now: Moment) -> Unit): Job = viewModelScope.launch { holder.action(clock.nowMoment()) }
}

/** The [HolderViewModel] of this navigation entry for [key], created with [create] once. */
@Composable
fun <H : Any> rememberHolder(key: String, clock: Clock, create: () -> H): HolderViewModel<H> =
    viewModel(key = key) { HolderViewModel(create(), clock) }
