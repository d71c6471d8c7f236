// Sealing an export with a passphrase, for sending it by email, as suspend functions.
// The core's key derivation (scrypt) is slow on purpose (a noticeable moment on a phone),
// so these move the blocking calls off the caller's thread; they decide nothing.
package app.rollsafe.ktx

import app.rollsafe.RollSafeException
import app.rollsafe.openSealedExport
import app.rollsafe.sealExport
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/**
 * Seals [bytes] (an export: the PDF report, a FHIR bundle, a backup) with [passphrase], on
 * [dispatcher]. The result is a standard age file (`age-encryption.org/v1`, scrypt
 * passphrase): the recipient opens it with RollSafe, or with the `age` or `rage` tools,
 * and the passphrase, which the user tells them by another channel. Each seal uses a fresh
 * key, so sealing the same bytes twice gives different files. See [sealExport].
 *
 * @throws RollSafeException.InvalidInput with field `passphrase` when the core finds it too
 *   short (it asks for at least 10 characters); the rule is the core's, not checked here.
 */
suspend fun seal(bytes: ByteArray, passphrase: String, dispatcher: CoroutineDispatcher = Dispatchers.IO): ByteArray =
    withContext(dispatcher) { sealExport(bytes, passphrase) }

/**
 * Opens [sealed] (an age file made by [seal], or by the `age` tool with a passphrase) with
 * [passphrase], on [dispatcher], and returns the bytes that were sealed. See
 * [openSealedExport].
 *
 * @throws RollSafeException.ImportRejected when the passphrase does not open it, when it
 *   was changed or damaged after it was sealed, or when it is not a sealed file; its
 *   `reason` says which, and nothing of the contents is returned.
 */
suspend fun openSealed(sealed: ByteArray, passphrase: String, dispatcher: CoroutineDispatcher = Dispatchers.IO): ByteArray =
    withContext(dispatcher) { openSealedExport(sealed, passphrase) }
