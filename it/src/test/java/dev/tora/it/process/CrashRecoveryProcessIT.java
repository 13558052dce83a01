package dev.tora.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.it.Api;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server while a client logs, on PostgreSQL: no acknowledged batch is lost, nothing
 * is half-written, and every batch sent again is recognised or lands once. On H2, the default
 * database, the Java client's {@code ServerRestartIT} and the Python client's restart test kill
 * the server mid-run the same way and check that every point is stored exactly once (a half-written
 * or lost batch fails them), so this test spends its two server starts on PostgreSQL.
 */
class CrashRecoveryProcessIT {

    private static final int POINTS = 500;

    private final ToraServer server = new ToraServer(ToraServer.sharedDataDir());

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void killDuringIngestLosesNoAcknowledgedBatchOnPostgresql() throws Exception {
        String url = System.getenv("TORA_IT_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isEmpty(), "no PostgreSQL cluster (TORA_IT_PG_URL)");
        server.with("TORA_DATABASE_URL", url).with("TORA_DATABASE_USER", System.getenv("TORA_IT_PG_USER"))
                .with("TORA_DATABASE_PASSWORD", System.getenv("TORA_IT_PG_PASSWORD"));
        killDuringIngest();
    }

    private void killDuringIngest() throws Exception {
        server.start();
        Api api = Api.at(server.api());
        String id = api.createExperiment("crash test");
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger attempted = new AtomicInteger();
        Thread sender = new Thread(() -> {
            for (int b = 0; ; b++) {
                attempted.set(b + 1);
                try {
                    Api.Reply r = api.post("/experiments/" + id + "/metrics/batch", body(b));
                    if (r.status() != 200) {
                        return;
                    }
                    acknowledged.set(b + 1);
                } catch (RuntimeException connectionLost) {
                    return;
                }
            }
        });
        sender.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (acknowledged.get() < 20 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        server.kill9();
        sender.join(60_000);
        int acked = acknowledged.get();
        assertTrue(acked >= 20, "the client logged before the crash");

        server.start();
        JsonObject summary = api.get("/experiments/" + id + "/metrics").items().get(0);
        long stored = summary.getJsonNumber("count").longValue();
        assertTrue(stored >= (long) acked * POINTS, stored + " points stored, " + acked + " batches acknowledged");
        assertTrue(stored <= (long) attempted.get() * POINTS, "nothing invented");
        assertEquals(0, stored % POINTS, "a batch is written whole or not at all");
        checkPoints(api, id, (int) (stored / POINTS));

        // The client retries everything it sent: acknowledged batches are recognised, the rest lands once.
        for (int b = 0; b < attempted.get(); b++) {
            Api.Reply r = api.post("/experiments/" + id + "/metrics/batch", body(b));
            assertEquals(200, r.status(), r.toString());
            assertEquals(b < stored / POINTS, r.data().asJsonObject().getBoolean("duplicate"), "batch " + b);
        }
        checkPoints(api, id, attempted.get());
    }

    /** Batch {@code b} holds steps b*500 .. b*500+499 with value = step * 0.5. */
    private static String body(int b) {
        StringBuilder steps = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < POINTS; i++) {
            long step = (long) b * POINTS + i;
            steps.append(i == 0 ? "" : ",").append(step);
            values.append(i == 0 ? "" : ",").append(step * 0.5);
        }
        return "{\"batch_id\":\"crash-" + b + "\",\"series\":[{\"name\":\"loss\",\"steps\":[" + steps
                + "],\"values\":[" + values + "]}]}";
    }

    private static void checkPoints(Api api, String id, int batches) {
        long total = (long) batches * POINTS;
        List<Long> steps = new ArrayList<>();
        for (long from = 0; from < total; from += 10_000) {
            JsonObject page = api.get("/experiments/" + id + "/metrics/loss/points?points=10000&from=" + from
                    + "&to=" + (from + 9_999)).data().asJsonObject();
            assertEquals("raw", page.getString("mode"));
            List<JsonNumber> s = page.getJsonArray("steps").getValuesAs(JsonNumber.class);
            List<JsonNumber> v = page.getJsonArray("values").getValuesAs(JsonNumber.class);
            for (int i = 0; i < s.size(); i++) {
                steps.add(s.get(i).longValue());
                assertEquals(s.get(i).longValue() * 0.5, v.get(i).doubleValue(), "value of step " + s.get(i));
            }
        }
        assertEquals(total, steps.size());
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(i, steps.get(i));
        }
    }
}
