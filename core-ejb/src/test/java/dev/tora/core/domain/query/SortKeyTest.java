package dev.tora.core.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tora.core.domain.error.ToraException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sort keys use the fields and key syntax of queries; a bad one is a 400 on {@code sort}. */
class SortKeyTest {

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("name", Attribute.NAME, "name"),
                Arguments.of("Status", Attribute.STATUS, "status"),
                Arguments.of("created", Attribute.CREATED, "created"),
                Arguments.of("created_at", Attribute.CREATED, "created"),
                Arguments.of("updated_at", Attribute.UPDATED, "updated"),
                Arguments.of("ended", Attribute.ENDED, "ended"),
                Arguments.of(" duration ", Attribute.DURATION, "duration"),
                Arguments.of("params.optim.lr", new Param("optim.lr"), "params.optim.lr"),
                Arguments.of("params.\"my key\"", new Param("my key"), "params.\"my key\""),
                Arguments.of("metrics.loss", new Metric("loss", Aggregate.LAST), "metrics.loss.last"),
                Arguments.of("metrics.loss.last", new Metric("loss", Aggregate.LAST), "metrics.loss.last"),
                Arguments.of("metrics.loss.min", new Metric("loss", Aggregate.MIN), "metrics.loss.min"),
                Arguments.of("metrics.val.loss.count", new Metric("val.loss", Aggregate.COUNT), "metrics.val.loss.count"),
                Arguments.of("metrics.'val loss'.max", new Metric("val loss", Aggregate.MAX), "metrics.\"val loss\".max"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void parsesAndWritesTheKey(String text, Field field, String canonical) {
        SortKey key = SortKey.parse(text, "sort");
        assertEquals(new SortKey(field), key);
        assertEquals(canonical, key.text());
        assertEquals(key, SortKey.parse(key.text(), "sort"));
    }

    @Test
    void noKeyIsNewestFirstByCreation() {
        assertEquals(SortKey.CREATED, SortKey.parse(null, "sort"));
        assertEquals(SortKey.CREATED, SortKey.parse("  ", "sort"));
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("size", "cannot sort by 'size'; sort by " + FieldNames.SORT_KEYS, 0),
                Arguments.of("tags", "cannot sort by 'tags'; sort by " + FieldNames.SORT_KEYS, 0),
                Arguments.of("description", "cannot sort by 'description'; sort by " + FieldNames.SORT_KEYS, 0),
                Arguments.of("name desc", "unexpected 'desc' after the sort key", 5),
                Arguments.of("metrics", "expected '.' and a key after 'metrics'", 7),
                Arguments.of("params.", "expected a key after '.' (quote keys with other characters: \"my key\")", 7),
                Arguments.of("(name)", "expected a sort key: " + FieldNames.SORT_KEYS, 0),
                Arguments.of("\"name\"", "expected a sort key: " + FieldNames.SORT_KEYS, 0),
                Arguments.of("metrics.\"loss", "unterminated string", 8),
                Arguments.of("params." + "k".repeat(QueryLimits.MAX_SORT_LENGTH), "is longer than 1000 characters", 1000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void aBadKeyNamesSortAndThePosition(String text, String problem, int position) {
        ToraException e = assertThrows(ToraException.class, () -> SortKey.parse(text, "sort"));
        assertEquals("sort: " + problem + " at position " + position, e.getMessage());
        assertEquals("sort", e.details().get("field"));
        assertEquals(position, e.details().get("position"));
    }
}
