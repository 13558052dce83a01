package dev.tora.core.domain.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tora.core.domain.error.ToraException;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentRulesTest {

    @Test
    void tagsAreDeduplicatedKeepingFirstSeenOrder() {
        assertEquals(List.of("b", "a", "c"), ExperimentRules.tags(List.of("b", "a", "b", "c", "a"), "tags"));
    }

    @Test
    void atMostAHundredDistinctTagsOfSixtyFourCharacters() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add("t" + i);
        }
        assertEquals(100, ExperimentRules.tags(many, "tags").size());
        many.add("t0");
        assertEquals(100, ExperimentRules.tags(many, "tags").size(), "a duplicate does not count");
        many.add("t100");
        assertEquals("tags", field(() -> ExperimentRules.tags(many, "tags")));
        assertEquals("tags[1]", field(() -> ExperimentRules.tags(List.of("ok", "x".repeat(65)), "tags")));
        assertEquals("tags[0]", field(() -> ExperimentRules.tags(List.of(" "), "tags")));
        assertEquals(List.of("x".repeat(64)), ExperimentRules.tags(List.of("x".repeat(64)), "tags"));
    }

    @Test
    void namesAreOneTo255PrintableCharacters() {
        assertEquals("a/b: c", ExperimentRules.name("a/b: c", "name"));
        assertEquals("\uD83D\uDE80".repeat(255), ExperimentRules.name("\uD83D\uDE80".repeat(255), "name"),
                "length counts characters, not UTF-16 units");
        assertEquals("name", field(() -> ExperimentRules.name("n".repeat(256), "name")));
        assertEquals("name", field(() -> ExperimentRules.name("", "name")));
        assertEquals("name", field(() -> ExperimentRules.name(null, "name")));
        assertEquals("name", field(() -> ExperimentRules.name("tab\there", "name")));
        assertEquals("name", field(() -> ExperimentRules.name("broken \uD83D pair", "name")));
    }

    @Test
    void metadataIsAnObjectOfAtMost64KiB() {
        assertNull(ExperimentRules.metadata(null, "metadata"));
        assertEquals("{\"a\":1}", ExperimentRules.metadata(Json.createObjectBuilder().add("a", 1).build(), "metadata"));
        assertEquals("metadata", field(() -> ExperimentRules.metadata(Json.createArrayBuilder().build(), "metadata")));
        String big = "v".repeat(64 * 1024);
        assertEquals("metadata", field(() -> ExperimentRules.metadata(
                Json.createObjectBuilder().add("k", big).build(), "metadata")));
        assertEquals(Json.createObjectBuilder().add("a", 1).build(), ExperimentRules.parseMetadata("{\"a\":1}"));
        assertEquals(0, ExperimentRules.parseMetadata(null).size());
    }

    @Test
    void idsAreCanonicalUuids() {
        String id = "123e4567-e89b-12d3-a456-426614174000";
        assertEquals(id, ExperimentRules.uuid(id.toUpperCase(java.util.Locale.ROOT), "id"));
        assertEquals("id", field(() -> ExperimentRules.uuid("123e4567-e89b-12d3-a456-42661417400", "id")));
        assertEquals("id", field(() -> ExperimentRules.uuid("1-1-1-1-1", "id")));
    }

    private static String field(Runnable r) {
        ToraException e = assertThrows(ToraException.class, r::run);
        return (String) e.details().get("field");
    }
}
