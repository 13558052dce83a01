package dev.tora.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.client.Experiment;
import dev.tora.client.ExperimentSpec;
import dev.tora.client.NotFoundException;
import dev.tora.client.Run;
import dev.tora.client.ToraClient;
import dev.tora.client.ToraConnectionException;
import dev.tora.client.UnauthorizedException;
import dev.tora.client.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Creating and attaching runs, changing experiments, closing and failing them, and the server's refusals. */
@ExtendWith(ServerExtension.class)
class ExperimentLifecycleIT {

    @TempDir
    Path spool;

    private ToraServer server;
    private Api api;
    private ToraClient tora;

    @BeforeEach
    void connect(ToraServer server) {
        this.server = server;
        this.api = new Api(server.url());
        this.tora = ToraClient.builder().serverUrl(server.url()).spoolDir(spool).printUrl(false).build();
    }

    @AfterEach
    void disconnect() {
        tora.close();
    }

    @Test
    void createSendsEveryFieldPrintsTheUrlAndCloseMarksTheRunFinished() {
        Run reference;
        try (Run first = tora.createExperiment("reference-target")) {
            reference = first;
        }
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("optim", Map.of("lr", 0.1));
        hyper.put("epochs", 3);
        hyper.put("layers", List.of(64, 32));
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Run run;
        try (ToraClient printing = ToraClient.builder().serverUrl(server.url()).spoolDir(spool).build()) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                run = printing.createExperiment(ExperimentSpec.builder("create-all")
                        .description("all the fields\nover two lines")
                        .hyperparams(hyper)
                        .tags("a", "b", "a")
                        .metadata(Map.of("git", Map.of("sha", "abc")))
                        .references(reference.experimentId())
                        .build());
            } finally {
                System.setOut(stdout);
            }
            assertEquals("Tora experiment: " + run.url() + System.lineSeparator(),
                    printed.toString(StandardCharsets.UTF_8));
            assertTrue(run.url().endsWith("/experiments/" + run.experimentId()), run.url());
            Map<String, Object> e = api.experiment(run.experimentId());
            assertEquals("create-all", e.get("name"));
            assertEquals("all the fields\nover two lines", e.get("description"));
            assertEquals(Map.of("optim.lr", 0.1, "epochs", 3L, "layers", "[64, 32]"), e.get("hyperparams"));
            assertEquals(List.of("a", "b"), e.get("tags"));
            assertEquals(Map.of("git", Map.of("sha", "abc")), e.get("metadata"));
            assertEquals(List.of(reference.experimentId()), e.get("references"));
            assertEquals("running", e.get("status"));
            assertEquals(run.url(), e.get("url"));
            run.close();
        }
        assertEquals("finished", api.experiment(run.experimentId()).get("status"));
        assertTrue(run.isClosed());
        assertThrows(IllegalStateException.class, () -> run.log("loss", 1.0));
    }

    @Test
    void changesAreDeliveredInOrderAndMerge() {
        Run run = tora.createExperiment(ExperimentSpec.builder("changes").tags("keep")
                .hyperparams(Map.of("lr", 0.1)).build());
        run.logHyperparams(Map.of("lr", 0.2, "sched", Map.of("kind", "cosine")));
        run.logHyperparams(new Optim("adam", 0.9));
        run.addTags("new", "keep");
        run.addTags(List.of("listed"));
        run.setDescription("changed");
        Map<String, Object> removal = new LinkedHashMap<>();
        removal.put("c", null);
        removal.put("d", 3);
        run.updateMetadata(Map.of("a", 1, "b", Map.of("c", 2)));
        run.updateMetadata(Map.of("b", removal));
        assertTrue(run.flush(Duration.ofSeconds(30)));
        Map<String, Object> e = api.experiment(run.experimentId());
        assertEquals(Map.of("lr", 0.2, "sched.kind", "cosine", "name", "adam", "beta", 0.9), e.get("hyperparams"));
        assertEquals(List.of("keep", "new", "listed"), e.get("tags"));
        assertEquals("changed", e.get("description"));
        assertEquals(Map.of("a", 1L, "b", Map.of("d", 3L)), e.get("metadata"));
        Experiment read = tora.getExperiment(run.experimentId());
        assertEquals(List.of("keep", "new", "listed"), read.tags());
        assertEquals("running", read.status());
        run.close();
    }

    record Optim(String name, double beta) {
    }

    @Test
    void attachLogsToAnExistingExperiment() {
        Run created = tora.createExperiment("attach-me");
        created.log("loss", 1.0, 0);
        created.close();
        try (Run attached = tora.attach(created.experimentId())) {
            assertEquals(created.url(), attached.url());
            attached.log("loss", 0.5, 1);
        }
        try (Run again = tora.attach(created.experimentId().toUpperCase())) {
            again.log("loss", 0.25);
        }
        Api.Points p = api.points(created.experimentId(), "loss");
        assertEquals(List.of(0L, 1L, 2L), List.of(p.steps()[0], p.steps()[1], p.steps()[2]));
        assertEquals(List.of(1.0, 0.5, 0.25), List.of(p.values()[0], p.values()[1], p.values()[2]));
    }

    @Test
    void failMarksTheRunFailedRecordsTheCauseAndStillDeliversEveryPoint() {
        Run run = tora.createExperiment("fails");
        for (int i = 0; i < 500; i++) {
            run.log("loss", i, i);
        }
        run.fail(new IllegalStateException("diverged"));
        Map<String, Object> e = api.experiment(run.experimentId());
        assertEquals("failed", e.get("status"));
        assertEquals(Map.of("error", "java.lang.IllegalStateException: diverged"), e.get("metadata"));
        api.assertExactlyOnce(run.experimentId(), "loss", 500);
    }

    @Test
    void theServersRefusalsAreThrownByTheCallsThatMustAnswer() {
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> tora.attach("00000000-0000-4000-8000-000000000000"));
        assertEquals(404, missing.status());
        assertEquals("not_found", missing.code());
        assertThrows(NotFoundException.class, () -> tora.getExperiment("00000000-0000-4000-8000-000000000000"));
        NotFoundException workspace = assertThrows(NotFoundException.class, () -> tora.createExperiment(
                ExperimentSpec.builder("nowhere").workspaceId("00000000-0000-4000-8000-000000000001").build()));
        assertTrue(workspace.getMessage().contains("404"), workspace.getMessage());
        ValidationException reference = assertThrows(ValidationException.class, () -> tora.createExperiment(
                ExperimentSpec.builder("bad-ref").references("00000000-0000-4000-8000-000000000002").build()),
                "a reference to an unknown experiment is refused");
        assertEquals(400, reference.status());
        try (ToraClient wrongKey = ToraClient.builder().serverUrl(server.url()).apiKey("not-a-key").spoolDir(spool)
                .printUrl(false).build()) {
            UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> wrongKey.createExperiment("x"));
            assertEquals(401, e.status());
        }
        try (ToraClient nowhere = ToraClient.builder().serverUrl("http://127.0.0.1:" + ToraServer.freePortRun(1) + "/api")
                .spoolDir(spool).printUrl(false).build()) {
            assertThrows(ToraConnectionException.class,
                    () -> nowhere.getExperiment("00000000-0000-4000-8000-000000000000"));
        }
    }

    @Test
    void misuseIsRefusedAtTheCall() {
        try (Run run = tora.createExperiment("misuse")) {
            assertThrows(IllegalArgumentException.class, () -> run.log("", 1.0));
            assertThrows(IllegalArgumentException.class, () -> run.log("x".repeat(251), 1.0));
            assertThrows(IllegalArgumentException.class, () -> run.log("tab\tname", 1.0));
            assertThrows(IllegalArgumentException.class, () -> run.log("loss", 1.0, -1));
            assertThrows(IllegalArgumentException.class, () -> run.log("loss", 1.0, 1L << 53));
            assertThrows(NullPointerException.class, () -> run.log(null, 1.0));
            assertThrows(IllegalArgumentException.class, () -> run.addTags(" "));
            assertThrows(IllegalArgumentException.class, () -> run.addReference("not-a-uuid"));
            run.log("loss", 1.0, 0);
            assertTrue(run.flush(Duration.ofSeconds(30)));
            assertEquals(1, api.count(run.experimentId(), "loss"));
        }
        assertThrows(IllegalArgumentException.class, () -> ExperimentSpec.builder("  "));
        assertFalse(tora.options().printUrl());
    }
}
