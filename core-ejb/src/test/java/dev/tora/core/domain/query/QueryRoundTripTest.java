package dev.tora.core.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tree -> canonical text -> the same tree, for handwritten queries and for thousands of random
 * trees (seeded, so a failure repeats with the seed it names).
 */
class QueryRoundTripTest {

    private static final int RANDOM_TREES = 3000;

    static Stream<String> handwritten() {
        return Stream.of(
                "name ~ \"resnet\" AND (params.lr < 0.01 OR params.optim.lr < 0.01) AND NOT tags = \"debug\"",
                "metrics.\"val loss\".min <= 0.25 OR metrics.loss = \"NaN\" OR metrics.acc@1 > 0.9",
                "status in (running, killed) AND created >= \"2026-11-01\" AND ended = null",
                "NOT (NOT name = a OR name = b) AND (name = c AND (name = d OR name = e))",
                "params.\"optim.lr\" in (1e-3, 0.01, \"auto\", true, null) AND updated > -36h",
                "metrics.\"loss.min\" > -1 AND metrics.val.min.last = 5 AND metrics.min < \"Infinity\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handwritten")
    void canonicalTextParsesBackToTheSameTree(String query) {
        Expr tree = QueryParser.parse(query);
        String canonical = QueryText.of(tree);
        assertEquals(tree, QueryParser.parse(canonical), canonical);
        assertEquals(canonical, QueryText.of(QueryParser.parse(canonical)), "canonical text is a fixed point");
    }

    @Test
    void canonicalTextHasKeywordsInUpperCaseAndMinimalParentheses() {
        assertEquals("name = \"a\" OR name = \"b\" AND NOT name = \"c\"",
                QueryText.of(QueryParser.parse("name=a or (name=b and not name=c)")));
        assertEquals("(name = \"a\" OR name = \"b\") AND NOT (name = \"c\" OR name = \"d\")",
                QueryText.of(QueryParser.parse("(name=a or name=b) and not (name=c or name=d)")));
        assertEquals("metrics.loss.last < 0.5 AND params.optim.lr = 0.001 AND params.\"my key\" = \"v\"",
                QueryText.of(QueryParser.parse("metrics.loss < .5 and params.optim.lr = 1e-3 and params.'my key' = 'v'")));
        assertEquals("metrics.\"val loss\".last in (1, \"NaN\", \"-Infinity\")",
                QueryText.of(QueryParser.parse("metrics.'val loss' in (1.0, \"NaN\", '-Infinity')")));
    }

    @Test
    void randomTreesSurviveTheRoundTrip() {
        for (long seed = 0; seed < RANDOM_TREES; seed++) {
            Expr tree = new RandomQueries(seed).expr((int) (seed % 5));
            String text = QueryText.of(tree);
            assertEquals(tree, QueryParser.parse(text), "seed " + seed + ": " + text);
        }
    }

    @Test
    void randomSortKeysSurviveTheRoundTrip() {
        for (long seed = 0; seed < RANDOM_TREES; seed++) {
            RandomQueries random = new RandomQueries(seed);
            for (SortKey key : new SortKey[] {new SortKey(new Param(random.key())),
                new SortKey(new Metric(random.key(), Aggregate.values()[(int) (seed % 4)]))}) {
                assertEquals(key, SortKey.parse(key.text(), "sort"), "seed " + seed + ": " + key.text());
            }
        }
    }
}
