// Small pieces the screens share: a problem line, a finding with its source, chips
// for enum choices, labels for the core's enums and dates. Display only.
package app.rollsafe.demo.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.rollsafe.CalendarDate
import app.rollsafe.Finding
import app.rollsafe.Moment
import app.rollsafe.Severity
import app.rollsafe.demo.logic.Problem
import app.rollsafe.ktx.source
import app.rollsafe.ktx.toLocalDate
import app.rollsafe.ktx.toOffsetDateTime
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle

/** An enum value as words: `SPREADING_REDNESS` → "Spreading redness". */
fun Enum<*>.label(): String = name.lowercase().replace('_', ' ').replaceFirstChar { it.uppercase() }

/** A calendar date in the user's format. */
fun CalendarDate.label(): String = toLocalDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM))

/** A moment as the local date and time where it was recorded. */
fun Moment.label(): String = toOffsetDateTime().format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT))

/** The problem of the last call, if any, in the error colour. */
@Composable
fun ProblemText(problem: Problem?) {
    problem ?: return
    Text(problem.message, color = MaterialTheme.colorScheme.error, modifier = Modifier.padding(vertical = 4.dp))
}

/** A title over a column of content. */
@Composable
fun Section(title: String, content: @Composable () -> Unit) {
    Column(Modifier.fillMaxWidth().padding(vertical = 8.dp)) {
        Text(title, style = MaterialTheme.typography.titleMedium)
        content()
    }
}

/** One finding of a verdict: its message and the rule and publications behind it. */
@Composable
fun FindingCard(finding: Finding, trailing: @Composable () -> Unit = {}) {
    val colors = if (finding.severity == Severity.BLOCKER) {
        CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer)
    } else {
        CardDefaults.cardColors()
    }
    Card(Modifier.fillMaxWidth().padding(vertical = 4.dp), colors = colors) {
        Column(Modifier.padding(12.dp)) {
            Text(finding.message, style = MaterialTheme.typography.bodyLarge)
            Text("${finding.source.citation} (${finding.source.evidence.label()})", style = MaterialTheme.typography.bodySmall)
            trailing()
        }
    }
}

/** A chip per value of [all]; [selected] ones are ticked, [toggle] flips one. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun <E : Enum<E>> EnumChips(all: List<E>, selected: Collection<E>, toggle: (E) -> Unit) {
    FlowRow {
        for (value in all) {
            FilterChip(
                selected = value in selected,
                onClick = { toggle(value) },
                label = { Text(value.label()) },
                modifier = Modifier.padding(end = 6.dp),
            )
        }
    }
}
