package dev.tora.core.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tora.core.domain.query.Expr.And;
import dev.tora.core.domain.query.Expr.Compare;
import dev.tora.core.domain.query.Expr.In;
import dev.tora.core.domain.query.Expr.Not;
import dev.tora.core.domain.query.Expr.Or;
import dev.tora.core.domain.query.Value.Ago;
import dev.tora.core.domain.query.Value.Bool;
import dev.tora.core.domain.query.Value.Null;
import dev.tora.core.domain.query.Value.Num;
import dev.tora.core.domain.query.Value.Text;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each piece of the query language parses to. */
class QueryParserTest {

    private static final Compare A = new Compare(Attribute.NAME, Operator.EQ, new Text("a"));
    private static final Compare B = new Compare(Attribute.NAME, Operator.EQ, new Text("b"));
    private static final Compare C = new Compare(Attribute.NAME, Operator.EQ, new Text("c"));
    private static final Compare D = new Compare(Attribute.NAME, Operator.EQ, new Text("d"));

    static Stream<Arguments> queries() {
        return Stream.of(
                // attributes, operators and values
                Arguments.of("name = \"resnet\"", cmp(Attribute.NAME, Operator.EQ, new Text("resnet"))),
                Arguments.of("name != 'x'", cmp(Attribute.NAME, Operator.NE, new Text("x"))),
                Arguments.of("name ~ resnet", cmp(Attribute.NAME, Operator.CONTAINS, new Text("resnet"))),
                Arguments.of("NAME~\"a\\\"b\\\\c\\'\"", cmp(Attribute.NAME, Operator.CONTAINS, new Text("a\"b\\c'"))),
                Arguments.of("description = null", cmp(Attribute.DESCRIPTION, Operator.EQ, new Null())),
                Arguments.of("tags = \"cv\"", cmp(Attribute.TAGS, Operator.EQ, new Text("cv"))),
                Arguments.of("tags != null", cmp(Attribute.TAGS, Operator.NE, new Null())),
                Arguments.of("status = RUNNING", cmp(Attribute.STATUS, Operator.EQ, new Text("running"))),
                Arguments.of("status in (finished, 'Failed')", new In(Attribute.STATUS,
                        List.of(new Text("finished"), new Text("failed")))),
                Arguments.of("created >= \"2026-11-01\"", cmp(Attribute.CREATED, Operator.GE, new Text("2026-11-01"))),
                Arguments.of("created > -7d", cmp(Attribute.CREATED, Operator.GT, new Ago(7, Value.TimeUnit.DAYS))),
                Arguments.of("updated<=-12h", cmp(Attribute.UPDATED, Operator.LE, new Ago(12, Value.TimeUnit.HOURS))),
                Arguments.of("ended < 1767225600000", cmp(Attribute.ENDED, Operator.LT, new Num(1767225600000.0))),
                Arguments.of("ended = null", cmp(Attribute.ENDED, Operator.EQ, new Null())),
                // params: dotted keys are keys, quoted segments keep any character
                Arguments.of("params.lr < 0.01", cmp(new Param("lr"), Operator.LT, new Num(0.01))),
                Arguments.of("params.optim.lr >= -1.5e-3", cmp(new Param("optim.lr"), Operator.GE, new Num(-1.5e-3))),
                Arguments.of("params.\"optim.lr\" = .5", cmp(new Param("optim.lr"), Operator.EQ, new Num(0.5))),
                Arguments.of("params.\"my key\" = 'v'", cmp(new Param("my key"), Operator.EQ, new Text("v"))),
                Arguments.of("params.model.'head size' = 3", cmp(new Param("model.head size"), Operator.EQ, new Num(3))),
                Arguments.of("params.layers.0.units = 64", cmp(new Param("layers.0.units"), Operator.EQ, new Num(64))),
                Arguments.of("params.lr-schedule = cosine", cmp(new Param("lr-schedule"), Operator.EQ, new Text("cosine"))),
                Arguments.of("params.amp = TRUE", cmp(new Param("amp"), Operator.EQ, new Bool(true))),
                Arguments.of("params.amp != false", cmp(new Param("amp"), Operator.NE, new Bool(false))),
                Arguments.of("params.note = null", cmp(new Param("note"), Operator.EQ, new Null())),
                Arguments.of("params.optimizer ~ \"adam\"", cmp(new Param("optimizer"), Operator.CONTAINS, new Text("adam"))),
                Arguments.of("params.min = 1", cmp(new Param("min"), Operator.EQ, new Num(1))),
                Arguments.of("params.x in (1, \"a\", true, null)", new In(new Param("x"),
                        List.of(new Num(1), new Text("a"), new Bool(true), new Null()))),
                // metrics: the last segment is the aggregate only when bare and one of the four
                Arguments.of("metrics.loss < 0.5", cmp(new Metric("loss", Aggregate.LAST), Operator.LT, new Num(0.5))),
                Arguments.of("metrics.loss.min < 0.5", cmp(new Metric("loss", Aggregate.MIN), Operator.LT, new Num(0.5))),
                Arguments.of("metrics.loss.MAX > 2", cmp(new Metric("loss", Aggregate.MAX), Operator.GT, new Num(2))),
                Arguments.of("metrics.loss.count >= 100", cmp(new Metric("loss", Aggregate.COUNT), Operator.GE, new Num(100))),
                Arguments.of("metrics.val.loss.last = 1", cmp(new Metric("val.loss", Aggregate.LAST), Operator.EQ, new Num(1))),
                Arguments.of("metrics.val.loss = 1", cmp(new Metric("val.loss", Aggregate.LAST), Operator.EQ, new Num(1))),
                Arguments.of("metrics.\"val loss\".min = 1", cmp(new Metric("val loss", Aggregate.MIN), Operator.EQ, new Num(1))),
                Arguments.of("metrics.\"loss.min\" = 1", cmp(new Metric("loss.min", Aggregate.LAST), Operator.EQ, new Num(1))),
                Arguments.of("metrics.loss.\"min\" = 1", cmp(new Metric("loss.min", Aggregate.LAST), Operator.EQ, new Num(1))),
                Arguments.of("metrics.min = 1", cmp(new Metric("min", Aggregate.LAST), Operator.EQ, new Num(1))),
                Arguments.of("metrics.train/loss = 1", cmp(new Metric("train/loss", Aggregate.LAST), Operator.EQ, new Num(1))),
                Arguments.of("metrics.acc@1 > 0.9", cmp(new Metric("acc@1", Aggregate.LAST), Operator.GT, new Num(0.9))),
                Arguments.of("metrics.loss = \"NaN\"", cmp(new Metric("loss", Aggregate.LAST), Operator.EQ, new Num(Double.NaN))),
                Arguments.of("metrics.loss != 'NaN'", cmp(new Metric("loss", Aggregate.LAST), Operator.NE, new Num(Double.NaN))),
                Arguments.of("metrics.loss > \"-Infinity\"", cmp(new Metric("loss", Aggregate.LAST), Operator.GT,
                        new Num(Double.NEGATIVE_INFINITY))),
                Arguments.of("metrics.loss.max < \"Infinity\"", cmp(new Metric("loss", Aggregate.MAX), Operator.LT,
                        new Num(Double.POSITIVE_INFINITY))),
                Arguments.of("metrics.loss in (1, -2, \"NaN\")", new In(new Metric("loss", Aggregate.LAST),
                        List.of(new Num(1), new Num(-2), new Num(Double.NaN)))),
                // numbers
                Arguments.of("params.x = -0", cmp(new Param("x"), Operator.EQ, new Num(-0.0))),
                Arguments.of("params.x = 1E3", cmp(new Param("x"), Operator.EQ, new Num(1000))),
                Arguments.of("params.x = -.25", cmp(new Param("x"), Operator.EQ, new Num(-0.25))),
                Arguments.of("params.x = 5.", cmp(new Param("x"), Operator.EQ, new Num(5))),
                Arguments.of("params.x=-2e+2", cmp(new Param("x"), Operator.EQ, new Num(-200))),
                // keywords in any case, whitespace anywhere between tokens
                Arguments.of("  name='a'and name='b'  ", new And(List.of(A, B))),
                Arguments.of("not name = 'a'", new Not(A)),
                Arguments.of("name = a Or name = b", new Or(List.of(A, B))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void parsesToTheTree(String query, Expr expected) {
        assertEquals(expected, QueryParser.parse(query));
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertEquals(new Or(List.of(A, new And(List.of(B, C)))), QueryParser.parse("name=a OR name=b AND name=c"));
        assertEquals(new Or(List.of(new And(List.of(A, B)), new And(List.of(C, D)))),
                QueryParser.parse("name=a AND name=b OR name=c AND name=d"));
        assertEquals(new And(List.of(new Not(A), B)), QueryParser.parse("NOT name=a AND name=b"));
        assertEquals(new Or(List.of(new Not(A), B)), QueryParser.parse("NOT name=a OR name=b"));
        assertEquals(new Not(new Not(A)), QueryParser.parse("NOT NOT name=a"));
    }

    @Test
    void parenthesesOverridePrecedenceAndKeepTheirGrouping() {
        assertEquals(new And(List.of(new Or(List.of(A, B)), C)), QueryParser.parse("(name=a OR name=b) AND name=c"));
        assertEquals(new Not(new Or(List.of(A, B))), QueryParser.parse("NOT (name=a OR name=b)"));
        assertEquals(new And(List.of(A, new And(List.of(B, C)))), QueryParser.parse("name=a AND (name=b AND name=c)"));
        assertEquals(A, QueryParser.parse("((name=a))"));
        assertEquals(new Or(List.of(A, B, C)), QueryParser.parse("name=a OR name=b OR name=c"));
    }

    @Test
    void aBlankQueryIsNoCondition() {
        assertNull(QueryParser.parse(null));
        assertNull(QueryParser.parse(""));
        assertNull(QueryParser.parse(" \t\n"));
    }

    @Test
    void relativeTimesTakeEveryUnit() {
        for (Value.TimeUnit unit : Value.TimeUnit.values()) {
            assertEquals(cmp(Attribute.CREATED, Operator.GT, new Ago(3, unit)),
                    QueryParser.parse("created > -3" + unit.letter()));
        }
    }

    @Test
    void queriesAtTheLimitsStillParse() {
        String longest = "name = \"" + "x".repeat(QueryLimits.MAX_LENGTH - 9) + "\"";
        assertEquals(QueryLimits.MAX_LENGTH, longest.length());
        assertEquals(cmp(Attribute.NAME, Operator.EQ, new Text("x".repeat(QueryLimits.MAX_LENGTH - 9))),
                QueryParser.parse(longest));
        String deepest = "(".repeat(QueryLimits.MAX_DEPTH) + "name=a" + ")".repeat(QueryLimits.MAX_DEPTH);
        assertEquals(A, QueryParser.parse(deepest));
        String most = String.join(" OR ", java.util.Collections.nCopies(QueryLimits.MAX_TERMS, "name=a"));
        assertEquals(QueryLimits.MAX_TERMS, ((Or) QueryParser.parse(most)).terms().size());
    }

    private static Compare cmp(Field f, Operator op, Value v) {
        return new Compare(f, op, v);
    }
}
