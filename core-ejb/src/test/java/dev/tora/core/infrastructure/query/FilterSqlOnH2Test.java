package dev.tora.core.infrastructure.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tora.core.domain.query.QueryParser;
import dev.tora.core.domain.query.SortKey;
import dev.tora.core.infrastructure.persistence.DatabaseKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated conditions executed on a real H2 with the real schema: which experiments each query finds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterSqlOnH2Test {

    static final long NOW = ms("2026-11-12T12:00:00Z");

    private final SearchDatabase db = new SearchDatabase();
    private final SearchSql sql = new SearchSql(DatabaseKind.H2);
    private final Map<String, String> names = new HashMap<>();

    @BeforeAll
    void experiments() throws SQLException {
        save(db.run("resnet-50 baseline").description("first try with 50% data").status("finished")
                .created(ms("2026-11-01T10:00:00Z")).ended(ms("2026-11-01T11:00:00Z")).tags("cv", "baseline")
                .param("lr", 0.1).param("epochs", 10L).param("optimizer", "adam").param("amp", true)
                .param("optim.lr", 0.01).param("my key", "x y").param("note", null)
                .metric("loss", 0.25, 0.2, 1.5, 100).metric("acc", 0.9).metric("val loss", 0.3));
        save(db.run("resnet-101").status("running").created(ms("2026-11-05T00:00:00Z")).tags("cv")
                .param("lr", 0.01).param("epochs", 20L).param("optimizer", "sgd").param("amp", false)
                .metric("loss", Double.NaN, 0.4, 2.0, 50).metric("acc", 0.7));
        save(db.run("bert_base").description("NLP").status("failed").created(ms("2026-10-20T08:00:00Z"))
                .ended(ms("2026-10-21T08:00:00Z")).tags("nlp", "big_model")
                .param("lr", 1e-4).param("epochs", 3L).param("optimizer", "adamw").param("batch", "32")
                .metric("loss", Double.POSITIVE_INFINITY, 0.5, 3.0, 10));
        save(db.run("gpt tiny").status("killed").created(ms("2026-11-10T00:00:00Z")).ended(ms("2026-11-10T06:00:00Z"))
                .param("lr", "auto").metric("val", 1.0, 0.5, 1.0, 2).metric("val.min", 5.0));
        String other = db.workspace("other");
        db.run("resnet-other").in(other).tags("cv").param("lr", 0.1).metric("loss", 0.1).save();
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                // name and description: =, !=, ~ (case-insensitive, wildcards literal), in, null
                row("name = \"resnet-101\"", "resnet-101"),
                row("name ~ \"RESNET\"", "resnet-50 baseline", "resnet-101"),
                row("name != \"resnet-101\"", "resnet-50 baseline", "bert_base", "gpt tiny"),
                row("name in (\"bert_base\", \"gpt tiny\", \"nope\")", "bert_base", "gpt tiny"),
                row("name ~ \"_\"", "bert_base"),
                row("name ~ \"t_b\"", "bert_base"),
                row("description ~ \"50%\"", "resnet-50 baseline"),
                row("description ~ \"0%d\""),
                row("description = null", "resnet-101", "gpt tiny"),
                row("description != null", "resnet-50 baseline", "bert_base"),
                row("description ~ \"nlp\"", "bert_base"),
                row("NOT description ~ \"nlp\"", "resnet-50 baseline", "resnet-101", "gpt tiny"),
                row("description != \"NLP\"", "resnet-50 baseline"),
                // tags: = has it, != has it not, ~ some tag contains it
                row("tags = \"cv\"", "resnet-50 baseline", "resnet-101"),
                row("tags != \"cv\"", "bert_base", "gpt tiny"),
                row("tags ~ \"MOD\"", "bert_base"),
                row("tags in (\"nlp\", \"baseline\")", "resnet-50 baseline", "bert_base"),
                row("tags = null", "gpt tiny"),
                row("tags != null", "resnet-50 baseline", "resnet-101", "bert_base"),
                // status
                row("status = finished", "resnet-50 baseline"),
                row("status in (running, killed)", "resnet-101", "gpt tiny"),
                row("status != running", "resnet-50 baseline", "bert_base", "gpt tiny"),
                // times: dates are whole UTC days, months whole months, relative times count back from now
                row("created >= \"2026-11-01\"", "resnet-50 baseline", "resnet-101", "gpt tiny"),
                row("created < \"2026-11-01\"", "bert_base"),
                row("created = \"2026-11-05\"", "resnet-101"),
                row("created != \"2026-11-05\"", "resnet-50 baseline", "bert_base", "gpt tiny"),
                row("created = \"2026-11\"", "resnet-50 baseline", "resnet-101", "gpt tiny"),
                row("created > \"2026-11-01T10:00:00Z\"", "resnet-101", "gpt tiny"),
                row("created <= \"2026-11-01T10:00:00Z\"", "resnet-50 baseline", "bert_base"),
                row("created <= \"2026-11-01 12:00:00+02:00\"", "resnet-50 baseline", "bert_base"),
                row("created > -7d", "gpt tiny"),
                row("created > -30d", "resnet-50 baseline", "resnet-101", "bert_base", "gpt tiny"),
                row("created in (\"2026-11-05\", \"2026-10-20\")", "resnet-101", "bert_base"),
                row("created >= " + ms("2026-11-10T00:00:00Z"), "gpt tiny"),
                row("ended = null", "resnet-101"),
                row("ended != null", "resnet-50 baseline", "bert_base", "gpt tiny"),
                row("ended > \"2026-11-01\"", "gpt tiny"),
                row("ended >= \"2026-11-01\"", "resnet-50 baseline", "gpt tiny"),
                row("NOT ended > \"2026-11-01\"", "resnet-50 baseline", "resnet-101", "bert_base"),
                row("updated >= \"2026-11-05\"", "resnet-101", "gpt tiny"),
                // params: numbers match numeric params, strings string params, booleans bool params
                row("params.lr > 0.05", "resnet-50 baseline"),
                row("params.lr < 0.05", "resnet-101", "bert_base"),
                row("params.lr <= 0.01", "resnet-101", "bert_base"),
                row("params.lr = 1e-4", "bert_base"),
                row("params.lr = \"auto\"", "gpt tiny"),
                row("params.lr ~ \"AU\"", "gpt tiny"),
                row("NOT params.lr > 0.05", "resnet-101", "bert_base", "gpt tiny"),
                row("params.epochs >= 10", "resnet-50 baseline", "resnet-101"),
                row("params.epochs = 3", "bert_base"),
                row("params.epochs != 3", "resnet-50 baseline", "resnet-101"),
                row("params.optimizer = \"adam\"", "resnet-50 baseline"),
                row("params.optimizer ~ \"adam\"", "resnet-50 baseline", "bert_base"),
                row("params.optimizer != \"adam\"", "resnet-101", "bert_base"),
                row("NOT params.optimizer = \"adam\"", "resnet-101", "bert_base", "gpt tiny"),
                row("params.amp = true", "resnet-50 baseline"),
                row("params.amp = false", "resnet-101"),
                row("params.amp != true", "resnet-101"),
                row("params.amp = 1"),
                row("params.batch = 32"),
                row("params.batch = \"32\"", "bert_base"),
                row("params.optim.lr = 0.01", "resnet-50 baseline"),
                row("params.\"optim.lr\" = 0.01", "resnet-50 baseline"),
                row("params.\"my key\" = \"x y\"", "resnet-50 baseline"),
                row("params.note = null", "resnet-50 baseline"),
                row("params.note != null"),
                row("params.lr != null", "resnet-50 baseline", "resnet-101", "bert_base", "gpt tiny"),
                row("params.lr in (0.1, \"auto\")", "resnet-50 baseline", "gpt tiny"),
                row("params.missing = 1"),
                row("NOT params.missing = 1", "resnet-50 baseline", "resnet-101", "bert_base", "gpt tiny"),
                // metrics: last (NaN unordered, infinities ordered), min, max, count; missing never matches
                row("metrics.loss < 0.5", "resnet-50 baseline"),
                row("metrics.loss > 0.5", "bert_base"),
                row("metrics.loss >= 0", "resnet-50 baseline", "bert_base"),
                row("metrics.loss != 0.25", "bert_base"),
                row("metrics.loss = 0.25", "resnet-50 baseline"),
                row("NOT metrics.loss < 0.5", "resnet-101", "bert_base", "gpt tiny"),
                row("NOT metrics.loss > 0.5", "resnet-50 baseline", "resnet-101", "gpt tiny"),
                row("metrics.loss = \"NaN\"", "resnet-101"),
                row("metrics.loss != \"NaN\"", "resnet-50 baseline", "bert_base"),
                row("metrics.loss = \"Infinity\"", "bert_base"),
                row("metrics.loss < \"Infinity\"", "resnet-50 baseline"),
                row("metrics.loss > \"-Infinity\"", "resnet-50 baseline", "bert_base"),
                row("metrics.loss.last > 1e308", "bert_base"),
                row("metrics.loss.min <= 0.4", "resnet-50 baseline", "resnet-101"),
                row("metrics.loss.max > 1.9", "resnet-101", "bert_base"),
                row("metrics.loss.count >= 50", "resnet-50 baseline", "resnet-101"),
                row("metrics.loss.count = 10", "bert_base"),
                row("metrics.acc > 0.8", "resnet-50 baseline"),
                row("metrics.\"val loss\" < 1", "resnet-50 baseline"),
                row("metrics.\"val loss\".last < 1", "resnet-50 baseline"),
                row("metrics.val.min < 1", "gpt tiny"),
                row("metrics.\"val.min\" = 5", "gpt tiny"),
                row("metrics.val.min.last = 5", "gpt tiny"),
                row("metrics.loss in (0.25, \"NaN\")", "resnet-50 baseline", "resnet-101"),
                row("metrics.nope < 1"),
                // AND binds tighter than OR; NOT tighter than AND; parentheses group
                row("tags = \"cv\" AND metrics.loss < 0.5 OR status = failed", "resnet-50 baseline", "bert_base"),
                row("tags = \"cv\" AND (metrics.loss < 0.5 OR status = failed)", "resnet-50 baseline"),
                row("NOT (tags = \"cv\" OR tags = \"nlp\")", "gpt tiny"),
                row("NOT tags = \"cv\" AND NOT tags = \"nlp\"", "gpt tiny"),
                row("(name ~ \"resnet\" OR name ~ \"bert\") AND NOT params.optimizer = \"sgd\"",
                        "resnet-50 baseline", "bert_base"),
                // values are bound, never spliced into the SQL
                row("name = \"x'); DROP TABLE experiment; --\""),
                row("params.\"'; DELETE FROM experiment_param; --\" = 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void findsExactlyTheMatchingExperimentsOfTheWorkspace(String query, Set<String> expected) throws SQLException {
        Selection selection = new Selection(List.of(SearchDatabase.DEFAULT_WORKSPACE), QueryParser.parse(query), NOW);
        try (Connection c = db.ds.getConnection()) {
            SearchStatement page = sql.page(selection, SortKey.parse("name", "sort"), false, null, 0, 100, true);
            CountedPage counted = SearchJdbc.counted(c, page, sql.count(selection));
            Set<String> found = counted.rows().stream().map(r -> names.get(r.id()))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(expected), found, page.sql().sql());
            assertEquals(expected.size(), counted.total(), "the total that comes with the page");
            assertEquals(expected.size(), SearchJdbc.count(c, sql.count(selection)), "the separate count agrees");
        }
    }

    @Test
    void valuesNeverAppearInTheSqlText() {
        String query = "name = \"x'; DROP TABLE experiment; --\" OR params.\"k'\" ~ \"50%\" OR metrics.\"m'\" < 1";
        SqlFragment where = new FilterSql(DatabaseKind.H2, NOW).where(QueryParser.parse(query));
        assertFalse(where.sql().contains("DROP"), where.sql());
        assertFalse(where.sql().contains("k'"), where.sql());
        assertFalse(where.sql().contains("m'"), where.sql());
        assertFalse(where.sql().contains("50"), where.sql());
        assertEquals(List.of("x'; DROP TABLE experiment; --", "k'", "%50!%%", "m'", 1.0), where.params());
    }

    private void save(SearchDatabase.Run run) throws SQLException {
        names.put(run.save(), run.name);
    }

    private static Arguments row(String query, String... names) {
        return Arguments.of(query, Set.of(names));
    }

    static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
