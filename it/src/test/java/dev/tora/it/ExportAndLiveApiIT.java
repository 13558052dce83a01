package dev.tora.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exports through the built-in plugins, live events, the plugin list and the home page. */
@ExtendWith(ArquillianExtension.class)
class ExportAndLiveApiIT {

    private final Api api = Api.local();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ToraDeployment.ear();
    }

    @Test
    void csvExportHasEveryPointCorrectlyQuoted() {
        String id = api.createExperiment("csv, \"quoted\"");
        api.post("/experiments/" + id + "/metrics/batch", "[{\"name\":\"a,b\",\"value\":1.5,\"step\":3,\"timestamp\":1000,"
                + "\"metadata\":{\"note\":\"x\\\"y\"}},{\"name\":\"a,b\",\"value\":\"NaN\"},{\"name\":\"plain\",\"value\":-0.25}]");
        Api.Reply r = api.get("/experiments/" + id + "/export?format=csv");
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("text/csv"), r.contentType());
        assertTrue(r.contentDisposition().contains("attachment") && r.contentDisposition().endsWith(".csv\""),
                r.contentDisposition());
        List<String> lines = r.body().lines().toList();
        assertEquals("experiment_id,experiment_name,metric,step,value,timestamp,timestamp_iso,metadata", lines.get(0));
        assertEquals(4, lines.size(), r.body());
        assertEquals(id + ",\"csv, \"\"quoted\"\"\",\"a,b\",3,1.5,1000,1970-01-01T00:00:01Z,\"{\"\"note\"\":\"\"x\\\"\"y\"\"}\"",
                lines.get(1));
        assertTrue(lines.get(2).contains(",\"a,b\",4,NaN,"), lines.get(2));
        assertTrue(lines.get(3).contains(",plain,0,-0.25,"), lines.get(3));
    }

    @Test
    void jsonlExportCarriesTheExperimentAndEveryPoint() {
        String id = api.createExperiment(Json.createObjectBuilder().add("name", "jsonl")
                .add("hyperparams", Json.createObjectBuilder().add("lr", 0.1))
                .add("tags", Json.createArrayBuilder().add("t")).build());
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            values.append(i == 0 ? "" : ",").append(i * 0.5);
        }
        api.post("/experiments/" + id + "/metrics/batch", "{\"series\":[{\"name\":\"loss\",\"values\":[" + values + "]}]}");
        Api.Reply r = api.get("/experiments/" + id + "/export?format=jsonl");
        assertEquals(200, r.status(), r.toString());
        List<JsonObject> lines = r.body().lines().map(ExportAndLiveApiIT::parse).toList();
        JsonObject experiment = lines.get(0);
        assertEquals("experiment", experiment.getString("type"));
        assertEquals(id, experiment.getString("id"));
        assertEquals(0.1, experiment.getJsonObject("hyperparams").getJsonNumber("lr").doubleValue());
        assertEquals("series", lines.get(1).getString("type"));
        assertEquals(2500, lines.get(1).getInt("count"));
        assertEquals(2 + 2500, lines.size());
        JsonObject last = lines.get(lines.size() - 1);
        assertEquals(2499, last.getInt("step"));
        assertEquals(1249.5, last.getJsonNumber("value").doubleValue());
    }

    @Test
    void anUnknownFormatNamesTheOnesThatExist() {
        String id = api.createExperiment("formats");
        Api.Reply r = api.get("/experiments/" + id + "/export?format=parquet");
        assertEquals(400, r.status(), r.toString());
        assertTrue(r.error().getString("message").contains("csv, jsonl"), r.toString());
        assertEquals(404, api.get("/experiments/" + UUID.randomUUID() + "/export?format=csv").status());
    }

    @Test
    void builtInPluginsAreListed() {
        Api.Reply r = api.get("/plugins");
        assertEquals(200, r.status(), r.toString());
        List<String> names = r.data().asJsonObject().getJsonArray("plugins").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("kind") + ":" + p.getString("name") + ":" + p.getString("source")).toList();
        assertTrue(names.containsAll(List.of("exporter:csv:builtin", "exporter:jsonl:builtin")), names.toString());
    }

    @Test
    void liveStreamAnnouncesCommittedBatchesAndUpdates() throws Exception {
        String id = api.createExperiment("live");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/events?experiments=" + id))
                .header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        awaitLine(lines, ":connected");

        api.post("/experiments/" + id + "/metrics/batch", "[{\"name\":\"loss\",\"value\":1},{\"name\":\"loss\",\"value\":2}]");
        awaitLine(lines, "event: metrics");
        JsonObject metrics = parse(awaitLine(lines, "data:").substring(5).trim());
        assertEquals(id, metrics.getString("experiment"));
        assertEquals("loss", metrics.getJsonArray("series").getJsonObject(0).getString("name"));
        assertEquals(1, metrics.getJsonArray("series").getJsonObject(0).getInt("last_step"));
        assertEquals(2, metrics.getJsonArray("series").getJsonObject(0).getInt("count"));

        api.patch("/experiments/" + id, "{\"status\":\"finished\"}");
        awaitLine(lines, "event: experiment");
        assertEquals("finished", parse(awaitLine(lines, "data:").substring(5).trim()).getString("status"));
        awaitLine(lines, ":heartbeat");
        response.body().close();

        Api.Reply hidden = api.get("/events?experiments=" + UUID.randomUUID());
        assertEquals(404, hidden.status(), hidden.toString());
    }

    @Test
    void theOpenApiDocumentIsServedWithoutAKey() {
        Api.Reply r = api.withKey("tora_wrong").get("/openapi");
        assertEquals(200, r.status(), r.toString());
        JsonObject doc = r.json().asJsonObject();
        assertTrue(doc.getString("openapi").startsWith("3."));
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : List.of("/experiments", "/experiments/{id}/metrics/batch", "/metrics/points", "/events",
                "/keys", "/plugins", "/health")) {
            assertTrue(paths.containsKey(path), path);
        }
    }

    @Test
    void homePageShowsTheVersionAndDatabaseHealth() {
        Api.Reply health = api.get("/health");
        assertEquals(200, health.status());
        JsonObject h = health.data().asJsonObject();
        assertEquals("ok", h.getString("status"));
        assertEquals(ToraDeployment.database(), h.getString("database"));
        String home = Api.at(api.base().replace("/api", "")).get("/").body();
        assertTrue(home.contains("<span id=\"version\">" + h.getString("version") + "</span>"), home);
        assertTrue(home.contains("<span id=\"database\">" + ToraDeployment.database() + "</span>"), home);
        assertTrue(home.contains("class=\"tora-ok\" id=\"db-status\">ok</span>"), home);
    }

    @Test
    void theUrlOfAnExperimentOpensItsPage() {
        String id = api.createExperiment(Json.createObjectBuilder().add("name", "page <of> mine")
                .add("tags", Json.createArrayBuilder().add("cv"))
                .add("hyperparams", Json.createObjectBuilder().add("lr", 0.25)).build());
        api.post("/experiments/" + id + "/metrics/batch", "[{\"name\":\"loss\",\"value\":0.125}]");
        String url = api.get("/experiments/" + id).data().asJsonObject().getString("url");
        Api.Reply page = Api.at(url.substring(0, url.indexOf("/experiments/"))).get(url.substring(url.indexOf("/experiments/")));
        assertEquals(200, page.status(), page.toString());
        assertTrue(page.body().contains("<title>page &lt;of&gt; mine - Tora</title>"), page.body());
        assertTrue(page.body().contains("<h1 id=\"name\">") && page.body().contains(">page &lt;of&gt; mine<"), page.body());
        assertTrue(page.body().contains("loss") && page.body().contains("0.125") && page.body().contains("0.25"), page.body());
        Api ui = Api.at(api.base().replace("/api", ""));
        assertEquals(404, ui.get("/experiments/" + java.util.UUID.randomUUID()).status());
        assertEquals(404, ui.get("/experiments/not-a-uuid").status());
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.replace(" ", "").startsWith(prefix.replace(" ", ""))) {
                return line;
            }
        }
        throw new AssertionError("no line starting with " + prefix + " within 10 s");
    }

    private static JsonObject parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }
}
