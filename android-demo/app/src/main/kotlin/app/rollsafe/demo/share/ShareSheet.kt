// The Android side of sharing and importing, and nothing more: writes the files the
// logic module returned into cacheDir/shared/ (emptied first, so old health data does
// not pile up there), hands them to the system share sheet through the FileProvider,
// reads the bytes and name of a backup file the user picked, and reads the phone's
// region for the PDF's default paper (the core's usualPaper picks it). Decides nothing
// about the files themselves: their names and types are the core's.
package app.rollsafe.demo.share

import android.content.ClipData
import android.content.Context
import android.content.Intent
import android.net.Uri
import android.provider.OpenableColumns
import androidx.core.content.FileProvider
import app.rollsafe.Paper
import app.rollsafe.demo.logic.ExportedFile
import app.rollsafe.usualPaper
import java.io.File
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/** Writing exports for the share sheet, and reading a picked backup. */
object ShareSheet {
    /** The folder under cacheDir that res/xml/shared_files.xml exposes. */
    private const val FOLDER = "shared"

    /** The FileProvider's authority, as declared in the manifest. */
    private fun authority(context: Context) = "${context.packageName}.shared"

    /**
     * Writes [files] into cacheDir/shared/ (after emptying it) and returns the chooser
     * intent that shares them all at once (ACTION_SEND_MULTIPLE), with read access
     * granted to the app the user picks for this share only. [files] is not empty.
     */
    suspend fun chooser(context: Context, files: List<ExportedFile>): Intent {
        val uris = withContext(Dispatchers.IO) {
            val dir = File(context.cacheDir, FOLDER)
            dir.deleteRecursively()
            dir.mkdirs()
            files.map { exported ->
                // The names are the app's and the core's; keep only the last part anyway.
                val file = File(dir, File(exported.name).name)
                file.writeBytes(exported.bytes)
                FileProvider.getUriForFile(context, authority(context), file)
            }
        }
        val send = Intent(Intent.ACTION_SEND_MULTIPLE).apply {
            type = files.map { it.mimeType }.distinct().singleOrNull() ?: "*/*"
            putParcelableArrayListExtra(Intent.EXTRA_STREAM, ArrayList<Uri>(uris))
            putExtra(Intent.EXTRA_SUBJECT, "My RollSafe microneedling log")
            clipData = uris.drop(1).fold(ClipData.newRawUri(files.first().name, uris.first())) { clip, uri ->
                clip.apply { addItem(ClipData.Item(uri)) }
            }
            addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
        }
        return Intent.createChooser(send, "Share with my dermatologist")
    }

    /**
     * The PDF report's paper until the user picks one: the core's usual paper for the
     * phone's region (from its first locale), US Letter where that is the norm, A4
     * everywhere else and when the region is unknown.
     */
    fun defaultPaper(context: Context): Paper =
        usualPaper(context.resources.configuration.locales.get(0)?.country.orEmpty())

    /** The name the phone gives the document at [uri], if any, to show; sealing is told by the bytes. */
    suspend fun displayName(context: Context, uri: Uri): String? = withContext(Dispatchers.IO) {
        runCatching {
            context.contentResolver.query(uri, arrayOf(OpenableColumns.DISPLAY_NAME), null, null, null)?.use { cursor ->
                if (cursor.moveToFirst()) cursor.getString(0) else null
            }
        }.getOrNull()
    }

    /** The bytes of the document at [uri] (a backup the user picked), or `null` if unreadable. */
    suspend fun readDocument(context: Context, uri: Uri): ByteArray? = withContext(Dispatchers.IO) {
        runCatching { context.contentResolver.openInputStream(uri)?.use { it.readBytes() } }.getOrNull()
    }
}
