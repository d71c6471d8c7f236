// Two processes write one log on disk while a third (this test) opens and closes it over
// and over, as a widget or a share extension would while the app writes: every open
// succeeds, nothing is moved aside, and every write the writers saw committed is there.
// The writers are child JVMs running [main] below against the same real library.
package app.rollsafe.tests

import app.rollsafe.CleaningMethod
import app.rollsafe.DeviceKind
import app.rollsafe.Moment
import app.rollsafe.NeedleMaterial
import app.rollsafe.NewCleaning
import app.rollsafe.NewDevice
import app.rollsafe.RollSafeStore
import java.io.File
import java.nio.file.Files
import java.time.Instant
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.TimeUnit
import kotlin.concurrent.thread
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** One writer process: `main(path, count)` records [count] cleanings on a device of its own. */
object MultiProcessWriter {
    @JvmStatic
    fun main(args: Array<String>) {
        val (path, count) = args[0] to args[1].toInt()
        val start = Instant.parse("2026-03-01T09:00:00Z")
        RollSafeStore.open(path).use { store ->
            val device = store.addDevice(
                NewDevice(DeviceKind.ROLLER, 0.25, material = NeedleMaterial.TITANIUM, nickname = "Roller"),
                Moment(start, 3600),
            ).device
            println("device=${device.id}")
            for (i in 0 until count) {
                val at = Moment(start.plusSeconds(i.toLong() + 1), 3600)
                val recorded = store.recordCleaning(
                    NewCleaning(device.id, at, CleaningMethod.ISOPROPYL_SOAK, 20u), at,
                )
                println("id=${recorded.cleaning.id}")
            }
            println("state=done")
            System.out.flush()
        }
    }
}

class MultiProcessTest {
    private val writesEach = 300

    private fun spawnWriter(path: String): Process {
        val java = File(System.getProperty("java.home"), "bin/java").path
        val classpath = System.getProperty("rollsafe.test.classpath")
            ?: error("run.sh passes the test class path as rollsafe.test.classpath")
        return ProcessBuilder(
            java, "-Djna.library.path=${System.getProperty("jna.library.path")}", "-cp", classpath,
            MultiProcessWriter::class.java.name, path, writesEach.toString(),
        ).redirectError(ProcessBuilder.Redirect.INHERIT).start()
    }

    @Test
    fun `an opener during two writers' checkpoints moves nothing and loses nothing`() {
        val dir = Files.createTempDirectory("rollsafe-multi-process")
        try {
            val path = dir.resolve("rollsafe.sqlite3").toString()
            RollSafeStore.open(path).close()
            val writers = List(2) { spawnWriter(path) }
            val lines = List(writers.size) { ConcurrentLinkedQueue<String>() }
            val readers = writers.mapIndexed { n, process ->
                thread { process.inputStream.bufferedReader().forEachLine { lines[n].add(it) } }
            }
            var opens = 0
            val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180)
            while (writers.any { it.isAlive }) {
                assertTrue(System.nanoTime() < deadline, "the writers did not finish")
                RollSafeStore.open(path).use { it.devices() }
                opens++
            }
            readers.forEach { it.join() }
            writers.forEach { assertEquals(0, it.waitFor(), "a writer failed") }
            assertTrue(opens > 5, "the opener ran while the writers wrote ($opens opens)")
            val aside = dir.toFile().list()!!.filter { ".damaged-" in it }
            assertEquals(emptyList<String>(), aside, "nothing was moved aside")
            RollSafeStore.open(path).use { store ->
                for (output in lines) {
                    assertTrue(output.any { it == "state=done" }, "a writer finished")
                    val device = output.first { it.startsWith("device=") }.removePrefix("device=")
                    val committed = output.filter { it.startsWith("id=") }.map { it.removePrefix("id=") }.sorted()
                    assertEquals(writesEach, committed.size)
                    assertEquals(committed, store.cleanings(device).map { it.cleaning.id }.sorted())
                }
            }
        } finally {
            dir.toFile().deleteRecursively()
        }
    }
}
