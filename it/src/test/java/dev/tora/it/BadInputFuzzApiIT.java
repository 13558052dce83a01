package dev.tora.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Generated and mutated bodies (jqwik arbitraries) thrown at every write route: the server must
 * answer each with a success or a 4xx, never a 5xx, and every JSON 4xx is in the error shape.
 * (A URL the HTTP layer itself refuses, such as one with an encoded NUL, gets the container's
 * plain 400 before Tora sees it.)
 */
@ExtendWith(ArquillianExtension.class)
class BadInputFuzzApiIT {

    /**
     * Bodies per route. Parsing and validation do not depend on the database, so the PostgreSQL
     * run throws fewer: enough to reach its constraints and types on every write path.
     */
    private static final int SAMPLES = "h2".equals(ToraDeployment.database()) ? 250 : 80;

    private final Api api = Api.local();
    private String experiment;
    private String other;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ToraDeployment.ear();
    }

    @BeforeEach
    void targets() {
        experiment = api.createExperiment("fuzz target");
        other = api.createExperiment("fuzz other");
    }

    @Test
    void experimentCreationNeverFailsOnTheServer() {
        fuzz("POST", e -> "/experiments", objects(Map.of(
                "name", JsonGen.anyValue(), "id", JsonGen.anyValue(), "workspaceId", JsonGen.anyValue(),
                "description", JsonGen.anyValue(), "hyperparams", JsonGen.anyValue(), "tags", JsonGen.anyValue(),
                "metadata", JsonGen.anyValue(), "references", JsonGen.anyValue(), "visibility", JsonGen.anyValue())),
                "{\"name\":\"ok\",\"hyperparams\":{\"lr\":0.1,\"o\":{\"m\":1}},\"tags\":[\"a\"],\"metadata\":{\"k\":[1]}}");
    }

    @Test
    void experimentUpdatesNeverFailOnTheServer() {
        fuzz("PATCH", e -> "/experiments/" + e, objects(Map.of(
                "name", JsonGen.anyValue(), "description", JsonGen.anyValue(), "status", JsonGen.anyValue(),
                "visibility", JsonGen.anyValue(), "tags", JsonGen.anyValue(), "hyperparams", JsonGen.anyValue(),
                "metadata", JsonGen.anyValue())),
                "{\"status\":\"finished\",\"tags\":[\"x\"],\"metadata\":{\"a\":null},\"hyperparams\":[{\"key\":\"k\",\"value\":2}]}");
    }

    @Test
    void metricBatchesNeverFailOnTheServer() {
        Arbitrary<String> point = objects(Map.of("name", JsonGen.anyValue(), "value", JsonGen.anyValue(),
                "step", JsonGen.anyValue(), "timestamp", JsonGen.anyValue(), "metadata", JsonGen.anyValue()));
        Arbitrary<String> columnar = objects(Map.of("name", JsonGen.anyValue(), "steps", JsonGen.anyValue(),
                "values", JsonGen.anyValue(), "timestamps", JsonGen.anyValue(), "metadata", JsonGen.anyValue()));
        Arbitrary<String> body = Arbitraries.oneOf(
                point.list().ofMaxSize(5).map(l -> "[" + String.join(",", l) + "]"),
                Combinators.combine(JsonGen.anyValue(), point.list().ofMaxSize(5))
                        .as((id, l) -> "{\"batch_id\":" + id + ",\"metrics\":[" + String.join(",", l) + "]}"),
                Combinators.combine(JsonGen.anyValue(), columnar.list().ofMaxSize(3))
                        .as((id, l) -> "{\"batch_id\":" + id + ",\"series\":[" + String.join(",", l) + "]}"));
        fuzz("POST", e -> "/experiments/" + e + "/metrics/batch", body,
                "{\"batch_id\":\"b\",\"series\":[{\"name\":\"loss\",\"steps\":[1,null],\"values\":[0.5,\"NaN\"],"
                        + "\"timestamps\":[1000,null],\"metadata\":[{\"a\":1},null]}]}");
    }

    @Test
    void legacyLogBatchesNeverFailOnTheServer() {
        Arbitrary<String> log = objects(Map.of("name", JsonGen.anyValue(), "msg_id", JsonGen.anyValue(),
                "value", JsonGen.anyValue(), "step", JsonGen.anyValue(), "metadata", JsonGen.anyValue()));
        fuzz("POST", e -> "/experiments/" + e + "/logs/batch",
                log.list().ofMaxSize(5).map(l -> "{\"logs\":[" + String.join(",", l) + "]}"),
                "{\"logs\":[{\"name\":\"loss\",\"msg_id\":\"m\",\"value\":1.5,\"step\":2,\"metadata\":{\"e\":1}}]}");
    }

    @Test
    void referencesWorkspacesAndKeysNeverFailOnTheServer() {
        fuzz("POST", e -> "/experiments/" + e + "/references", objects(Map.of("experimentId", JsonGen.anyValue())),
                "{\"experimentId\":\"" + other + "\"}");
        fuzz("POST", e -> "/workspaces", objects(Map.of("name", JsonGen.anyValue(), "description", JsonGen.anyValue())),
                "{\"name\":\"w\",\"description\":\"d\"}");
        fuzz("POST", e -> "/keys", objects(Map.of("name", JsonGen.anyValue())), "{\"name\":\"k\"}");
    }

    @Test
    void pathsAndQueriesNeverFailOnTheServer() {
        Arbitrary<String> segment = JsonGen.nastyText().map(BadInputFuzzApiIT::urlEncode);
        List<String> failures = new ArrayList<>();
        segment.sampleStream().limit(SAMPLES).forEach(s -> {
            check("GET", "/experiments/" + s, null, failures);
            check("DELETE", "/experiments/" + experiment + "/references/" + s, null, failures);
            check("GET", "/experiments/" + experiment + "/metrics/" + s + "/points?from=" + s, null, failures);
            check("GET", "/experiments?q=" + s + "&limit=" + s + "&cursor=" + s, null, failures);
            check("GET", "/metrics/points?experiments=" + s + "&name=" + s, null, failures);
            check("GET", "/experiments/" + experiment + "/export?format=" + s, null, failures);
        });
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private void fuzz(String method, Function<String, String> path, Arbitrary<String> generated, String valid) {
        List<String> failures = new ArrayList<>();
        Arbitrary<String> mutated = JsonGen.mutationsOf(valid);
        Arbitraries.oneOf(generated, mutated).sampleStream().limit(SAMPLES)
                .forEach(body -> check(method, path.apply(experiment), body, failures));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertFalse(api.get("/experiments/" + experiment).status() >= 500);
    }

    private void check(String method, String path, String body, List<String> failures) {
        Api.Reply r;
        try {
            r = api.send(method, path, body, "application/json");
        } catch (IllegalArgumentException badUri) {
            return; // the client library refuses the URI itself; nothing reached the server
        }
        if (r.status() >= 500) {
            failures.add(method + " " + path + " " + body + " -> " + r);
        } else if (r.status() >= 400 && r.contentType().startsWith("application/json")) {
            JsonObject error = r.error();
            if (error == null || error.getString("code", "").isEmpty() || error.getString("message", "").isEmpty()) {
                failures.add("no error shape: " + method + " " + path + " -> " + r);
            }
        }
    }

    private static Arbitrary<String> objects(Map<String, Arbitrary<String>> fields) {
        List<Arbitrary<String>> members = new ArrayList<>();
        fields.forEach((name, value) -> members.add(
                Arbitraries.oneOf(Arbitraries.just(""), value.map(v -> "\"" + name + "\":" + v))));
        members.add(Arbitraries.oneOf(Arbitraries.just(""),
                Combinators.combine(JsonGen.jsonString(), JsonGen.anyValue()).as((k, v) -> k + ":" + v)));
        return Combinators.combine(members).as(parts -> "{" + String.join(",",
                parts.stream().filter(p -> !p.isEmpty()).toList()) + "}");
    }

    private static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
