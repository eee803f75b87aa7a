package dev.ariadne.engine.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.engine.cli.AriadneCli;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A database folder another process has open: Neo4j's store lock refuses a second open, and the user gets one
 * line that names the folder and its store lock and says another process is using it (Neo4j's own words), with
 * exit code 1 and no stack trace; a second open in Java is the same {@link GraphUnavailableException}.
 */
class DatabaseInUseTest {
    @TempDir
    Path dir;

    @Test
    void aFolderOpenInAnotherProcessGivesAOneLineInUseError() throws Exception {
        Path db = dir.resolve("db");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String first;
            while ((first = out.readLine()) != null && !first.startsWith("open ")) {
                // Neo4j's own start-up lines, if any
            }
            assertTrue(first != null, "the holder did not open the database");

            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            CommandLine cl = AriadneCli.newCommandLine();
            cl.setOut(new PrintWriter(o, true));
            cl.setErr(new PrintWriter(e, true));
            int exit = cl.execute("stats", "--db", db.toString());
            String err = e.toString();
            System.out.println("stats on a folder in use: exit " + exit + ": " + err.strip());
            assertEquals(AriadneCli.EXIT_FAILURE, exit, err);
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("ariadne: cannot open embedded Neo4j database in " + db.toAbsolutePath()), err);
            assertTrue(err.contains("Lock file has been locked by another process"), err);
            assertTrue(!err.contains("Exception") && !err.contains("\tat "), err);

            GraphUnavailableException inJava = assertThrows(GraphUnavailableException.class, () -> EmbeddedGraph.open(db, 16));
            assertTrue(inJava.getMessage().contains("Lock file has been locked by another process"), inJava.getMessage());
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }
}
