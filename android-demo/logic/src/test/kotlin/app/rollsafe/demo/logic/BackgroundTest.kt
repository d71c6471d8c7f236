// Going to the background leaves the main database file whole: a backup that copies only
// that file (as an operating-system backup may) restores every change made before.
package app.rollsafe.demo.logic

import app.rollsafe.DeviceKind
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewDevice
import app.rollsafe.ktx.RollSafe
import java.nio.file.Files
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class BackgroundTest {
    @Test
    fun `after going to the background the main file alone holds the log`() = runBlocking {
        withLog { log, dir ->
            // A second connection, as a widget's, keeps SQLite from folding the WAL in itself.
            RollSafe.open(dir.resolve("rollsafe.sqlite3").toString()).use { widget ->
                log.addDevice(NewDevice(DeviceKind.ROLLER, 0.25, material = NeedleMaterial.TITANIUM, nickname = "Face roller"), paris("2026-03-02T20:00"))
                assertTrue(log.onAppBackground(), "the checkpoint finished")
                val copyDir = Files.createTempDirectory("rollsafe-os-backup")
                try {
                    val copy = copyDir.resolve("rollsafe.sqlite3")
                    Files.copy(dir.resolve("rollsafe.sqlite3"), copy)
                    RollSafe.open(copy.toString()).use { restored ->
                        assertEquals(listOf("Face roller"), restored.devices().map { it.nickname })
                    }
                } finally {
                    copyDir.toFile().deleteRecursively()
                }
                assertEquals(1, widget.devices().size)
            }
        }
    }
}
