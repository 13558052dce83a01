package dev.tora.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.it.Api;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server restarted with TORA_AUTH=required and a plugins folder holding a third-party exporter
 * next to a broken one. One start serves both tests.
 */
class RequiredAuthAndPluginsProcessIT {

    private static final String PLUGIN = """
            package com.example.upper;

            import dev.tora.plugins.spi.*;
            import java.io.*;
            import java.nio.charset.StandardCharsets;
            import java.util.*;

            public class UpperPlugin implements ToraPlugin {
                public String name() { return "upper-exporter"; }
                public String version() { return "2.0"; }
                public List<ExporterFactory> exporterFactories() {
                    return List.of(new ExporterFactory() {
                        public String name() { return "upper"; }
                        public Exporter create(Map<String, String> config, PluginContext context) {
                            return new Exporter() {
                                public String mediaType() { return "text/plain"; }
                                public String fileExtension() { return "txt"; }
                                public void export(ExperimentView e, OutputStream out) throws IOException {
                                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                                    w.write(e.name().toUpperCase(Locale.ROOT) + "\\n");
                                    for (SeriesView s : e.series()) {
                                        long[] n = {0};
                                        double[] sum = {0};
                                        s.forEachPoint((step, value, ts, md) -> { n[0]++; sum[0] += value; });
                                        w.write(s.name() + " " + n[0] + " " + sum[0] + "\\n");
                                    }
                                    w.write("host classes: " + visible("jakarta.ws.rs.core.Response") + " "
                                            + visible("dev.tora.core.application.export.ExportService") + "\\n");
                                    w.write("spi: " + visible("dev.tora.plugins.spi.Exporter") + "\\n");
                                    w.flush();
                                }
                            };
                        }
                    });
                }

                private static String visible(String className) {
                    try {
                        Class.forName(className);
                        return "visible";
                    } catch (ClassNotFoundException e) {
                        return "hidden";
                    }
                }
            }
            """;

    private static final Path DATA = ToraServer.sharedDataDir();
    private static final Path PLUGINS = DATA.resolveSibling("process-plugins");
    private static final Path GOOD = PLUGINS.resolve("upper");
    private static final Path BROKEN = PLUGINS.resolve("broken").resolve("broken.jar");
    private static final ToraServer SERVER = new ToraServer(DATA);
    private static Api owner;

    @BeforeAll
    static void startWithPluginsAndRequiredAuth() throws Exception {
        PluginJarBuilder.build(GOOD.resolve("upper-exporter.jar"), Map.of("com.example.upper.UpperPlugin", PLUGIN),
                "com.example.upper.UpperPlugin");
        Files.createDirectories(BROKEN.getParent());
        byte[] garbage = new byte[2048];
        new Random(1).nextBytes(garbage);
        Files.write(BROKEN, garbage);
        SERVER.stop();
        SERVER.with("TORA_AUTH", "required").with("TORA_PLUGINS_DIR", PLUGINS.toString()).start();
        owner = Api.at(SERVER.api()).withKey(Files.readString(DATA.resolve("initial-api-key")).trim());
    }

    private static boolean logMentions(String text) {
        try {
            return Files.readString(DATA.resolve("domains/tora/logs/server.log")).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @Test
    void requiredAuthRefusesRequestsWithoutAKeyAndIssuesAFirstKey() throws Exception {
        Api anonymous = Api.at(SERVER.api());
        assertEquals(401, anonymous.get("/experiments").status());
        assertEquals(401, anonymous.post("/experiments", "{\"name\":\"x\"}").status());
        assertEquals(401, anonymous.get("/plugins").status());
        assertEquals(200, anonymous.get("/health").status());

        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(DATA.resolve("initial-api-key")));
        assertEquals(200, owner.get("/experiments").status());
        Api.Reply key = owner.post("/keys", "{\"name\":\"ci\"}");
        assertEquals(201, key.status(), key.toString());
        Api personal = anonymous.withKey(key.data().asJsonObject().getString("key"));
        assertEquals(201, personal.post("/experiments", "{\"name\":\"with a key\"}").status());
        assertEquals(401, anonymous.withKey("tora_wrong").get("/experiments").status());
    }

    @Test
    void anExternalExporterLoadsAndABrokenJarIsReportedWithoutStoppingTheServer() {
        Api.Reply listing = owner.get("/plugins");
        assertEquals(200, listing.status(), listing.toString());
        JsonObject data = listing.data().asJsonObject();
        JsonObject upper = data.getJsonArray("plugins").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").equals("upper")).findFirst()
                .orElseThrow(() -> new AssertionError(listing.toString()));
        assertEquals("upper-exporter", upper.getString("plugin"));
        assertEquals("2.0", upper.getString("version"));
        assertEquals("upper", upper.getString("source"), "shown relative to the plugins folder");
        List<String> failures = data.getJsonArray("failures").getValuesAs(JsonObject.class).stream()
                .map(f -> f.getString("source") + " | " + f.getString("message")).toList();
        assertTrue(failures.stream().anyMatch(f -> f.startsWith("broken | ") && f.contains("broken/broken.jar")),
                failures.toString());
        assertTrue(failures.stream().noneMatch(f -> f.contains(PLUGINS.toString())), "no server paths");
        assertTrue(SERVER.serverLogTail().contains(BROKEN.toString()) || logMentions(BROKEN.toString()),
                "the server log names the broken jar's full path");

        String id = owner.createExperiment("plugin run");
        owner.post("/experiments/" + id + "/metrics/batch", "[{\"name\":\"loss\",\"value\":1.5},{\"name\":\"loss\",\"value\":2.5}]");
        Api.Reply export = owner.get("/experiments/" + id + "/export?format=upper");
        assertEquals(200, export.status(), export.toString());
        assertEquals(List.of("PLUGIN RUN", "loss 2 4.0", "host classes: hidden hidden", "spi: visible"),
                export.body().lines().toList());
        assertEquals(200, owner.get("/experiments/" + id + "/export?format=csv").status(), "built-ins still work");
    }
}
