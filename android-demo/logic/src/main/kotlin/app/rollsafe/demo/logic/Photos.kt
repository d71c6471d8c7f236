// A symptom photo as the core records it: the app's own reference to the file it kept
// and the SHA-256 of its bytes, so a report can later show the photo was not changed.
package app.rollsafe.demo.logic

import app.rollsafe.PhotoRef
import java.io.InputStream
import java.security.MessageDigest

/**
 * The [PhotoRef] of a photo the app kept under [file] (a name inside the app's own
 * storage), hashing [bytes] (read to the end, not closed).
 */
fun photoRefOf(file: String, bytes: InputStream): PhotoRef {
    val digest = MessageDigest.getInstance("SHA-256")
    val buffer = ByteArray(64 * 1024)
    while (true) {
        val read = bytes.read(buffer)
        if (read < 0) break
        digest.update(buffer, 0, read)
    }
    return PhotoRef(file = file, sha256 = digest.digest().joinToString("") { "%02x".format(it) })
}
