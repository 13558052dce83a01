package dev.tora.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.client.Run;
import dev.tora.client.ToraClient;
import dev.tora.client.internal.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Buffering and delivery against the real server: thresholds, the interval, steps, values, volume. */
@ExtendWith(ServerExtension.class)
class DeliveryIT {

    @TempDir
    Path spool;

    private ToraServer server;
    private Api api;

    @BeforeEach
    void connect(ToraServer server) {
        this.server = server;
        this.api = new Api(server.url());
    }

    private ToraClient.Builder client(int maxBufferLen, Duration interval) {
        return ToraClient.builder().serverUrl(server.url()).spoolDir(spool).printUrl(false)
                .maxBufferLen(maxBufferLen).flushInterval(interval);
    }

    @Test
    void aBatchGoesWhenMaxBufferLenPointsWait() {
        try (ToraClient tora = client(5, Duration.ofHours(1)).build(); Run run = tora.createExperiment("threshold")) {
            for (int i = 0; i < 4; i++) {
                run.log("loss", i, i);
            }
            Poll.stays(Duration.ofMillis(700), () -> api.count(run.experimentId(), "loss") == 0,
                    "below the threshold, nothing is sent");
            run.log("loss", 4, 4);
            Poll.untilEquals(Duration.ofSeconds(10), 5L, () -> api.count(run.experimentId(), "loss"),
                    "the 5th point to send the batch");
        }
    }

    @Test
    void theIntervalSendsAPartialBuffer() {
        try (ToraClient tora = client(1000, Duration.ofMillis(200)).build(); Run run = tora.createExperiment("interval")) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                run.log("loss", i, i);
            }
            Poll.untilEquals(Duration.ofSeconds(10), 3L, () -> api.count(run.experimentId(), "loss"), "the interval flush");
            assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "sent within a few intervals");
        }
    }

    @Test
    void flushWaitsForDelivery() {
        try (ToraClient tora = client(1_000_000, Duration.ofHours(1)).build(); Run run = tora.createExperiment("flush")) {
            for (int i = 0; i < 123; i++) {
                run.log("loss", i, i);
            }
            assertTrue(run.flush(Duration.ofSeconds(30)));
            assertEquals(123, api.count(run.experimentId(), "loss"), "delivered when flush returned");
        }
    }

    @Test
    void automaticStepsContinueFromTheSeriesLastStep() {
        String id;
        try (ToraClient tora = client(25, Duration.ofSeconds(1)).build(); Run run = tora.createExperiment("auto-steps")) {
            id = run.experimentId();
            for (int i = 0; i < 5; i++) {
                run.log("loss", i);
            }
            run.log("loss", 50, 10);
            run.log("loss", 60);
            Map<String, Double> both = new LinkedHashMap<>();
            both.put("a", 1.0);
            both.put("b", 2.0);
            run.logMetrics(both);
            run.logMetrics(both);
            run.logMetrics(Map.of("a", 3), 7);
        }
        Api.Points loss = api.points(id, "loss");
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 10L, 11L), boxed(loss.steps()));
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 50.0, 60.0), boxed(loss.values()));
        assertEquals(List.of(0L, 1L, 7L), boxed(api.points(id, "a").steps()));
        assertEquals(List.of(0L, 1L), boxed(api.points(id, "b").steps()));
    }

    @Test
    void nonFiniteAndExtremeValuesComeBackBitForBit() {
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE,
            Double.MAX_VALUE, 0.1 + 0.2, -1e-310, 1.0 / 3, -Double.MAX_VALUE, 9007199254740993.0, 123456.789e-300};
        String id;
        try (ToraClient tora = client(25, Duration.ofSeconds(1)).build(); Run run = tora.createExperiment("bits")) {
            id = run.experimentId();
            for (int i = 0; i < values.length; i++) {
                run.log("v", values[i], i);
            }
        }
        Api.Points p = api.points(id, "v");
        assertEquals(values.length, p.values().length);
        Object[] raw = api.get("/experiments/" + id + "/metrics/v/points?points=100");
        assertEquals(List.of("NaN", "Infinity", "-Infinity"),
                Json.list(Json.object(raw[1], "data"), "values").subList(0, 3), "non-finite values travel as strings");
        for (int i = 0; i < values.length; i++) {
            assertEquals(i, p.steps()[i]);
            assertEquals(Double.doubleToLongBits(values[i]), Double.doubleToLongBits(p.values()[i]), "value " + i);
            assertEquals(Double.doubleToRawLongBits(values[i]) == Double.doubleToRawLongBits(-0.0),
                    Double.doubleToRawLongBits(p.values()[i]) == Double.doubleToRawLongBits(-0.0), "the sign of zero");
        }
    }

    @Test
    void timestampsAreTheTimeOfTheLogCall() {
        long before;
        long after;
        String id;
        try (ToraClient tora = client(1_000_000, Duration.ofHours(1)).build(); Run run = tora.createExperiment("time")) {
            id = run.experimentId();
            before = System.currentTimeMillis();
            run.log("t", 1.0, 0);
            after = System.currentTimeMillis();
        }
        long stamp = api.points(id, "t").timestamps()[0];
        assertTrue(before <= stamp && stamp <= after, before + " <= " + stamp + " <= " + after);
    }

    @Test
    void manyPointsAndSeriesArriveExactlyOnceInGzippedBatches() throws Exception {
        try (FaultProxy proxy = new FaultProxy(server.url());
             ToraClient tora = ToraClient.builder().serverUrl(proxy.url()).spoolDir(spool).printUrl(false).build();
             Run run = tora.createExperiment("many")) {
            int n = 60_000;
            for (int i = 0; i < n; i++) {
                run.log("loss", i, i);
                if (i % 10 == 0) {
                    run.log("lr", 0.001, i);
                }
            }
            assertTrue(run.flush(Duration.ofSeconds(60)));
            api.assertExactlyOnce(run.experimentId(), "loss", n);
            assertEquals(n / 10, api.count(run.experimentId(), "lr"));
            List<FaultProxy.Seen> batches = proxy.seen().stream().filter(s -> s.path().endsWith("/metrics/batch")).toList();
            assertTrue(batches.stream().anyMatch(s -> "gzip".equals(s.contentEncoding())),
                    "batches above 64 KiB are gzip-compressed");
            assertTrue(batches.size() >= 7, "at most 10,000 points per batch: " + batches.size() + " batches");
            assertEquals(batches.size(), batches.stream().map(FaultProxy.Seen::batchId).distinct().count(),
                    "each batch has its own id");
        }
    }

    @Test
    void logDoesNotWaitForTheNetwork() throws Exception {
        try (FaultProxy proxy = new FaultProxy(server.url());
             ToraClient tora = ToraClient.builder().serverUrl(proxy.url()).spoolDir(spool).printUrl(false)
                     .maxBufferLen(10).build();
             Run run = tora.createExperiment("no-waiting")) {
            proxy.setDefault("delay:3"); // every request now takes 3 s
            long t0 = System.nanoTime();
            for (int i = 0; i < 200_000; i++) {
                run.log("loss", i, i);
            }
            long elapsed = System.nanoTime() - t0;
            assertTrue(elapsed < 1_000_000_000L, "200,000 log() calls took " + elapsed / 1e6 + " ms on a slow server");
            proxy.setDefault("pass");
            assertTrue(run.flush(Duration.ofSeconds(60)));
            api.assertExactlyOnce(run.experimentId(), "loss", 200_000);
        }
    }

    private static List<Long> boxed(long[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    private static List<Double> boxed(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
