package dev.tora.client.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.client.Clock;
import dev.tora.client.internal.http.Transport;
import dev.tora.client.internal.spool.SpoolEntry;
import dev.tora.client.internal.spool.SpoolFiles;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sender against a port nobody listens on: everything it cannot deliver ends up in the spool. */
class SenderTest {

    private static final String ID = "3f0c6a4e-2b7d-4c1e-9a55-0d2e6f1b7c90";

    @TempDir
    Path spool;

    private static String deadServer() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort() + "/api";
        }
    }

    private Sender sender(String url, Duration grace) {
        SenderSettings settings = new SenderSettings(url, spool, grace, 1_000_000, Duration.ofMillis(50), 25,
                Duration.ofSeconds(2), Clock.system(), "sync");
        Transport t = new Transport(HttpClient.newHttpClient(), url, null, Duration.ofSeconds(2), Clock.system());
        return new Sender(settings, ID, t);
    }

    private List<SpoolEntry> entries(Path stream) throws Exception {
        List<SpoolEntry> out = new ArrayList<>();
        for (Path f : SpoolFiles.requests(stream)) {
            out.add(SpoolEntry.read(f));
        }
        return out;
    }

    @Test
    void offlineEveryRequestIsSpooledInOrderTheClosingStatusToo() throws Exception {
        Sender s = sender(deadServer(), Duration.ZERO);
        s.enqueue(Requests.create(ID, Map.of("id", ID, "name", "n"), 0));
        for (int i = 0; i < 30; i++) {
            s.submit("loss", i, i);
        }
        assertFalse(s.flush(Duration.ofSeconds(5)), "nothing can be delivered");
        s.enqueue(Requests.addTags(ID, List.of("t"), 0));
        CloseReport report = s.close(Requests.update(ID, Map.of("status", "finished"), 0), Duration.ofSeconds(10));
        assertNotNull(report.spoolPath());
        List<SpoolEntry> spooled = entries(report.spoolPath());
        assertEquals(List.of("create", "metrics", "add_tags", "update"), spooled.stream().map(SpoolEntry::kind).toList());
        assertEquals("{\"status\":\"finished\"}", spooled.get(3).bodyJson());
        assertEquals(4, report.spooledRequests());
        assertEquals(30, report.spooledPoints());
        assertEquals(0, report.rejectedRequests());
        assertTrue(spooled.get(0).attempts() >= 1, "the failed attempt is recorded");
    }

    @Test
    void aZeroTimeoutSpoolsEverythingAtOnce() throws Exception {
        Sender s = sender(deadServer(), Duration.ofHours(1)); // never offline on its own
        for (int i = 0; i < 25_000; i++) {
            s.submit(i % 2 == 0 ? "a" : "b", i, Sender.AUTO_STEP);
        }
        long t0 = System.nanoTime();
        CloseReport report = s.close(Requests.update(ID, Map.of("status", "killed"), 0), Duration.ZERO);
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "close did not wait for the server");
        assertEquals(25_000, report.spooledPoints());
        long points = 0;
        for (SpoolEntry e : entries(report.spoolPath())) {
            assertTrue(e.points() <= BatchEncoder.MAX_POINTS_PER_BATCH);
            points += e.points();
        }
        assertEquals(25_000, points);
        assertFalse(s.flush(Duration.ofSeconds(1)), "a closed sender delivers nothing");
    }
}
