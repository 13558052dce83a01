package dev.tora.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.client.ExperimentSpec;
import dev.tora.client.Run;
import dev.tora.client.ToraClient;
import dev.tora.client.internal.json.Json;
import dev.tora.client.internal.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults between the client and the server: dropped connections, busy answers, refusals, slow and
 * absent servers, killed and exiting processes. Every test checks that each point is stored exactly
 * once.
 */
@ExtendWith(ServerExtension.class)
class FaultsIT {

    @TempDir
    Path spool;

    private ToraServer server;
    private Api api;
    private FaultProxy proxy;
    private LogCapture logs;

    @BeforeEach
    void connect(ToraServer server) throws IOException {
        this.server = server;
        this.api = new Api(server.url());
        this.proxy = new FaultProxy(server.url());
        this.logs = new LogCapture();
    }

    @AfterEach
    void disconnect() {
        proxy.close();
        logs.close();
    }

    private ToraClient.Builder viaProxy() {
        return ToraClient.builder().serverUrl(proxy.url()).spoolDir(spool).printUrl(false);
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("TORA_SPOOL_DIR", spool.toString());
        return env;
    }

    @Test
    void droppedConnectionsAndBusyAnswersAreRetriedAndEveryPointIsStoredOnce() {
        try (ToraClient tora = viaProxy().maxBufferLen(100).flushInterval(Duration.ofMillis(50)).build()) {
            Run run = tora.createExperiment("flaky-network");
            proxy.push("drop", "status:503", "drop_after", "status:429:1", "pass", "drop_after", "drop", "status:500",
                    "pass", "status:502", "drop_after", "drop_after", "status:504");
            int n = 3000;
            for (int i = 0; i < n; i++) {
                run.log("loss", i, i);
                if (i % 300 == 0) {
                    run.flush(Duration.ofMillis(20)); // spread the points over several batches
                }
            }
            assertTrue(run.flush(Duration.ofSeconds(60)));
            run.close();
            api.assertExactlyOnce(run.experimentId(), "loss", n);
            assertEquals("finished", api.experiment(run.experimentId()).get("status"));
            assertEquals(4, proxy.count("drop_after"));
            assertEquals(5, proxy.count("status"));
            assertEquals(2, proxy.count("drop"));
            List<FaultProxy.Seen> seen = proxy.seen();
            for (int i = 0; i < seen.size() - 1; i++) {
                FaultProxy.Seen s = seen.get(i);
                if (s.action().equals("status:429:1")) {
                    assertTrue(seen.get(i + 1).nanos() - s.nanos() >= 900_000_000L, "Retry-After: 1 was honoured");
                }
                if (!s.action().equals("pass") && s.batchId() != null) {
                    assertEquals(s.batchId(), seen.get(i + 1).batchId(), "a retried batch keeps its id");
                }
            }
            assertTrue(logs.warningsWith("refused").isEmpty(), logs.warnings().toString());
        }
    }

    @Test
    void aRefusedBatchIsSpooledWithTheServersMessageAndWarnedOnce() throws Exception {
        try (ToraClient tora = viaProxy().maxBufferLen(1_000_000).flushInterval(Duration.ofHours(1)).build()) {
            Run run = tora.createExperiment("refused");
            proxy.push("status:400", "status:400");
            for (int i = 0; i < 10; i++) {
                run.log("loss", i, i);
            }
            assertFalse(run.flush(Duration.ofSeconds(10)), "refused, not retried");
            for (int i = 10; i < 20; i++) {
                run.log("loss", i, i);
            }
            assertFalse(run.flush(Duration.ofSeconds(10)));
            for (int i = 20; i < 30; i++) {
                run.log("loss", i, i);
            }
            assertTrue(run.flush(Duration.ofSeconds(10)));
            run.close();
            List<String> refused = logs.warningsWith("refused");
            assertEquals(2, refused.size(), "one when it happened (same cause once), one in the summary: " + refused);
            assertTrue(refused.get(0).contains("injected 400") && refused.get(0).contains("java -jar tora-client.jar sync"),
                    refused.get(0));
            assertEquals(2, proxy.count("status"), "never retried on its own");
            List<Path> files = SpoolFiles.in(spool);
            assertEquals(2, files.size());
            Map<String, Object> entry = JsonReader.parseObject(Files.readString(files.get(0)));
            Map<String, Object> error = Json.object(entry, "last_error");
            assertEquals(400L, error.get("status"));
            assertEquals(false, error.get("retryable"));
            assertEquals("injected 400", error.get("message"));
            assertEquals(10, api.count(run.experimentId(), "loss"));
            Children.Result sync = Children.sync(env(), "--spool", spool.toString());
            assertEquals(0, sync.exitCode(), sync.all());
            assertTrue(sync.stdout().contains("were refused by the server before and are tried again"), sync.stdout());
            api.assertExactlyOnce(run.experimentId(), "loss", 30);
        }
    }

    @Test
    void closeRespectsTheShutdownTimeoutAndSpoolsTheRest() throws Exception {
        try (ToraClient tora = viaProxy().maxBufferLen(1_000_000).flushInterval(Duration.ofHours(1))
                .shutdownTimeout(Duration.ofSeconds(1)).build()) {
            Run run = tora.createExperiment("slow-server");
            proxy.setDefault("delay:4");
            for (int i = 0; i < 100; i++) {
                run.log("loss", i, i);
            }
            long t0 = System.nanoTime();
            run.close();
            double elapsed = (System.nanoTime() - t0) / 1e9;
            assertTrue(elapsed >= 0.9 && elapsed < 3.5, "close took " + elapsed + " s with a 1 s timeout, the server 4 s");
            assertEquals(100, SpoolFiles.points(spool));
            List<String> summary = logs.warningsWith("were not delivered");
            assertEquals(1, summary.size(), logs.warnings().toString());
            assertTrue(summary.get(0).contains("100 points") && summary.get(0).contains(
                    "java -jar tora-client.jar sync --spool " + spool), summary.get(0));
            proxy.setDefault("pass");
            Children.Result sync = Children.sync(env(), "--spool", spool.toString());
            assertEquals(0, sync.exitCode(), sync.all());
            Poll.until(Duration.ofSeconds(15), () -> proxy.forwarded() >= 3, "the delayed requests to reach the server");
            Poll.untilEquals(Duration.ofSeconds(15), 100L, () -> api.count(run.experimentId(), "loss"), "all points");
            api.assertExactlyOnce(run.experimentId(), "loss", 100);
            assertEquals("finished", api.experiment(run.experimentId()).get("status"));
        }
    }

    @Test
    void aServerDownForTheWholeRunThenSyncCreatesTheExperimentWithEveryPointOnce() throws Exception {
        proxy.stopListening();
        String id;
        try (ToraClient tora = viaProxy().spoolGrace(Duration.ofMillis(500)).build()) {
            Run run = tora.createExperiment(ExperimentSpec.builder("offline-run")
                    .hyperparams(Map.of("lr", 0.1, "net", Map.of("depth", 18))).tags("offline").build());
            id = run.experimentId();
            for (int i = 0; i < 3000; i++) {
                run.log("loss", i, i);
            }
            run.addTags("later");
            run.logHyperparams(Map.of("wd", 0.01));
            long t0 = System.nanoTime();
            run.close();
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "offline, it spools after the grace period");
        }
        List<String> summary = logs.warningsWith("were not delivered");
        assertEquals(1, summary.size(), logs.warnings().toString());
        assertTrue(summary.get(0).contains("3,000 points"), summary.get(0));
        assertEquals(3000, SpoolFiles.points(spool));
        assertNull(api.experiment(id));

        Children.Result dry = Children.sync(env(), "--dry-run");
        assertEquals(0, dry.exitCode(), dry.all());
        assertTrue(dry.stdout().contains("3,000 points"), dry.stdout());
        assertEquals(3000, SpoolFiles.points(spool), "a dry run sends nothing");

        Children.Result failed = Children.sync(env());
        assertEquals(1, failed.exitCode(), failed.all());
        assertTrue(failed.stdout().contains(proxy.url() + " did not answer"), failed.stdout());
        assertEquals(3000, SpoolFiles.points(spool), "nothing lost");

        proxy.startListening();
        Children.Result sync = Children.sync(env());
        assertEquals(0, sync.exitCode(), sync.all());
        assertTrue(sync.stdout().contains("(3,000 points") && sync.stdout().contains("0 refused, 0 left"), sync.stdout());
        Map<String, Object> e = api.experiment(id);
        assertNotNull(e);
        assertEquals("offline-run", e.get("name"));
        assertEquals("finished", e.get("status"));
        assertEquals(Map.of("lr", 0.1, "net.depth", 18L, "wd", 0.01), e.get("hyperparams"));
        assertEquals(List.of("offline", "later"), e.get("tags"));
        api.assertExactlyOnce(id, "loss", 3000);
        assertTrue(SpoolFiles.in(spool).isEmpty());
        Children.Result again = Children.sync(env());
        assertEquals(0, again.exitCode());
        assertTrue(again.stdout().contains("nothing to send"), again.stdout());
    }

    @Test
    void theNextRunSendsWhatAnEarlierRunSpooled() throws IOException {
        proxy.stopListening();
        String earlier;
        try (ToraClient tora = viaProxy().spoolGrace(Duration.ZERO).shutdownTimeout(Duration.ZERO).build()) {
            Run run = tora.createExperiment("earlier");
            earlier = run.experimentId();
            for (int i = 0; i < 700; i++) {
                run.log("loss", i, i);
            }
            run.close();
        }
        assertEquals(700, SpoolFiles.points(spool));
        proxy.startListening();
        try (ToraClient tora = viaProxy().build(); Run later = tora.createExperiment("later")) {
            Poll.untilEquals(Duration.ofSeconds(30), 700L, () -> api.count(earlier, "loss"), "the background replay");
            later.log("x", 1);
        }
        api.assertExactlyOnce(earlier, "loss", 700);
        Poll.until(Duration.ofSeconds(10), () -> SpoolFiles.in(spool).isEmpty(), "the spool to empty");
    }

    @Test
    void aProcessKilledAfterSpoolingLeavesASpoolThatSyncs() throws Exception {
        proxy.stopListening();
        Map<String, String> env = env();
        env.put("TORA_BASE_URL", proxy.url());
        env.put("TORA_SPOOL_GRACE", "0.3");
        Process child = Children.start(Children.javaMain(ChildRun.class, env, "sigkill", "5000", "hang"));
        String id;
        try {
            id = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
            Poll.untilEquals(Duration.ofSeconds(30), 5000L, () -> SpoolFiles.points(spool), "the child to spool every point");
            Children.Result busy = Children.sync(env);
            assertTrue(busy.stdout().contains("still in progress"), "its stream is locked while it lives: " + busy.stdout());
            assertEquals(5000, SpoolFiles.points(spool));
        } finally {
            child.destroyForcibly(); // SIGKILL
            child.waitFor(30, TimeUnit.SECONDS);
        }
        proxy.startListening();
        Children.Result sync = Children.sync(env);
        assertEquals(0, sync.exitCode(), sync.all());
        Map<String, Object> e = api.experiment(id);
        assertEquals("sigkill", e.get("name"));
        assertEquals("running", e.get("status"), "nobody closed it");
        api.assertExactlyOnce(id, "loss", 5000);
    }

    @Test
    void theShutdownHookDeliversARunLeftOpenAtExit() throws Exception {
        Map<String, String> env = env();
        env.put("TORA_BASE_URL", proxy.url());
        Children.Result r = Children.run(Children.javaMain(ChildRun.class, env, "left-open", "20000", "exit"), 120);
        assertEquals(0, r.exitCode(), r.all());
        String id = r.stdout().strip();
        api.assertExactlyOnce(id, "loss", 20000);
        assertEquals("killed", api.experiment(id).get("status"), "it did not end through close() or fail()");
        assertTrue(SpoolFiles.in(spool).isEmpty());
    }

    @Test
    void theShutdownHookSaysWhatItSpooledWhenTheServerIsTooSlow() throws Exception {
        Map<String, String> env = env();
        env.put("TORA_BASE_URL", proxy.url());
        env.put("TORA_SHUTDOWN_TIMEOUT", "1");
        proxy.setDefault("delay:5");
        proxy.push("pass"); // the creation goes through; every request after it takes 5 s
        long t0 = System.nanoTime();
        Children.Result r = Children.run(Children.javaMain(ChildRun.class, env, "slow-exit", "300", "exit"), 60);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(elapsed < 15, "the exit waited " + elapsed + " s, with a 1 s shutdown timeout");
        assertTrue(r.stderr().contains("300 points") && r.stderr().contains("java -jar tora-client.jar sync --spool "
                + spool), "the one warning says what was spooled and how to send it: " + r.stderr());
        assertEquals(300, SpoolFiles.points(spool));
        proxy.setDefault("pass");
        Children.Result sync = Children.sync(env);
        assertEquals(0, sync.exitCode(), sync.all());
        String id = r.stdout().strip();
        Poll.untilEquals(Duration.ofSeconds(20), 300L, () -> api.count(id, "loss"), "the spooled points");
        api.assertExactlyOnce(id, "loss", 300);
    }
}
