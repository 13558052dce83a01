package dev.tora.client.internal.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.client.Clock;
import dev.tora.client.internal.http.Backoff;
import dev.tora.client.internal.http.Transport;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays against a port nobody listens on: what stays, what is recorded, what is skipped. */
class SpoolReplayerTest {

    @TempDir
    Path spool;

    private final List<Duration> slept = new ArrayList<>();

    private static String deadServer() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort() + "/api";
        }
    }

    private static Path file(Path stream, int seq, String server, int points) throws Exception {
        Path f = stream.resolve(String.format("%010d.json", seq));
        SpoolFiles.writeAtomically(f, SpoolEntry.bytes("metrics", "POST", "/experiments/e/metrics/batch", server, "e",
                "b" + seq, points, 0, 0, null, "{\"batch_id\":\"b1\",\"series\":[]}".getBytes(StandardCharsets.UTF_8)));
        return f;
    }

    private SpoolReplayer replayer(SpoolReplayer.Options base) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return new SpoolReplayer(spool, url -> new Transport(http, url, null, Duration.ofSeconds(2), Clock.system()), base);
    }

    private SpoolReplayer.Options options(int attempts) {
        return new SpoolReplayer.Options(null, null, true, attempts, (e, o) -> { }, () -> false,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0), slept::add, Clock.system());
    }

    @Test
    void anUnreachableServerStopsItsStreamsAndKeepsEveryFileWithTheAttemptRecorded() throws Exception {
        String dead = deadServer();
        Path a = Files.createDirectory(spool.resolve("20261128T010203Z-1-aaaaaaaa"));
        Path b = Files.createDirectory(spool.resolve("20261128T010204Z-1-bbbbbbbb"));
        Path first = file(a, 1, dead, 10);
        file(a, 2, dead, 20);
        file(b, 1, dead, 5);
        ReplayReport r = replayer(options(3)).run();
        assertEquals(0, r.sentRequests());
        assertEquals(3, r.leftRequests());
        assertEquals(35, r.leftPoints());
        assertEquals(List.of(dead), List.copyOf(r.unreachable().keySet()));
        assertTrue(r.unreachable().get(dead).contains("refused"), r.unreachable().toString());
        assertFalse(r.complete());
        assertEquals(2, slept.size(), "3 attempts for the first file, then its server counts as down");
        SpoolEntry e = SpoolEntry.read(first);
        assertEquals(1, e.attempts());
        assertEquals("unreachable", e.lastError().code());
        assertTrue(Files.exists(a.resolve(SpoolFiles.LOCK_NAME)), "a stream with files keeps its lock file");
        assertTrue(StreamLock.isFree(a.resolve(SpoolFiles.LOCK_NAME)), "and the replayer let go of it");
    }

    @Test
    void streamsOfLiveRunsAndOfOtherServersAreLeftAlone() throws Exception {
        String dead = deadServer();
        Path live = Files.createDirectory(spool.resolve("20261128T010203Z-1-aaaaaaaa"));
        file(live, 1, dead, 10);
        StreamLock held = StreamLock.tryAcquire(live.resolve(SpoolFiles.LOCK_NAME), true);
        Path other = Files.createDirectory(spool.resolve("20261128T010204Z-1-bbbbbbbb"));
        file(other, 1, "http://elsewhere:1/api", 5);
        Path empty = Files.createDirectory(spool.resolve("20261128T010205Z-1-cccccccc"));
        try {
            SpoolReplayer.Options o = options(1);
            ReplayReport r = replayer(new SpoolReplayer.Options(dead, null, false, 1, o.onSent(), o.shouldStop(),
                    o.backoff(), o.sleeper(), o.clock())).run();
            assertEquals(1, r.busyStreams());
            assertEquals(0, r.sentRequests());
            assertTrue(r.unreachable().isEmpty(), "nothing of the other server was tried");
            assertEquals(0, SpoolEntry.read(other.resolve("0000000001.json")).attempts());
            assertFalse(Files.exists(empty), "an empty stream is removed");
        } finally {
            held.release(false);
        }
    }

    @Test
    void unreadableFilesAreReportedAndLeftInPlace() throws Exception {
        Path a = Files.createDirectory(spool.resolve("20261128T010203Z-1-aaaaaaaa"));
        Path bad = a.resolve("0000000001.json");
        Files.writeString(bad, "{\"format\": 9}");
        ReplayReport r = replayer(options(1)).run();
        assertEquals(List.of(bad), r.unreadable());
        assertTrue(Files.exists(bad));
        SpoolInventory inv = SpoolInventory.of(spool);
        assertEquals(1, inv.streams());
        assertEquals(0, inv.requests(), "an unreadable file is not a request");
    }

    @Test
    void theInventoryCountsWithoutSending() throws Exception {
        String dead = deadServer();
        Path a = Files.createDirectory(spool.resolve("20261128T010203Z-1-aaaaaaaa"));
        file(a, 1, dead, 10);
        file(a, 2, "http://other:1/api", 7);
        SpoolInventory inv = SpoolInventory.of(spool);
        assertEquals(2, inv.requests());
        assertEquals(17, inv.points());
        assertEquals(10L, inv.pointsByServer().get(dead));
        assertEquals(0, inv.busyStreams());
        assertEquals(0, SpoolEntry.read(a.resolve("0000000001.json")).attempts(), "nothing was sent");
    }
}
