// A Rust panic must reach the app as an exception, not abort it: the debug
// library the suites load has one export (feature test-hooks) that panics on
// purpose, and the store keeps working afterwards.
package app.rollsafe.tests

import app.rollsafe.InternalException
import app.rollsafe.RollSafeException
import app.rollsafe.RollSafeStore
import app.rollsafe.internalErrorForTests
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class InternalErrorTest {
    @Test
    fun `a Rust panic arrives as an InternalException and the app goes on`() {
        val error: Throwable = assertThrows(InternalException::class.java) { internalErrorForTests() }
        assertTrue(error.message.orEmpty().contains("deliberate panic"), error.message)
        assertFalse(error is RollSafeException, "an internal error is not one of the typed errors")
        // The process is alive and the library still answers.
        RollSafeStore.openInMemory().use { store -> assertTrue(store.devices().isEmpty()) }
    }
}
