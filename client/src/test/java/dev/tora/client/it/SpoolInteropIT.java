package dev.tora.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.client.ExperimentSpec;
import dev.tora.client.Run;
import dev.tora.client.ToraClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * The spool is shared with the Python client (client/SPOOL.md): what one client spooled, the other
 * sends, exactly once; and a stream a live run of either client holds is left alone by the other.
 */
@ExtendWith(ServerExtension.class)
class SpoolInteropIT {

    private static final String PYTHON_OFFLINE_RUN = String.join("\n",
            "import sys, tora",
            "run = tora.Tora.create_experiment('from-python', server_url=sys.argv[1],",
            "                                  hyperparams={'lr': 0.1, 'net': {'depth': 18}}, tags=['py'])",
            "print(run.experiment_id, flush=True)",
            "for i in range(1000):",
            "    run.log('loss', float(i), step=i)",
            "run.log('special', float('nan'), step=0)",
            "run.log('special', float('-inf'), step=1)",
            "run.log('special', -0.0, step=2)",
            "run.log('special', 5e-324, step=3)",
            "run.add_tags('later')",
            "run.log_hyperparams({'wd': 0.01})",
            "run.shutdown(timeout=0)");

    private static final String PYTHON_LIVE_RUN = String.join("\n",
            "import sys, time, tora",
            "run = tora.Tora.create_experiment('python-live', server_url=sys.argv[1], max_buffer_len=500,",
            "                                  flush_interval=0.05)",
            "print(run.experiment_id, flush=True)",
            "for i in range(2000):",
            "    run.log('loss', float(i), step=i)",
            "time.sleep(600)");

    @TempDir
    Path spool;

    private ToraServer server;
    private Api api;
    private FaultProxy proxy;

    @BeforeEach
    void connect(ToraServer server) throws IOException {
        this.server = server;
        this.api = new Api(server.url());
        this.proxy = new FaultProxy(server.url());
    }

    @AfterEach
    void disconnect() {
        proxy.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("TORA_SPOOL_DIR", spool.toString());
        env.put("TORA_SPOOL_GRACE", "0");
        return env;
    }

    @Test
    void aSpoolWrittenByThePythonClientIsSentByTheJavaOne() throws Exception {
        String dead = "http://127.0.0.1:" + ToraServer.freePortRun(1) + "/api";
        Children.Result py = Children.run(Children.python(PYTHON_OFFLINE_RUN, env(), dead), 120);
        assertEquals(0, py.exitCode(), py.all());
        String id = py.stdout().strip();
        assertEquals(1004, SpoolFiles.points(spool));

        Children.Result sync = Children.sync(env(), "--server-url", server.url());
        assertEquals(0, sync.exitCode(), sync.all());
        assertTrue(sync.stdout().contains("all of them go to " + server.url()), sync.stdout());
        assertTrue(sync.stdout().contains("(1,004 points") && sync.stdout().contains("0 refused, 0 left"), sync.stdout());
        Map<String, Object> e = api.experiment(id);
        assertNotNull(e, "the experiment the Python client created offline");
        assertEquals("from-python", e.get("name"));
        assertEquals("finished", e.get("status"));
        assertEquals(Map.of("lr", 0.1, "net.depth", 18L, "wd", 0.01), e.get("hyperparams"));
        assertEquals(List.of("py", "later"), e.get("tags"));
        api.assertExactlyOnce(id, "loss", 1000);
        Api.Points special = api.points(id, "special");
        assertTrue(Double.isNaN(special.values()[0]));
        assertEquals(Double.NEGATIVE_INFINITY, special.values()[1]);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(special.values()[2]));
        assertEquals(Double.MIN_VALUE, special.values()[3]);
        assertTrue(SpoolFiles.in(spool).isEmpty());
    }

    @Test
    void aSpoolWrittenByTheJavaClientIsSentByThePythonOne() throws Exception {
        proxy.stopListening();
        String id;
        try (ToraClient tora = ToraClient.builder().serverUrl(proxy.url()).spoolDir(spool).printUrl(false)
                .spoolGrace(Duration.ZERO).shutdownTimeout(Duration.ZERO).build()) {
            Run run = tora.createExperiment(ExperimentSpec.builder("from-java").tags("java")
                    .hyperparams(Map.of("optim", Map.of("lr", 0.5))).build());
            id = run.experimentId();
            for (int i = 0; i < 1500; i++) {
                run.log("loss", i, i);
            }
            run.log("inf", Double.POSITIVE_INFINITY, 0);
            run.addTags("later");
            run.setDescription("written by Java, sent by Python");
            run.close();
        }
        assertEquals(1501, SpoolFiles.points(spool));
        proxy.startListening();
        Children.Result sync = Children.pythonSync(spool, env());
        assertEquals(0, sync.exitCode(), sync.all());
        assertTrue(sync.stdout().contains("0 refused, 0 left"), sync.stdout());
        Map<String, Object> e = api.experiment(id);
        assertNotNull(e);
        assertEquals("from-java", e.get("name"));
        assertEquals("finished", e.get("status"));
        assertEquals("written by Java, sent by Python", e.get("description"));
        assertEquals(List.of("java", "later"), e.get("tags"));
        assertEquals(Map.of("optim.lr", 0.5), e.get("hyperparams"));
        api.assertExactlyOnce(id, "loss", 1500);
        assertEquals(Double.POSITIVE_INFINITY, api.points(id, "inf").values()[0]);
    }

    @Test
    void aStreamOfALivePythonRunIsLeftAloneByTheJavaSync() throws Exception {
        proxy.stopListening();
        Process child = Children.start(Children.python(PYTHON_LIVE_RUN, env(), proxy.url()));
        String id;
        try {
            id = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
            Poll.untilEquals(Duration.ofSeconds(30), 2000L, () -> SpoolFiles.points(spool), "the Python run to spool its points");
            Children.Result busy = Children.sync(env(), "--server-url", server.url());
            assertEquals(0, busy.exitCode(), busy.all());
            assertTrue(busy.stdout().contains("still in progress"), busy.stdout());
            assertTrue(busy.stdout().contains("sent 0 requests"), busy.stdout());
            assertEquals(2000, SpoolFiles.points(spool), "the Java sync took nothing from a live Python stream");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        Children.Result sync = Children.sync(env(), "--server-url", server.url());
        assertEquals(0, sync.exitCode(), sync.all());
        api.assertExactlyOnce(id, "loss", 2000);
    }

    @Test
    void aStreamOfALiveJavaRunIsLeftAloneByThePythonSync() throws Exception {
        proxy.stopListening();
        try (ToraClient tora = ToraClient.builder().serverUrl(proxy.url()).spoolDir(spool).printUrl(false)
                .spoolGrace(Duration.ZERO).flushInterval(Duration.ofMillis(50)).shutdownTimeout(Duration.ZERO).build()) {
            Run run = tora.createExperiment("java-live");
            for (int i = 0; i < 800; i++) {
                run.log("loss", i, i);
            }
            Poll.untilEquals(Duration.ofSeconds(30), 800L, () -> SpoolFiles.points(spool), "the Java run to spool its points");
            Children.Result busy = Children.pythonSync(spool, env(), "--dry-run");
            assertTrue(busy.stdout().contains("still in progress"), busy.stdout());
            Children.Result tried = Children.pythonSync(spool, env());
            assertTrue(tried.stdout().contains("still in progress"), tried.stdout());
            assertEquals(800, SpoolFiles.points(spool), "the Python sync took nothing from a live Java stream");
            run.close();
            proxy.startListening();
            Children.Result sync = Children.pythonSync(spool, env());
            assertEquals(0, sync.exitCode(), sync.all());
            api.assertExactlyOnce(run.experimentId(), "loss", 800);
            assertEquals("finished", api.experiment(run.experimentId()).get("status"));
        }
    }
}
