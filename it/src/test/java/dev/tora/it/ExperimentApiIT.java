package dev.tora.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Experiments and workspaces over HTTP against the deployed EAR. */
@ExtendWith(ArquillianExtension.class)
class ExperimentApiIT {

    private final Api api = Api.local();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ToraDeployment.ear();
    }

    @Test
    void createdExperimentHasEveryFieldAndItsUiUrl() {
        Api.Reply r = api.post("/experiments", """
                {"name": "resnet run", "description": "first try",
                 "hyperparams": {"optim": {"lr": 0.1, "betas": [0.9, 0.99]}, "epochs": 10, "amp": true, "tag": null},
                 "tags": ["cv", "baseline", "cv"], "metadata": {"git": {"sha": "abc"}}, "visibility": "public"}""");
        assertEquals(201, r.status(), r.toString());
        JsonObject e = r.data().asJsonObject();
        assertEquals("resnet run", e.getString("name"));
        assertEquals("first try", e.getString("description"));
        assertEquals("running", e.getString("status"));
        assertEquals("public", e.getString("visibility"));
        assertEquals(List.of("cv", "baseline"), e.getJsonArray("tags").getValuesAs(JsonValue::toString)
                .stream().map(s -> s.replace("\"", "")).toList());
        JsonObject hp = e.getJsonObject("hyperparams");
        assertEquals(0.1, hp.getJsonNumber("optim.lr").doubleValue());
        assertEquals("[0.9,0.99]", hp.getString("optim.betas"));
        assertEquals(10, hp.getInt("epochs"));
        assertTrue(hp.getBoolean("amp"));
        assertEquals(JsonValue.NULL, hp.get("tag"));
        assertEquals("abc", e.getJsonObject("metadata").getJsonObject("git").getString("sha"));
        assertEquals("00000000-0000-0000-0000-000000000001", e.getString("workspace_id"));
        assertTrue(e.getString("url").endsWith("/experiments/" + e.getString("id")), e.getString("url"));
        assertEquals(JsonValue.NULL, e.get("ended_at"));
        assertEquals(0, e.getJsonArray("metrics").size());
    }

    @Test
    void hyperparamsMayBeAListOfKeyValuePairs() {
        String id = api.createExperiment(Json.createObjectBuilder().add("name", "pairs")
                .add("hyperparams", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("key", "lr").add("value", 0.01))
                        .add(Json.createObjectBuilder().add("key", "model").add("value", "vit")))
                .build());
        JsonObject hp = api.get("/experiments/" + id).data().asJsonObject().getJsonObject("hyperparams");
        assertEquals(0.01, hp.getJsonNumber("lr").doubleValue());
        assertEquals("vit", hp.getString("model"));
    }

    @Test
    void repeatingACreateWithTheSameIdAndNameIsIdempotent() {
        String id = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + id + "\",\"name\":\"offline run\",\"tags\":[\"a\"]}";
        assertEquals(201, api.post("/experiments", body).status());
        Api.Reply again = api.post("/experiments", body);
        assertEquals(200, again.status(), again.toString());
        assertEquals(id, again.data().asJsonObject().getString("id"));
        Api.Reply other = api.post("/experiments", "{\"id\":\"" + id + "\",\"name\":\"another name\"}");
        assertEquals(409, other.status(), other.toString());
        assertEquals("offline run", api.get("/experiments/" + id).data().asJsonObject().getString("name"));
    }

    @Test
    void patchChangesOnlyWhatIsPresentAndMergesHyperparamsAndMetadata() {
        String id = api.createExperiment(Json.createObjectBuilder().add("name", "patch me")
                .add("description", "keep")
                .add("hyperparams", Json.createObjectBuilder().add("lr", 0.1).add("bs", 32))
                .add("metadata", Json.createObjectBuilder().add("a", 1).add("b", Json.createObjectBuilder().add("c", 2)))
                .add("tags", Json.createArrayBuilder().add("x"))
                .build());
        Api.Reply r = api.patch("/experiments/" + id, """
                {"hyperparams": {"lr": 0.05, "warmup": 100}, "metadata": {"b": {"d": 3}, "a": null},
                 "status": "finished"}""");
        assertEquals(200, r.status(), r.toString());
        JsonObject e = r.data().asJsonObject();
        assertEquals("patch me", e.getString("name"));
        assertEquals("keep", e.getString("description"));
        JsonObject hp = e.getJsonObject("hyperparams");
        assertEquals(0.05, hp.getJsonNumber("lr").doubleValue());
        assertEquals(32, hp.getInt("bs"));
        assertEquals(100, hp.getInt("warmup"));
        JsonObject md = e.getJsonObject("metadata");
        assertFalse(md.containsKey("a"));
        assertEquals(2, md.getJsonObject("b").getInt("c"));
        assertEquals(3, md.getJsonObject("b").getInt("d"));
        assertEquals("finished", e.getString("status"));
        assertNotEquals(JsonValue.NULL, e.get("ended_at"));
        assertEquals(List.of("x"), strings(e, "tags"));

        JsonObject reopened = api.patch("/experiments/" + id, "{\"status\":\"running\",\"description\":null}")
                .data().asJsonObject();
        assertEquals(JsonValue.NULL, reopened.get("ended_at"));
        assertEquals(JsonValue.NULL, reopened.get("description"));
    }

    @Test
    void tagsReplacedByTheSameOrOverlappingListsAreStoredAsSent() {
        // Each list in turn replaces the one before; repeating a list, keeping a tag at its position
        // or moving it made EclipseLink insert a row before deleting the old one at that position.
        String id = api.createExperiment(Json.createObjectBuilder().add("name", "retagged")
                .add("tags", Json.createArrayBuilder().add("x")).build());
        List<List<String>> lists = List.of(List.of("x"), List.of("x"), List.of("x", "y"), List.of("y", "x"),
                List.of("y"), List.of("z", "y", "x"), List.of("x"), List.of());
        for (List<String> tags : lists) {
            Api.Reply r = api.patch("/experiments/" + id, Json.createObjectBuilder()
                    .add("tags", Json.createArrayBuilder(tags)).build().toString());
            assertEquals(200, r.status(), tags + ": " + r);
            assertEquals(tags, strings(r.data().asJsonObject(), "tags"));
            assertEquals(tags, strings(api.get("/experiments/" + id).data().asJsonObject(), "tags"));
        }
        // The old rows are deleted in a flush of their own; a field refused after that flush (metadata
        // over 64 KiB is found only once merged) still rolls the whole update back.
        api.patch("/experiments/" + id, "{\"tags\":[\"a\",\"b\"]}");
        Api.Reply refused = api.patch("/experiments/" + id,
                "{\"tags\":[\"c\"],\"metadata\":{\"big\":\"" + "m".repeat(70_000) + "\"}}");
        assertEquals(400, refused.status(), refused.toString());
        assertEquals(List.of("a", "b"), strings(api.get("/experiments/" + id).data().asJsonObject(), "tags"));
    }

    @Test
    void deleteRemovesTheExperimentAndItsPoints() {
        String id = api.createExperiment("doomed");
        assertEquals(200, api.post("/experiments/" + id + "/metrics/batch",
                "[{\"name\":\"loss\",\"value\":1},{\"name\":\"loss\",\"value\":2}]").status());
        assertEquals(204, api.delete("/experiments/" + id).status());
        assertEquals(404, api.get("/experiments/" + id).status());
        assertEquals(404, api.get("/experiments/" + id + "/metrics").status());
        assertEquals(404, api.delete("/experiments/" + id).status());
    }

    @Test
    void referencesShowInBothDirections() {
        String base = api.createExperiment("base");
        String derived = api.createExperiment(Json.createObjectBuilder().add("name", "derived")
                .add("references", Json.createArrayBuilder().add(base)).build());
        assertEquals(List.of(base), strings(api.get("/experiments/" + derived).data().asJsonObject(), "references"));
        assertEquals(List.of(derived), strings(api.get("/experiments/" + base).data().asJsonObject(), "referenced_by"));

        String third = api.createExperiment("third");
        Api.Reply added = api.post("/experiments/" + third + "/references", "{\"experimentId\":\"" + base + "\"}");
        assertEquals(200, added.status(), added.toString());
        assertEquals(Set.of(derived, third),
                new HashSet<>(strings(api.get("/experiments/" + base).data().asJsonObject(), "referenced_by")));

        assertEquals(400, api.post("/experiments/" + base + "/references", "{\"experimentId\":\"" + base + "\"}").status());
        assertEquals(200, api.delete("/experiments/" + third + "/references/" + base).status());
        assertEquals(404, api.delete("/experiments/" + third + "/references/" + base).status());
        assertEquals(List.of(derived), strings(api.get("/experiments/" + base).data().asJsonObject(), "referenced_by"));
    }

    @Test
    void referencesMustStayInTheirWorkspace() {
        String ws = api.post("/workspaces", "{\"name\":\"other team\"}").data().asJsonObject().getString("id");
        String elsewhere = api.createExperiment(Json.createObjectBuilder().add("name", "elsewhere").add("workspaceId", ws).build());
        String here = api.createExperiment("here");
        Api.Reply r = api.post("/experiments/" + here + "/references", "{\"experimentId\":\"" + elsewhere + "\"}");
        assertEquals(400, r.status(), r.toString());
        assertEquals("experimentId", r.error().getJsonObject("details").getString("field"));
    }

    @Test
    void listPagesWithACursorNewestFirstWithoutOverlap() {
        String ws = api.post("/workspaces", "{\"name\":\"paging\"}").data().asJsonObject().getString("id");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(api.createExperiment(Json.createObjectBuilder().add("name", "p" + i).add("workspaceId", ws).build()));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Api.Reply page = api.get("/experiments?workspace=" + ws + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), page.toString());
            page.items().forEach(e -> seen.add(e.getString("id")));
            JsonValue next = page.json().asJsonObject().get("next_cursor");
            cursor = next.getValueType() == JsonValue.ValueType.NULL ? null : next.toString().replace("\"", "");
        } while (cursor != null);
        List<String> expected = new ArrayList<>(created);
        java.util.Collections.reverse(expected);
        assertEquals(expected, seen);

        List<String> byName = api.get("/experiments?workspace=" + ws + "&sort=name&order=asc&limit=100").items()
                .stream().map(e -> e.getString("name")).toList();
        assertEquals(List.of("p0", "p1", "p2", "p3", "p4", "p5", "p6"), byName);
    }

    @Test
    void listFiltersByTextTagAndStatusAndCarriesSummaries() {
        String ws = api.post("/workspaces", "{\"name\":\"filters\"}").data().asJsonObject().getString("id");
        String a = api.createExperiment(Json.createObjectBuilder().add("name", "Alpha 50% run").add("workspaceId", ws)
                .add("tags", Json.createArrayBuilder().add("gpu")).build());
        String b = api.createExperiment(Json.createObjectBuilder().add("name", "beta").add("workspaceId", ws)
                .add("description", "uses the ALPHA trick").build());
        String c = api.createExperiment(Json.createObjectBuilder().add("name", "gamma").add("workspaceId", ws)
                .add("tags", Json.createArrayBuilder().add("alphabet")).build());
        api.patch("/experiments/" + c, "{\"status\":\"failed\"}");
        api.post("/experiments/" + a + "/metrics/batch", "[{\"name\":\"loss\",\"value\":0.5,\"step\":3}]");

        assertEquals(Set.of(a, b, c), ids(api.get("/experiments?workspace=" + ws + "&q=alpha")));
        assertEquals(Set.of(a), ids(api.get("/experiments?workspace=" + ws + "&q=50%25")));
        assertEquals(Set.of(a), ids(api.get("/experiments?workspace=" + ws + "&tag=gpu")));
        assertEquals(Set.of(c), ids(api.get("/experiments?workspace=" + ws + "&status=failed")));
        JsonObject first = api.get("/experiments?workspace=" + ws + "&tag=gpu").items().get(0);
        JsonObject loss = first.getJsonArray("metrics").getJsonObject(0);
        assertEquals("loss", loss.getString("name"));
        assertEquals(3, loss.getInt("last_step"));
        assertEquals(1, loss.getInt("count"));
    }

    @Test
    void workspacesAreListedCreatedAndHiddenWhenUnknown() {
        Api.Reply created = api.post("/workspaces", "{\"name\":\"vision\",\"description\":\"cv team\"}");
        assertEquals(201, created.status(), created.toString());
        String id = created.data().asJsonObject().getString("id");
        assertEquals("owner", created.data().asJsonObject().getString("role"));
        assertTrue(api.get("/workspaces").items().stream().anyMatch(w -> w.getString("id").equals(id)));
        assertTrue(api.get("/workspaces").items().stream().anyMatch(w -> w.getString("name").equals("default")));
        assertEquals("vision", api.get("/workspaces/" + id).data().asJsonObject().getString("name"));
        assertEquals(404, api.get("/workspaces/" + UUID.randomUUID()).status());
        Api.Reply missing = api.post("/experiments", "{\"name\":\"x\",\"workspaceId\":\"" + UUID.randomUUID() + "\"}");
        assertEquals(404, missing.status(), missing.toString());
    }

    static Stream<Arguments> badRequests() {
        String tooLong = "n".repeat(256);
        StringBuilder tags = new StringBuilder("[");
        for (int i = 0; i < 101; i++) {
            tags.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
        }
        String manyTags = tags.append(']').toString();
        return Stream.of(
                Arguments.of("POST", "/experiments", "{}", 400, "name"),
                Arguments.of("POST", "/experiments", "{\"name\":\"\"}", 400, "name"),
                Arguments.of("POST", "/experiments", "{\"name\":\"" + tooLong + "\"}", 400, "name"),
                Arguments.of("POST", "/experiments", "{\"name\":\"a\\u0007b\"}", 400, "name"),
                Arguments.of("POST", "/experiments", "{\"name\":5}", 400, "name"),
                Arguments.of("POST", "/experiments", "{\"name\":\"x\",\"tags\":\"a\"}", 400, "tags"),
                Arguments.of("POST", "/experiments", "{\"name\":\"x\",\"tags\":[\"" + "t".repeat(65) + "\"]}", 400, "tags[0]"),
                Arguments.of("POST", "/experiments", "{\"name\":\"x\",\"tags\":" + manyTags + "}", 400, "tags"),
                Arguments.of("POST", "/experiments", "{\"name\":\"x\",\"metadata\":[1]}", 400, "metadata"),
                Arguments.of("POST", "/experiments", "{\"name\":\"x\",\"metadata\":{\"k\":\"" + "v".repeat(70_000) + "\"}}", 400, "metadata"),
                Arguments.of("POST", "/experiments", "{\"name\":\"x\",\"visibility\":\"secret\"}", 400, "visibility"),
                Arguments.of("POST", "/experiments", "{\"name\":\"x\",\"id\":\"not-a-uuid\"}", 400, "id"),
                Arguments.of("POST", "/experiments", "{\"name\":\"x\",\"hyperparams\":5}", 400, "hyperparams"),
                Arguments.of("POST", "/experiments", "{\"name\":\"x\",\"hyperparams\":[{\"value\":1}]}", 400, "hyperparams[0].key"),
                Arguments.of("POST", "/experiments", "{\"name\":\"x\",\"references\":[\"" + UUID.randomUUID() + "\"]}", 400, "references[0]"),
                Arguments.of("POST", "/experiments", "{\"name\":\"x\",\"nmae\":\"typo\"}", 400, "nmae"),
                Arguments.of("POST", "/experiments", "{\"name\":", 400, null),
                Arguments.of("POST", "/experiments", "[1,2]", 400, null),
                Arguments.of("GET", "/experiments?limit=0", null, 400, "limit"),
                Arguments.of("GET", "/experiments?sort=size", null, 400, "sort"),
                Arguments.of("GET", "/experiments?status=paused", null, 400, "status"),
                Arguments.of("GET", "/experiments?cursor=garbage", null, 400, "cursor"),
                Arguments.of("POST", "/workspaces", "{\"description\":\"no name\"}", 400, "name"),
                Arguments.of("GET", "/experiments/" + UUID.randomUUID(), null, 404, null),
                Arguments.of("GET", "/no/such/route", null, 404, null),
                Arguments.of("PUT", "/experiments", "{}", 405, null));
    }

    @ParameterizedTest(name = "{0} {1} -> {3} naming {4}")
    @MethodSource("badRequests")
    void badInputIsAClearClientError(String method, String path, String body, int status, String field) {
        long before = api.get("/experiments?limit=500").items().size();
        Api.Reply r = api.send(method, path, body, "application/json");
        assertEquals(status, r.status(), r.toString());
        JsonObject error = r.error();
        assertNotNull(error.getString("code"));
        assertFalse(error.getString("message").isBlank());
        if (field != null) {
            assertEquals(field, error.getJsonObject("details").getString("field"), r.toString());
            assertTrue(error.getString("message").startsWith(field), r.toString());
        }
        assertEquals(before, api.get("/experiments?limit=500").items().size(), "nothing was stored");
    }

    @Test
    void patchValidationLeavesTheExperimentUntouched() {
        String id = api.createExperiment("untouched");
        Api.Reply r = api.patch("/experiments/" + id, "{\"name\":\"renamed\",\"status\":\"paused\"}");
        assertEquals(400, r.status(), r.toString());
        assertEquals("status", r.error().getJsonObject("details").getString("field"));
        assertEquals("untouched", api.get("/experiments/" + id).data().asJsonObject().getString("name"));
    }

    @Test
    void patchNullsClearWhatCanBeClearedAndRefuseTheRest() {
        String id = api.createExperiment(Json.createObjectBuilder().add("name", "nulls")
                .add("metadata", Json.createObjectBuilder().add("a", 1)).add("tags", Json.createArrayBuilder().add("t"))
                .build());
        String before = api.get("/experiments/" + id).data().asJsonObject().getString("updated_at");
        assertEquals(before, api.patch("/experiments/" + id, "{}").data().asJsonObject().getString("updated_at"),
                "an empty patch changes nothing");
        for (String field : List.of("name", "status", "visibility", "hyperparams")) {
            Api.Reply r = api.patch("/experiments/" + id, "{\"" + field + "\":null}");
            assertEquals(400, r.status(), r.toString());
            assertEquals(field, r.error().getJsonObject("details").getString("field"));
        }
        JsonObject cleared = api.patch("/experiments/" + id, "{\"metadata\":null,\"tags\":null}").data().asJsonObject();
        assertEquals(0, cleared.getJsonObject("metadata").size());
        assertEquals(0, cleared.getJsonArray("tags").size());
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private static Set<String> ids(Api.Reply r) {
        assertEquals(200, r.status(), r.toString());
        Set<String> out = new HashSet<>();
        r.items().forEach(e -> out.add(e.getString("id")));
        return out;
    }
}
