package dev.tora.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Writing points and reading series over HTTP against the deployed EAR. */
@ExtendWith(ArquillianExtension.class)
class MetricApiIT {

    private final Api api = Api.local();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ToraDeployment.ear();
    }

    @Test
    void allThreeBodyShapesAreAcceptedAndMissingStepsContinueEachSeries() {
        String id = api.createExperiment("shapes");
        ok(api.post(batch(id), "{\"batch_id\":\"" + UUID.randomUUID() + "\",\"metrics\":["
                + "{\"name\":\"loss\",\"value\":1.0},{\"name\":\"acc\",\"value\":0.1,\"step\":7},"
                + "{\"name\":\"loss\",\"value\":0.9}]}"), 3);
        ok(api.post(batch(id), "[{\"name\":\"loss\",\"value\":0.8,\"step\":null},{\"name\":\"acc\",\"value\":0.2}]"), 2);
        ok(api.post(batch(id), "{\"batch_id\":\"" + UUID.randomUUID() + "\",\"series\":[{\"name\":\"loss\","
                + "\"steps\":[10,null],\"values\":[0.7,0.6],\"timestamps\":[1700000000000,null]}]}"), 2);
        JsonObject loss = raw(id, "loss", "");
        assertEquals(List.of(0L, 1L, 2L, 10L, 11L), longs(loss, "steps"));
        assertEquals(1700000000000L, longs(loss, "timestamps").get(3));
        assertEquals(List.of(7L, 8L), longs(raw(id, "acc", ""), "steps"));

        JsonObject summary = series(id, "loss");
        assertEquals(5, summary.getInt("count"));
        assertEquals(0, summary.getInt("first_step"));
        assertEquals(11, summary.getInt("last_step"));
        assertEquals(0.6, summary.getJsonNumber("last_value").doubleValue());
        assertEquals(0.6, summary.getJsonNumber("min").doubleValue());
        assertEquals(1.0, summary.getJsonNumber("max").doubleValue());
    }

    @Test
    void valuesComeBackBitExactIncludingNanAndInfinities() {
        double[] values = {0.1 + 0.2, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -1e-300, 1.0 / 3, Math.PI * 1e17,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 123456789.123456789};
        // Written by hand: JSON-P's builder goes through BigDecimal and would lose -0.0.
        StringBuilder json = new StringBuilder("[");
        for (double v : values) {
            json.append(json.length() == 1 ? "" : ",").append(Double.isFinite(v) ? Double.toString(v)
                    : Double.isNaN(v) ? "\"NaN\"" : v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        }
        String id = api.createExperiment("exact");
        ok(api.post(batch(id), "{\"series\":[{\"name\":\"v\",\"values\":" + json.append(']') + "}]}"), values.length);
        double[] back = exactValues(api.get("/experiments/" + id + "/metrics/v/points"));
        assertEquals(values.length, back.length);
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToLongBits(values[i]), Double.doubleToLongBits(back[i]), "value " + i);
        }
        JsonObject summary = series(id, "v");
        assertEquals(3, summary.getInt("nonfinite_count"));
        assertEquals(Double.MAX_VALUE, summary.getJsonNumber("max").doubleValue());
        assertEquals(123456789.123456789, summary.getJsonNumber("last_value").doubleValue(),
                "the last value is the one that arrived last");
    }

    @Test
    void aRepeatedBatchIdIsAcknowledgedWithoutWritingTwice() {
        String id = api.createExperiment("idempotent");
        String body = "{\"batch_id\":\"b-1\",\"metrics\":[{\"name\":\"x\",\"value\":1},{\"name\":\"x\",\"value\":2}]}";
        ok(api.post(batch(id), body), 2);
        Api.Reply again = api.post(batch(id), body);
        assertEquals(200, again.status());
        assertEquals(0, again.data().asJsonObject().getInt("accepted"));
        assertTrue(again.data().asJsonObject().getBoolean("duplicate"));
        assertEquals(2, series(id, "x").getInt("count"));
        // the same batch id on another experiment is another batch
        String other = api.createExperiment("idempotent 2");
        ok(api.post(batch(other), body), 2);
    }

    @Test
    void oneInvalidPointRejectsTheBatchNamingItAndWritesNothing() {
        String id = api.createExperiment("all or nothing");
        ok(api.post(batch(id), "[{\"name\":\"x\",\"value\":1}]"), 1);
        String[][] cases = {
            {"{\"metrics\":[{\"name\":\"x\",\"value\":2},{\"name\":\"y\",\"value\":3},{\"name\":\"x\",\"value\":\"oops\"}]}", "metrics[2].value"},
            {"[{\"name\":\"x\",\"value\":2},{\"name\":\"x\",\"value\":1,\"step\":9007199254740992}]", "[1].step"},
            {"[{\"name\":\"x\",\"value\":2},{\"name\":\"x\",\"value\":1,\"step\":1.5}]", "[1].step"},
            {"[{\"name\":\"x\",\"value\":2},{\"name\":\"\",\"value\":1}]", "[1].name"},
            {"[{\"name\":\"x\\ny\",\"value\":2}]", "[0].name"},
            {"[{\"name\":\"" + "n".repeat(251) + "\",\"value\":2}]", "[0].name"},
            {"[{\"name\":\"x\",\"value\":1e400}]", "[0].value"},
            {"[{\"name\":\"x\",\"value\":true}]", "[0].value"},
            {"[{\"name\":\"x\",\"value\":1,\"timestamp\":-5}]", "[0].timestamp"},
            {"[{\"name\":\"x\",\"value\":1,\"metadata\":[1]}]", "[0].metadata"},
            {"[{\"name\":\"x\",\"value\":1,\"metadata\":{\"k\":\"" + "v".repeat(5000) + "\"}}]", "[0].metadata"},
            {"[{\"name\":\"x\"}]", "[0].value"},
            {"[{\"name\":\"x\",\"value\":1,\"colour\":2}]", "[0].colour"},
            {"{\"series\":[{\"name\":\"x\",\"steps\":[1,2],\"values\":[1]}]}", "series[0].steps"},
            {"{\"series\":[{\"name\":\"x\",\"values\":[1,\"Inf\"]}]}", "series[0].values[1]"},
            {"{\"batch_id\":5,\"metrics\":[]}", "batch_id"},
            {"{\"batch\":\"x\",\"metrics\":[]}", "batch"},
        };
        for (String[] c : cases) {
            Api.Reply r = api.post(batch(id), c[0]);
            assertEquals(400, r.status(), c[0] + " -> " + r);
            assertEquals(c[1], r.error().getJsonObject("details").getString("field"), r.toString());
        }
        Api.Reply malformed = api.post(batch(id), "[{\"name\":\"x\",\"value\":1},");
        assertEquals(400, malformed.status());
        assertEquals("malformed_body", malformed.error().getString("code"));
        List<JsonObject> all = api.get("/experiments/" + id + "/metrics").items();
        assertEquals(1, all.size(), "no series y was created");
        assertEquals(1, all.get(0).getInt("count"));
    }

    @Test
    void oversizedBatchesAreRefusedWith413() {
        String id = api.createExperiment("too big");
        StringBuilder many = new StringBuilder("{\"series\":[{\"name\":\"x\",\"values\":[");
        for (int i = 0; i <= 10_000; i++) {
            many.append(i == 0 ? "" : ",").append(i);
        }
        Api.Reply r = api.post(batch(id), many.append("]}]}").toString());
        assertEquals(413, r.status(), r.toString());
        StringBuilder huge = new StringBuilder("[{\"name\":\"x\",\"value\":1,\"metadata\":{\"pad\":\"");
        huge.append("p".repeat(4 * 1024 * 1024)).append("\"}}]");
        assertEquals(413, api.post(batch(id), huge.toString()).status());
        assertEquals(0, api.get("/experiments/" + id + "/metrics").items().size());
        assertEquals(404, api.post("/experiments/" + UUID.randomUUID() + "/metrics/batch", "[]").status());
    }

    @Test
    void thousandsOfPointsSealIntoChunksAndComeBackInArrivalOrder() {
        String id = api.createExperiment("long");
        Random random = new Random(7);
        List<Double> sent = new ArrayList<>();
        int[] sizes = {999, 1, 1500, 37, 2463};
        for (int size : sizes) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            for (int i = 0; i < size; i++) {
                double v = random.nextGaussian();
                sent.add(v);
                values.add(v);
            }
            ok(api.post(batch(id), "{\"batch_id\":\"" + UUID.randomUUID() + "\",\"series\":[{\"name\":\"g\",\"values\":"
                    + values.build() + "}]}"), size);
        }
        JsonObject points = raw(id, "g", "&points=10000");
        assertEquals(sent.size(), points.getJsonArray("values").size());
        for (int i = 0; i < sent.size(); i++) {
            assertEquals(sent.get(i), value(points.getJsonArray("values").get(i)), "point " + i);
            assertEquals(i, points.getJsonArray("steps").getJsonNumber(i).longValue());
        }
        JsonObject range = raw(id, "g", "&from=1000&to=1999");
        assertEquals(1000, range.getJsonArray("steps").size());
        assertEquals(1000, range.getJsonArray("steps").getJsonNumber(0).longValue());
        assertEquals(sent.get(1999), value(range.getJsonArray("values").get(999)));
    }

    @Test
    void longSeriesAreDownsampledToBucketsThatKeepEverySpike() {
        String id = api.createExperiment("spiky");
        int total = 25_000;
        for (int start = 0; start < total; start += 5000) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            for (int i = start; i < start + 5000; i++) {
                values.add(i == 12_345 ? 1e6 : i == 20_000 ? -1e6 : Math.sin(i / 100.0));
            }
            ok(api.post(batch(id), "{\"series\":[{\"name\":\"s\",\"values\":" + values.build() + "}]}"), 5000);
        }
        ok(api.post(batch(id), "[{\"name\":\"s\",\"value\":\"NaN\"}]"), 1);
        Api.Reply r = api.get("/experiments/" + id + "/metrics/s/points?points=100");
        JsonObject b = r.data().asJsonObject();
        assertEquals("buckets", b.getString("mode"), r.toString());
        int n = b.getJsonArray("count").size();
        assertTrue(n <= 100 && n > 10, "bucket count " + n);
        long count = 0;
        long nonfinite = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            count += b.getJsonArray("count").getJsonNumber(i).longValue();
            nonfinite += b.getJsonArray("nonfinite").getJsonNumber(i).longValue();
            long from = b.getJsonArray("x_start").getJsonNumber(i).longValue();
            long to = b.getJsonArray("x_end").getJsonNumber(i).longValue();
            assertTrue(from <= to);
            if (from <= 12_345 && 12_345 <= to) {
                assertEquals(1e6, b.getJsonArray("max").getJsonNumber(i).doubleValue(), "the spike's bucket keeps it");
            }
            JsonValue mx = b.getJsonArray("max").get(i);
            JsonValue mn = b.getJsonArray("min").get(i);
            if (mx.getValueType() == JsonValue.ValueType.NUMBER) {
                max = Math.max(max, ((JsonNumber) mx).doubleValue());
                min = Math.min(min, ((JsonNumber) mn).doubleValue());
            }
        }
        assertEquals(total + 1, count);
        assertEquals(1, nonfinite);
        assertEquals(1e6, max);
        assertEquals(-1e6, min);
        JsonObject zoomed = api.get("/experiments/" + id + "/metrics/s/points?points=1000&from=12000&to=12999")
                .data().asJsonObject();
        assertEquals("raw", zoomed.getString("mode"), "a zoom to 1000 steps is served at full resolution");
        assertEquals(1000, zoomed.getJsonArray("values").size());
    }

    @Test
    void timeAxisAndQueryParametersAreValidated() {
        String id = api.createExperiment("time axis");
        ok(api.post(batch(id), "{\"series\":[{\"name\":\"t\",\"values\":[1,2,3],\"timestamps\":[1000,2000,3000]}]}"), 3);
        JsonObject byTime = api.get("/experiments/" + id + "/metrics/t/points?x=time&from=1500&to=3000").data().asJsonObject();
        assertEquals(List.of(2000L, 3000L), longs(byTime, "timestamps"));
        assertEquals(400, api.get("/experiments/" + id + "/metrics/t/points?x=epoch").status());
        assertEquals(400, api.get("/experiments/" + id + "/metrics/t/points?points=10001").status());
        assertEquals(400, api.get("/experiments/" + id + "/metrics/t/points?from=5&to=1").status());
        assertEquals(404, api.get("/experiments/" + id + "/metrics/nope/points").status());
    }

    @Test
    void metricNamesWithSlashesSpacesAndColonsWork() {
        String id = api.createExperiment("names");
        ok(api.post(batch(id), "[{\"name\":\"train/loss: top 1\",\"value\":1}]"), 1);
        Api.Reply r = api.get("/experiments/" + id + "/metrics/train/loss:%20top%201/points");
        assertEquals(200, r.status(), r.toString());
        assertEquals(1, r.data().asJsonObject().getJsonArray("values").size());
    }

    @Test
    void oneMetricAcrossSeveralExperimentsInOneCall() {
        String a = api.createExperiment("cmp a");
        String b = api.createExperiment("cmp b");
        String c = api.createExperiment("cmp c");
        ok(api.post(batch(a), "[{\"name\":\"loss\",\"value\":1},{\"name\":\"loss\",\"value\":0.5}]"), 2);
        ok(api.post(batch(b), "[{\"name\":\"loss\",\"value\":2}]"), 1);
        Api.Reply r = api.get("/metrics/points?experiments=" + a + "," + b + "," + c + "&name=loss");
        assertEquals(200, r.status(), r.toString());
        List<JsonObject> pages = r.items();
        assertEquals(List.of(a, b, c), pages.stream().map(p -> p.getString("experiment")).toList());
        assertEquals(2, pages.get(0).getJsonArray("values").size());
        assertEquals("missing", pages.get(2).getString("mode"));
        assertEquals(404, api.get("/metrics/points?experiments=" + a + "," + UUID.randomUUID() + "&name=loss").status());
        assertEquals(400, api.get("/metrics/points?name=loss").status());
    }

    @Test
    void theOriginalSdkLogFormatWritesEachMessageOnce() {
        String id = api.createExperiment("legacy");
        String body = "{\"logs\":[{\"name\":\"loss\",\"msg_id\":\"m1\",\"value\":1.5,\"step\":0,\"metadata\":null},"
                + "{\"name\":\"loss\",\"msg_id\":\"m2\",\"value\":1.2,\"step\":1,\"metadata\":{\"epoch\":1}}]}";
        Api.Reply first = api.post("/experiments/" + id + "/logs/batch", body);
        assertEquals(200, first.status(), first.toString());
        assertEquals(2, first.data().asJsonObject().getInt("accepted"));
        String retry = "{\"logs\":[{\"name\":\"loss\",\"msg_id\":\"m2\",\"value\":1.2,\"step\":1},"
                + "{\"name\":\"loss\",\"msg_id\":\"m3\",\"value\":1.0,\"step\":2}]}";
        assertEquals(1, api.post("/experiments/" + id + "/logs/batch", retry).data().asJsonObject().getInt("accepted"));
        assertEquals(3, series(id, "loss").getInt("count"));
        assertEquals(400, api.post("/experiments/" + id + "/logs/batch", "{\"logs\":[{\"name\":\"loss\"}]}").status());
    }

    @Test
    void gzipBodiesAreAccepted() throws Exception {
        String id = api.createExperiment("gzip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("{\"series\":[{\"name\":\"z\",\"values\":[1,2,3]}]}".getBytes(StandardCharsets.UTF_8));
        }
        Api.Reply r = api.send("POST", batch(id), bytes.toByteArray(), "application/json", "gzip");
        assertEquals(200, r.status(), r.toString());
        assertEquals(3, series(id, "z").getInt("count"));
        Api.Reply bad = api.send("POST", batch(id), "not gzip".getBytes(StandardCharsets.UTF_8), "application/json", "gzip");
        assertEquals(400, bad.status(), bad.toString());
    }

    @Test
    void concurrentWritersToOneSeriesLoseNothing() throws Exception {
        String id = api.createExperiment("concurrent");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            for (int k = 0; k < 5; k++) {
                StringBuilder values = new StringBuilder();
                for (int i = 0; i < 300; i++) {
                    values.append(i == 0 ? "" : ",").append(t * 1000 + i);
                }
                String body = "{\"batch_id\":\"" + UUID.randomUUID() + "\",\"series\":[{\"name\":\"c\",\"values\":[" + values
                        + "]},{\"name\":\"d\",\"values\":[1]}]}";
                replies.add(pool.submit(() -> api.post(batch(id), body)));
            }
        }
        for (Future<Api.Reply> f : replies) {
            assertEquals(200, f.get().status(), f.get().toString());
        }
        pool.shutdown();
        JsonObject c = series(id, "c");
        assertEquals(6000, c.getInt("count"));
        assertEquals(5999, c.getInt("last_step"), "auto steps never collide");
        assertEquals(6000, raw(id, "c", "&points=10000").getJsonArray("steps").stream().distinct().count());
    }

    private static String batch(String id) {
        return "/experiments/" + id + "/metrics/batch";
    }

    private static void ok(Api.Reply r, int accepted) {
        assertEquals(200, r.status(), r.toString());
        assertEquals(accepted, r.data().asJsonObject().getInt("accepted"), r.toString());
        assertFalse(r.data().asJsonObject().getBoolean("duplicate"));
    }

    private JsonObject raw(String id, String name, String query) {
        Api.Reply r = api.get("/experiments/" + id + "/metrics/" + name + "/points?x=step" + query);
        assertEquals(200, r.status(), r.toString());
        JsonObject data = r.data().asJsonObject();
        assertEquals("raw", data.getString("mode"));
        return data;
    }

    private JsonObject series(String id, String name) {
        return api.get("/experiments/" + id + "/metrics").items().stream()
                .filter(s -> s.getString("name").equals(name)).findFirst().orElseThrow();
    }

    private static List<Long> longs(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonNumber.class).stream().map(JsonNumber::longValue).toList();
    }

    /**
     * The "values" array of a raw answer, parsed from the JSON text itself: JSON-P's number
     * objects go through BigDecimal, which has no negative zero.
     */
    static double[] exactValues(Api.Reply reply) {
        List<Double> out = new ArrayList<>();
        try (JsonParser p = Json.createParser(new java.io.StringReader(reply.body()))) {
            boolean inValues = false;
            while (p.hasNext()) {
                JsonParser.Event e = p.next();
                if (e == JsonParser.Event.KEY_NAME) {
                    inValues = p.getString().equals("values");
                } else if (inValues && e == JsonParser.Event.VALUE_NUMBER) {
                    out.add(Double.parseDouble(p.getString()));
                } else if (inValues && e == JsonParser.Event.VALUE_STRING) {
                    out.add(value(Json.createValue(p.getString())));
                } else if (e == JsonParser.Event.END_ARRAY) {
                    inValues = false;
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double value(JsonValue v) {
        if (v instanceof JsonString s) {
            return switch (s.getString()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new AssertionError("unexpected value " + s);
            };
        }
        return Double.parseDouble(v.toString());
    }
}
