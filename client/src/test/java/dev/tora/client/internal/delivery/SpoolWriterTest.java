package dev.tora.client.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.client.internal.spool.SpoolEntry;
import dev.tora.client.internal.spool.SpoolFiles;
import dev.tora.client.internal.spool.StreamLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolWriterTest {

    @TempDir
    Path root;

    private static Pending request(long seq) {
        Pending p = Requests.update("e", Map.of("description", "d" + seq), 0);
        p.seq(seq);
        return p;
    }

    @Test
    void aStreamIsCreatedLockedAndPrivateOnFirstWrite() throws Exception {
        Path spool = root.resolve("spool");
        SpoolWriter w = new SpoolWriter(spool, "http://h:1/api");
        assertNull(w.directory());
        Pending p = request(7);
        Path file = w.write(p);
        Path stream = w.directory();
        assertEquals(stream.resolve("0000000007.json"), file);
        assertTrue(stream.getFileName().toString().matches("\\d{8}T\\d{6}Z-" + ProcessHandle.current().pid()
                + "-[0-9a-f]{8}"), stream.toString());
        assertTrue(StreamLock.heldHere(stream));
        assertFalse(StreamLock.isFree(stream.resolve(SpoolFiles.LOCK_NAME)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spool)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stream)));
        SpoolEntry e = SpoolEntry.read(file);
        assertEquals("update", e.kind());
        assertEquals("http://h:1/api", e.serverUrl());
        assertArrayEquals("{\"description\":\"d7\"}".getBytes(StandardCharsets.UTF_8), e.bodyBytes());
        w.close();
        assertTrue(StreamLock.isFree(stream.resolve(SpoolFiles.LOCK_NAME)), "closing releases the lock");
        assertTrue(Files.exists(file), "an undelivered request stays");
    }

    @Test
    void aRequestOnDiskOnlyIsReadBackAndRewrittenInPlace() throws Exception {
        SpoolWriter w = new SpoolWriter(root, "http://h:1/api");
        Pending p = request(1);
        Path file = w.write(p);
        p.body = null; // the sender drops it from memory once it is on disk
        assertArrayEquals("{\"description\":\"d1\"}".getBytes(StandardCharsets.UTF_8), w.readBody(p));
        p.attempts = 3;
        assertEquals(file, w.write(p));
        assertEquals(3, SpoolEntry.read(file).attempts());
        w.close();
    }

    @Test
    void deliveredRequestsLeaveAndAnEmptyStreamIsRemovedOnClose() throws Exception {
        SpoolWriter w = new SpoolWriter(root, "http://h:1/api");
        Pending a = request(1);
        Pending b = request(2);
        w.write(a);
        w.write(b);
        Path stream = w.directory();
        assertEquals(2, SpoolFiles.requests(stream).size());
        w.finish(a);
        assertEquals(List.of(stream.resolve("0000000002.json")), SpoolFiles.requests(stream));
        assertNull(w.write(a), "a delivered request is not written again");
        w.finish(b);
        w.close();
        assertFalse(Files.exists(stream));
    }
}
