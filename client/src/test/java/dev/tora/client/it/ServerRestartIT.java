package dev.tora.client.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.client.Run;
import dev.tora.client.ToraClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The server is killed (SIGKILL) in the middle of a run and started again: every point is stored once. */
@ExtendWith(ServerExtension.class)
class ServerRestartIT {

    @TempDir
    Path spool;

    @Test
    void aServerKilledMidRunAndRestartedGetsEveryPointOnce(ToraServer server) throws Exception {
        Api api = new Api(server.url());
        try (LogCapture logs = new LogCapture();
             ToraClient tora = ToraClient.builder().serverUrl(server.url()).spoolDir(spool).printUrl(false)
                     .maxBufferLen(50).flushInterval(Duration.ofMillis(100)).spoolGrace(Duration.ofSeconds(2))
                     .build()) {
            Run run = tora.createExperiment("restart");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger logged = new AtomicInteger();
            Thread trainer = new Thread(() -> {
                int i = 0;
                while (!stop.get()) {
                    run.log("loss", i, i);
                    logged.set(++i);
                    if (i % 5 == 0) {
                        try {
                            Thread.sleep(20); // a training step takes a while
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            trainer.start();
            int killedAt;
            try {
                Poll.until(Duration.ofSeconds(120), () -> api.count(run.experimentId(), "loss") > 500, "points before the kill");
                server.kill9();
                killedAt = logged.get();
                server.start();
                // generous: on a loaded machine a restarted server takes minutes to answer quickly again
                Poll.until(Duration.ofSeconds(300), () -> api.count(run.experimentId(), "loss") > killedAt,
                        "delivery after the restart");
            } finally {
                stop.set(true);
                trainer.join();
                server.ensureRunning(); // for the tests that come after, whatever happened here
            }
            assertTrue(run.flush(Duration.ofSeconds(300)), "everything delivered after the restart");
            run.close();
            int n = logged.get();
            assertTrue(n > killedAt && killedAt > 500, n + " points, " + killedAt + " at the kill");
            api.assertExactlyOnce(run.experimentId(), "loss", n);
            assertFalse(logs.warningsWith("answers again").isEmpty(), logs.warnings().toString());
            assertFalse(logs.warningsWith("has not answered for").isEmpty(),
                    "the outage outlasted the grace period: the backlog went to disk");
        }
    }
}
