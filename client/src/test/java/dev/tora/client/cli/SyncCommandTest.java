package dev.tora.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.client.internal.spool.SpoolEntry;
import dev.tora.client.internal.spool.SpoolFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCommandTest {

    @TempDir
    Path spool;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void arguments() {
        SyncCommand.Arguments a = SyncCommand.Arguments.parse(new String[] {"--dry-run", "--spool", "/s",
            "--server-url=http://h:1/api"});
        assertTrue(a.dryRun());
        assertEquals("/s", a.spool());
        assertEquals("http://h:1/api", a.serverUrl());
        assertThrows(IllegalArgumentException.class, () -> SyncCommand.Arguments.parse(new String[] {"--spool"}));
        assertThrows(IllegalArgumentException.class, () -> SyncCommand.Arguments.parse(new String[] {"--nope"}));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, Main.run(new String[] {}, out, out));
        assertEquals(2, Main.run(new String[] {"push"}, out, out));
        assertEquals(2, Main.run(new String[] {"sync", "--bogus"}, out, out));
        assertTrue(output().contains("usage: java -jar tora-client.jar sync"));
        assertEquals(0, Main.run(new String[] {"--help"}, out, out));
    }

    @Test
    void anEmptySpoolHasNothingToSend() {
        int code = new SyncCommand(SyncCommand.Arguments.parse(new String[] {}), Map.of("TORA_SPOOL_DIR",
                spool.toString()), out, false).run();
        assertEquals(0, code);
        assertEquals("nothing to send in " + spool + System.lineSeparator(), output());
    }

    @Test
    void aDryRunCountsAndSendsNothing() throws Exception {
        Path stream = Files.createDirectory(spool.resolve("20261128T010203Z-1-aaaaaaaa"));
        for (int i = 1; i <= 3; i++) {
            SpoolFiles.writeAtomically(stream.resolve(String.format("%010d.json", i)), SpoolEntry.bytes("metrics",
                    "POST", "/experiments/e/metrics/batch", "http://127.0.0.1:9/api", "e", "b" + i, 1000, 0, 0, null,
                    "{}".getBytes(StandardCharsets.UTF_8)));
        }
        int code = new SyncCommand(SyncCommand.Arguments.parse(new String[] {"--dry-run", "--spool", spool.toString()}),
                Map.of(), out, false).run();
        assertEquals(0, code);
        assertTrue(output().startsWith("3 requests (3,000 points) for 1 experiment(s) in " + spool), output());
        assertTrue(output().contains("http://127.0.0.1:9/api: 3,000 points"), output());
        assertFalse(output().contains("sent"), output());
        assertEquals(3, SpoolFiles.requests(stream).size());
    }
}
