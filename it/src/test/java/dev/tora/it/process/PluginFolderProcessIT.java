package dev.tora.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.it.Api;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A third-party exporter dropped into the plugins folder, next to a broken one, after a restart. */
class PluginFolderProcessIT {

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

    private final ToraServer server = new ToraServer(ToraServer.sharedDataDir());

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void anExternalExporterLoadsAfterARestartAndABrokenJarIsReportedWithoutStoppingTheServer() throws Exception {
        Path plugins = ToraServer.sharedDataDir().resolveSibling("process-plugins");
        Path good = plugins.resolve("upper");
        PluginJarBuilder.build(good.resolve("upper-exporter.jar"), Map.of("com.example.upper.UpperPlugin", PLUGIN),
                "com.example.upper.UpperPlugin");
        Path broken = plugins.resolve("broken").resolve("broken.jar");
        Files.createDirectories(broken.getParent());
        byte[] garbage = new byte[2048];
        new Random(1).nextBytes(garbage);
        Files.write(broken, garbage);

        server.stop();
        server.with("TORA_PLUGINS_DIR", plugins.toString()).start();
        Api api = Api.at(server.api());

        Api.Reply listing = api.get("/plugins");
        assertEquals(200, listing.status(), listing.toString());
        JsonObject upper = listing.items().stream().filter(p -> p.getString("name").equals("upper")).findFirst()
                .orElseThrow(() -> new AssertionError(listing.toString()));
        assertEquals("upper-exporter", upper.getString("plugin"));
        assertEquals("2.0", upper.getString("version"));
        assertEquals(good.toString(), upper.getString("source"));
        List<String> failures = listing.json().asJsonObject().getJsonArray("failures").getValuesAs(JsonObject.class)
                .stream().map(f -> f.getString("source") + " | " + f.getString("message")).toList();
        assertTrue(failures.stream().anyMatch(f -> f.contains(broken.getParent().toString()) && f.contains("broken.jar")),
                failures.toString());

        String id = api.createExperiment("plugin run");
        api.post("/experiments/" + id + "/metrics/batch", "[{\"name\":\"loss\",\"value\":1.5},{\"name\":\"loss\",\"value\":2.5}]");
        Api.Reply export = api.get("/experiments/" + id + "/export?format=upper");
        assertEquals(200, export.status(), export.toString());
        assertEquals(List.of("PLUGIN RUN", "loss 2 4.0", "host classes: hidden hidden", "spi: visible"),
                export.body().lines().toList());
        assertEquals(200, api.get("/experiments/" + id + "/export?format=csv").status(), "built-ins still work");
    }
}
