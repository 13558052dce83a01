package dev.tora.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET /api/experiments?query=} and the new sort keys over HTTP, on the database the suite
 * runs on (H2 or PostgreSQL): a workspace of four experiments, then tables of queries and orders.
 */
@ExtendWith(ArquillianExtension.class)
class ExperimentQueryApiIT {

    private static final Api API = Api.local();
    private static String workspace;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ToraDeployment.ear();
    }

    /** The workspace of the four experiments, made once per run (the tables below only read it). */
    private static synchronized String workspace() {
        if (workspace == null) {
            String ws = API.post("/workspaces", "{\"name\":\"query language\"}").data().asJsonObject().getString("id");
            experiment(ws, "alpha", "[\"cv\", \"baseline\"]",
                    "{\"optim\": {\"lr\": 0.1}, \"epochs\": 10, \"model\": \"resnet\", \"amp\": true, \"batch size\": 64}",
                    "finished", "{\"name\": \"loss\", \"values\": [1.0, 0.5, 0.25]}, {\"name\": \"acc\", \"values\": [0.9]}");
            experiment(ws, "beta", "[\"cv\"]",
                    "{\"optim\": {\"lr\": 0.01}, \"epochs\": 20, \"model\": \"vit\", \"amp\": false}",
                    null, "{\"name\": \"loss\", \"values\": [2.0, \"NaN\"]}");
            experiment(ws, "gamma", "[\"nlp\"]", "{\"optim\": {\"lr\": 0.001}, \"model\": \"bert\", \"batch size\": 32}",
                    "failed", "{\"name\": \"loss\", \"values\": [3.0, \"Infinity\"]}, {\"name\": \"val loss\", \"values\": [0.7]}");
            experiment(ws, "delta", "[]", "{\"model\": \"resnet\"}", "killed", null);
            workspace = ws;
        }
        return workspace;
    }

    private static void experiment(String ws, String name, String tags, String hyperparams, String status, String series) {
        String id = API.createExperiment(jakarta.json.Json.createReader(new java.io.StringReader("{\"name\": \"" + name
                + "\", \"workspaceId\": \"" + ws + "\", \"tags\": " + tags + ", \"hyperparams\": " + hyperparams + "}"))
                .readObject());
        if (series != null) {
            Api.Reply r = API.post("/experiments/" + id + "/metrics/batch", "{\"series\": [" + series + "]}");
            assertEquals(200, r.status(), r.toString());
        }
        if (status != null) {
            assertEquals(200, API.patch("/experiments/" + id, "{\"status\": \"" + status + "\"}").status());
        }
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                row("name = \"alpha\"", "alpha"),
                row("name ~ \"A\"", "alpha", "beta", "gamma", "delta"),
                row("name in ('beta', \"delta\")", "beta", "delta"),
                row("tags = \"cv\"", "alpha", "beta"),
                row("tags != \"cv\"", "gamma", "delta"),
                row("tags ~ \"NL\"", "gamma"),
                row("tags = null", "delta"),
                row("status = running", "beta"),
                row("status in (finished, failed)", "alpha", "gamma"),
                row("ended = null", "beta"),
                row("ended != null", "alpha", "gamma", "delta"),
                row("created > -1d", "alpha", "beta", "gamma", "delta"),
                row("created >= \"2000-01-01\" AND created < \"2200-01\"", "alpha", "beta", "gamma", "delta"),
                row("created < \"2000-01-01\""),
                row("NOT created > -1d"),
                row("params.optim.lr < 0.05", "beta", "gamma"),
                row("params.\"optim.lr\" >= 0.1", "alpha"),
                row("params.model = \"resnet\"", "alpha", "delta"),
                row("params.model ~ \"VI\"", "beta"),
                row("params.amp = true", "alpha"),
                row("params.amp = false", "beta"),
                row("params.epochs in (10, 20)", "alpha", "beta"),
                row("params.\"batch size\" > 40", "alpha"),
                row("NOT params.epochs > 15", "alpha", "gamma", "delta"),
                row("params.model = 1"),
                row("metrics.loss < 0.5", "alpha"),
                row("metrics.loss.last < 0.5", "alpha"),
                row("metrics.loss > 1", "gamma"),
                row("metrics.loss = \"NaN\"", "beta"),
                row("metrics.loss != \"NaN\"", "alpha", "gamma"),
                row("metrics.loss = \"Infinity\"", "gamma"),
                row("metrics.loss.min >= 2", "beta", "gamma"),
                row("metrics.loss.max <= 1", "alpha"),
                row("metrics.loss.count = 2", "beta", "gamma"),
                row("metrics.loss.COUNT >= 3", "alpha"),
                row("metrics.\"val loss\" < 1", "gamma"),
                row("metrics.'val loss'.max = 0.7", "gamma"),
                row("metrics.acc.last > 0.8", "alpha"),
                row("NOT metrics.loss < 0.5", "beta", "gamma", "delta"),
                row("tags = \"cv\" AND metrics.loss < 0.5 OR status = failed", "alpha", "gamma"),
                row("tags = \"cv\" AND (metrics.loss < 0.5 OR status = failed)", "alpha"),
                row("NOT (tags = \"cv\" OR tags = \"nlp\")", "delta"),
                row("(params.model = \"resnet\" OR params.model = \"bert\") AND NOT status = killed", "alpha", "gamma"),
                row("  ", "alpha", "beta", "gamma", "delta"));
    }

    @ParameterizedTest(name = "[{index}] query={0}")
    @MethodSource("queries")
    void aQueryFindsExactlyItsExperiments(String query, Set<String> expected) {
        Api.Reply r = API.get("/experiments?workspace=" + workspace() + "&query=" + encode(query));
        assertEquals(200, r.status(), r.toString());
        assertEquals(new TreeSet<>(expected), names(r).stream().collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theQueryCombinesWithTheOtherFiltersByAnd() {
        String base = "/experiments?workspace=" + workspace() + "&query=" + encode("metrics.loss.count = 2");
        assertEquals(List.of("beta"), names(API.get(base + "&tag=cv")));
        assertEquals(List.of("gamma"), names(API.get(base + "&status=failed")));
        assertEquals(List.of("alpha"), names(API.get("/experiments?workspace=" + workspace() + "&q=alp&query="
                + encode("tags = \"cv\""))));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("metrics.loss >", 14, "query: expected a value after '>' at position 14"),
                Arguments.of("name = \"abc", 7, "query: unterminated string at position 7"),
                Arguments.of("foo = 1", 0, "query: unknown field 'foo'"),
                Arguments.of("(name = a", 9, "query: expected ')' to close the '(' at offset 0 at position 9"),
                Arguments.of("status = paused", 9, "query: status takes one of running, finished, failed, killed"),
                Arguments.of("metrics.loss < 'NaN'", 15, "query: NaN is not ordered"),
                Arguments.of("name = a OR " + "x".repeat(4000), 4000, "query: is longer than 4000 characters"));
    }

    @ParameterizedTest(name = "[{index}] query={0}")
    @MethodSource("malformed")
    void aMalformedQueryIs400SayingWhere(String query, int position, String message) {
        Api.Reply r = API.get("/experiments?workspace=" + workspace() + "&query=" + encode(query));
        assertEquals(400, r.status(), r.toString());
        JsonObject error = r.error();
        assertEquals("query", error.getJsonObject("details").getString("field"));
        assertEquals(position, error.getJsonObject("details").getInt("position"));
        assertTrue(error.getString("message").startsWith(message), error.getString("message"));
    }

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("metrics.loss.last", "asc", List.of("alpha", "gamma", "beta", "delta"), "delta"),
                Arguments.of("metrics.loss", "desc", List.of("gamma", "alpha", "beta", "delta"), "delta"),
                Arguments.of("metrics.loss.min", "desc", List.of("gamma", "beta", "alpha", "delta"), "delta"),
                Arguments.of("metrics.loss.count", "desc", List.of("alpha"), "delta"),
                Arguments.of("metrics.loss.count", "asc", List.of(), "delta"),
                Arguments.of("metrics.\"val loss\".last", "desc", List.of("gamma"), null),
                Arguments.of("params.optim.lr", "asc", List.of("gamma", "beta", "alpha", "delta"), "delta"),
                Arguments.of("params.optim.lr", "desc", List.of("alpha", "beta", "gamma", "delta"), "delta"),
                Arguments.of("params.model", "asc", List.of("gamma"), "beta"),
                Arguments.of("status", "asc", List.of("beta", "alpha", "gamma", "delta"), "delta"),
                Arguments.of("name", "desc", List.of("gamma", "delta", "beta", "alpha"), "alpha"),
                Arguments.of("ended", "desc", List.of(), "beta"),
                Arguments.of("ended", "asc", List.of(), "beta"),
                Arguments.of("duration", "asc", List.of(), null));
    }

    /**
     * Experiments without the value come last in both directions, and paging one row at a time
     * with the cursor walks exactly the same order. Where ties leave the order to the ids, only
     * the rows before the tie ({@code first}) and the last row are given.
     */
    @ParameterizedTest(name = "sort={0} order={1}")
    @MethodSource("orders")
    void sortsByAnyKeyWithMissingValuesLastAndCursorsFollowTheOrder(String sort, String order, List<String> first,
                                                                    String last) {
        String path = "/experiments?workspace=" + workspace() + "&sort=" + encode(sort) + "&order=" + order;
        Api.Reply all = API.get(path + "&limit=100");
        assertEquals(200, all.status(), all.toString());
        List<String> names = names(all);
        assertEquals(4, names.size());
        assertEquals(first, names.subList(0, first.size()));
        if (last != null) {
            assertEquals(last, names.get(3), names.toString());
        }
        List<String> paged = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 6; page++) {
            Api.Reply r = API.get(path + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status(), r.toString());
            paged.addAll(names(r));
            JsonValue next = r.json().asJsonObject().get("next_cursor");
            if (next.getValueType() == JsonValue.ValueType.NULL) {
                break;
            }
            cursor = ((jakarta.json.JsonString) next).getString();
        }
        assertEquals(names, paged);
    }

    @Test
    void aCursorBelongsToItsSortAndOrder() {
        String path = "/experiments?workspace=" + workspace() + "&limit=1&sort=metrics.loss";
        String cursor = ((jakarta.json.JsonString) API.get(path + "&order=asc").json().asJsonObject().get("next_cursor"))
                .getString();
        assertEquals(200, API.get(path + "&order=asc&cursor=" + cursor).status());
        for (String other : List.of(path + "&order=desc", "/experiments?workspace=" + workspace()
                + "&limit=1&sort=metrics.loss.min&order=asc")) {
            Api.Reply r = API.get(other + "&cursor=" + cursor);
            assertEquals(400, r.status(), r.toString());
            assertEquals("cursor", r.error().getJsonObject("details").getString("field"));
        }
    }

    @Test
    void anUnknownSortKeyIs400NamingSortAndThePosition() {
        Api.Reply r = API.get("/experiments?workspace=" + workspace() + "&sort=" + encode("metrics.\"loss"));
        assertEquals(400, r.status(), r.toString());
        assertEquals("sort", r.error().getJsonObject("details").getString("field"));
        assertEquals(8, r.error().getJsonObject("details").getInt("position"));
        Api.Reply tags = API.get("/experiments?workspace=" + workspace() + "&sort=tags");
        assertEquals(400, tags.status(), tags.toString());
        assertTrue(tags.error().getString("message").startsWith("sort: cannot sort by 'tags'"), tags.toString());
    }

    private static List<String> names(Api.Reply r) {
        assertEquals(200, r.status(), r.toString());
        return r.items().stream().map(e -> e.getString("name")).toList();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Arguments row(String query, String... names) {
        return Arguments.of(query, Set.of(names));
    }
}
