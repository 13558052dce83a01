package dev.tora.core.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.core.domain.error.ToraException;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed query is a 400 on field {@code query} that says what is wrong and at which offset. */
class QueryErrorTest {

    static Stream<Arguments> malformed() {
        String terms = String.join(" OR ", Collections.nCopies(QueryLimits.MAX_TERMS + 1, "name=a"));
        StringBuilder values = new StringBuilder("tags in (");
        for (int i = 0; i <= QueryLimits.MAX_TERMS; i++) {
            values.append(i == 0 ? "" : ",").append("'t").append(i % 10).append('\'');
        }
        String list = values.append(')').toString();
        return Stream.of(
                // the lexer
                Arguments.of("name = \"abc", "unterminated string", 7),
                Arguments.of("name = 'a\\q'", "unknown escape in a string; only \\\\, \\\" and \\' are escapes", 9),
                Arguments.of("name = a #", "unexpected character '#'", 9),
                Arguments.of("name ! 'a'", "unexpected '!'; write != for not equal, or NOT before a condition", 5),
                Arguments.of("params.x > 1e", "invalid number '1e'", 11),
                Arguments.of("params.x > 12abc", "invalid number '12abc'", 11),
                Arguments.of("params.x > -3days", "invalid number '-3days'", 11),
                Arguments.of("params.x > 1e999", "number '1e999' is out of range", 11),
                Arguments.of("created > 7d", "a relative time is in the past: write -7d", 10),
                Arguments.of("created > -99999999999999999999d", "relative time '-99999999999999999999d' is out of range", 10),
                Arguments.of("params. = 1", "expected a key after '.' (quote keys with other characters: \"my key\")", 7),
                Arguments.of("params.\"\" = 1", "a key cannot be empty", 7),
                // the grammar
                Arguments.of("metrics.loss >", "expected a value after '>'", 14),
                Arguments.of("name = and", "expected a value after '='", 7),
                Arguments.of("params.x = params.y", "expected a value after '='", 11),
                Arguments.of("name", "expected an operator (=, !=, <, <=, >, >=, ~ or in) after name", 4),
                Arguments.of("params.lr 'x'", "expected an operator (=, !=, <, <=, >, >=, ~ or in) after params.lr", 10),
                Arguments.of("AND name = a", "expected a field, such as name, tags, params.<key> or metrics.<name>", 0),
                Arguments.of("name = a AND", "expected a field after 'AND', such as name, tags, params.<key> or metrics.<name>", 12),
                Arguments.of("name = a or ()", "expected a field after '(', such as name, tags, params.<key> or metrics.<name>", 13),
                Arguments.of("(name = a", "expected ')' to close the '(' at offset 0", 9),
                Arguments.of("name = a)", "')' without a matching '('", 8),
                Arguments.of("name = a name = b", "expected AND or OR before 'name'", 9),
                Arguments.of("(name = a name = b)", "expected AND, OR or ')' before 'name'", 10),
                Arguments.of("tags in 'a'", "expected '(' after 'in'", 8),
                Arguments.of("tags in ('a' 'b')", "expected ',' or ')' in the list of 'in'", 13),
                Arguments.of("tags in ()", "expected a value after 'in ('", 9),
                Arguments.of("tags in ('a',)", "expected a value after ','", 13),
                // fields
                Arguments.of("foo = 1", "unknown field 'foo'; the fields are " + FieldNames.QUERY_FIELDS, 0),
                Arguments.of("duration > 5", "unknown field 'duration'; the fields are " + FieldNames.QUERY_FIELDS, 0),
                Arguments.of("name.first = 'a'", "unknown field 'name.first'; the fields are " + FieldNames.QUERY_FIELDS, 0),
                Arguments.of("x AND params = 1", "unknown field 'x'; the fields are " + FieldNames.QUERY_FIELDS, 0),
                Arguments.of("params = 1", "expected '.' and a key after 'params'", 6),
                Arguments.of("metrics > 1", "expected '.' and a key after 'metrics'", 7),
                // operators and values that do not fit the field
                Arguments.of("name < 'a'", "'<' does not apply to name; use =, !=, ~ or in", 5),
                Arguments.of("name = 5", "name takes a string", 7),
                Arguments.of("name = null", "name takes a string", 7),
                Arguments.of("description ~ null", "'~' takes a string", 14),
                Arguments.of("tags = true", "tags takes a string or null", 7),
                Arguments.of("status = paused", "status takes one of running, finished, failed, killed", 9),
                Arguments.of("status in (running, 3)", "status takes one of running, finished, failed, killed", 20),
                Arguments.of("status > running", "'>' does not apply to status; use =, != or in", 7),
                Arguments.of("created > 'yesterday'", "created takes a date such as \"2026-11-01\"", 10),
                Arguments.of("created = '2026-13-01'", "created takes a date such as \"2026-11-01\"", 10),
                Arguments.of("created = null", "created takes a date such as \"2026-11-01\"", 10),
                Arguments.of("ended < null", "ended takes a date such as \"2026-11-01\"", 8),
                Arguments.of("created ~ '2026'", "'~' does not apply to created; use =, !=, <, <=, >, >= or in", 8),
                Arguments.of("params.lr < 'a'", "'<' takes a number", 12),
                Arguments.of("params.lr >= null", "'>=' takes a number", 13),
                Arguments.of("params.lr ~ 1", "'~' takes a string", 12),
                Arguments.of("params.lr = -7d", "params.lr takes a number, a string, true, false or null", 12),
                Arguments.of("metrics.loss ~ 'a'", "'~' does not apply to metrics.loss.last; use =, !=, <, <=, >, >= or in", 13),
                Arguments.of("metrics.loss = 'low'", "metrics.loss.last takes a number (or \"NaN\", \"Infinity\", \"-Infinity\")", 15),
                Arguments.of("metrics.loss = true", "metrics.loss.last takes a number (or \"NaN\", \"Infinity\", \"-Infinity\")", 15),
                Arguments.of("metrics.loss < 'NaN'", "NaN is not ordered; compare it with = or !=", 15),
                Arguments.of("metrics.loss.min = 'NaN'", "only last values can be NaN; metrics.loss.min never is", 19),
                // limits
                Arguments.of("name = a OR " + "x".repeat(QueryLimits.MAX_LENGTH), "is longer than 4000 characters", 4000),
                Arguments.of("(".repeat(QueryLimits.MAX_DEPTH + 1) + "name=a" + ")".repeat(QueryLimits.MAX_DEPTH + 1),
                        "nests deeper than 32 levels of parentheses and NOT", QueryLimits.MAX_DEPTH),
                Arguments.of("NOT ".repeat(QueryLimits.MAX_DEPTH + 1) + "name=a",
                        "nests deeper than 32 levels of parentheses and NOT", 4 * QueryLimits.MAX_DEPTH),
                Arguments.of(terms, "has more than 200 conditions", 10 * QueryLimits.MAX_TERMS),
                Arguments.of(list, "has more than 200 conditions", 9 + 5 * QueryLimits.MAX_TERMS));
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @MethodSource("malformed")
    void saysWhatIsWrongAndWhere(String query, String problem, int position) {
        ToraException e = assertThrows(ToraException.class, () -> QueryParser.parse(query));
        assertEquals(ToraException.Kind.INVALID, e.kind());
        assertEquals("query", e.details().get("field"));
        assertEquals(position, e.details().get("position"), e.getMessage());
        String suffix = " at position " + position;
        assertTrue(e.getMessage().startsWith("query: " + problem), e.getMessage());
        assertTrue(e.getMessage().endsWith(suffix), e.getMessage());
        if (!problem.endsWith("\"2026-11-01\"")) {
            assertEquals("query: " + problem + suffix, e.getMessage());
        }
    }
}
