package dev.tora.core.infrastructure.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.core.domain.query.QueryParser;
import dev.tora.core.domain.query.SortKey;
import dev.tora.core.infrastructure.persistence.DatabaseKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sorting and paging in the database: every sort key in both directions, values that are missing
 * always last, ties broken by id, and keyset pages equal to offset pages equal to one big page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchSqlOnH2Test {

    private static final long NOW = 100_000;

    private final SearchDatabase db = new SearchDatabase();
    private final SearchSql sql = new SearchSql(DatabaseKind.H2);
    private final Map<String, String> nameOf = new HashMap<>();
    private final Map<String, String> idOf = new HashMap<>();
    private String randomWorkspace;

    @BeforeAll
    void experiments() throws SQLException {
        save(db.run("a").created(1000).status("finished").ended(5000).metric("loss", 0.5, 0.1, 0.9, 30)
                .param("lr", 0.1).param("opt", "adam").param("amp", true));
        save(db.run("b").created(2000).metric("loss", Double.NaN, 0.2, 0.8, 20).param("lr", 1L).param("amp", false));
        save(db.run("c").created(3000).status("failed").ended(3500).metric("loss", Double.POSITIVE_INFINITY, 0.3, 5.0, 10)
                .param("lr", "auto"));
        save(db.run("d").created(4000).status("killed").ended(10_000).param("lr", null));
        save(db.run("e").created(5000).metric("loss", Double.NEGATIVE_INFINITY, null, null, 5));
        save(db.run("f").created(6000).metric("loss", 0.5, 0.1, 0.9, 30).param("lr", 0.1));
        save(db.run("g").created(7000).status("finished").ended(7001).metric("loss", null, null, null, 0)
                .param("lr", -2.5));
        randomWorkspace = db.workspace("random");
        Random random = new Random(42);
        String[] statuses = {"running", "finished", "failed", "killed"};
        double[] values = {0, 1, 1, 2.5, -3, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < 80; i++) {
            SearchDatabase.Run r = db.run("r" + random.nextInt(10)).in(randomWorkspace).created(random.nextInt(5) * 100L)
                    .status(statuses[random.nextInt(4)]);
            if (random.nextBoolean()) {
                r.ended(1000 + random.nextInt(3) * 100L);
            }
            switch (random.nextInt(5)) {
                case 0 -> r.param("p", (long) random.nextInt(3));
                case 1 -> r.param("p", "s" + random.nextInt(3));
                case 2 -> r.param("p", random.nextBoolean());
                case 3 -> r.param("p", null);
                default -> { }
            }
            if (random.nextInt(4) > 0) {
                double last = values[random.nextInt(values.length)];
                Double min = random.nextBoolean() ? null : (double) random.nextInt(3);
                r.metric("m", last, min, min, random.nextInt(3));
            }
            r.save();
        }
    }

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("metrics.loss.last", false, "e [a f] c b [d g]"),
                Arguments.of("metrics.loss", true, "c [a f] e b [d g]"),
                Arguments.of("metrics.loss.min", false, "[a f] b c [d e g]"),
                Arguments.of("metrics.loss.min", true, "c b [a f] [d e g]"),
                Arguments.of("metrics.loss.max", true, "c [a f] b [d e g]"),
                Arguments.of("metrics.loss.count", true, "[a f] b c e g d"),
                Arguments.of("metrics.loss.count", false, "g e c b [a f] d"),
                Arguments.of("metrics.nothing.last", false, "[a b c d e f g]"),
                Arguments.of("params.lr", false, "g [a f] b c [d e]"),
                Arguments.of("params.lr", true, "b [a f] g c [d e]"),
                Arguments.of("params.amp", false, "b a [c d e f g]"),
                Arguments.of("params.amp", true, "a b [c d e f g]"),
                Arguments.of("params.opt", true, "a [b c d e f g]"),
                Arguments.of("name", false, "a b c d e f g"),
                Arguments.of("name", true, "g f e d c b a"),
                Arguments.of("status", false, "[b e f] [a g] c d"),
                Arguments.of("created", true, "g f e d c b a"),
                Arguments.of("updated", false, "a b c d e f g"),
                Arguments.of("ended", false, "c a g d [b e f]"),
                Arguments.of("ended", true, "d g a c [b e f]"),
                Arguments.of("duration", false, "g c a d f e b"),
                Arguments.of("duration", true, "b e f d a c g"));
    }

    /**
     * {@code expected} lists names in order; names in brackets tie on the sort value and must come
     * by id, in the requested direction.
     */
    @ParameterizedTest(name = "{0} descending={1}")
    @MethodSource("orders")
    void sortsInTheDatabaseWithMissingValuesLastAndTiesById(String key, boolean descending, String expected)
            throws SQLException {
        List<String> names = new ArrayList<>();
        for (SortedRow row : rows(SearchDatabase.DEFAULT_WORKSPACE, null, key, descending, null, 0, 100)) {
            names.add(nameOf.get(row.id()));
        }
        assertEquals(expand(expected, descending), names);
    }

    @Test
    void offsetPagesCoverTheOrderWithoutOverlap() throws SQLException {
        List<String> all = ids(rows(SearchDatabase.DEFAULT_WORKSPACE, null, "params.lr", false, null, 0, 100));
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 10; offset += 3) {
            paged.addAll(ids(rows(SearchDatabase.DEFAULT_WORKSPACE, null, "params.lr", false, null, offset, 3)));
        }
        assertEquals(all, paged);
        assertEquals(7, all.size());
    }

    @Test
    void aCountedPageCarriesTheNumberOfMatchesAtAnyOffsetEvenPastTheEnd() throws SQLException {
        Selection running = selection(SearchDatabase.DEFAULT_WORKSPACE, "status = running");
        try (Connection c = db.ds.getConnection()) {
            for (int offset : new int[] {0, 2, 3, 50}) {
                CountedPage page = SearchJdbc.counted(c, sql.page(running, SortKey.parse("metrics.loss", "sort"), false,
                        null, offset, 2, true), sql.count(running));
                assertEquals(3, page.total(), "offset " + offset);
                assertEquals(Math.max(0, Math.min(2, 3 - offset)), page.rows().size(), "offset " + offset);
            }
        }
    }

    @Test
    void filterAndSortCombine() throws SQLException {
        List<SortedRow> rows = rows(SearchDatabase.DEFAULT_WORKSPACE, "status = running OR params.lr < 0.5",
                "metrics.loss.last", true, null, 0, 100);
        assertEquals(expand("[a f] e b g", true), rows.stream().map(r -> nameOf.get(r.id())).toList());
    }

    static Stream<Arguments> randomOrders() {
        return Stream.of("metrics.m.last", "metrics.m.min", "metrics.m.count", "params.p", "name", "status", "created",
                        "ended", "duration")
                .flatMap(k -> Stream.of(Arguments.of(k, false), Arguments.of(k, true)));
    }

    /** On many ties, NaN, infinities and missing values, walking by keyset or by offset gives the one order. */
    @ParameterizedTest(name = "{0} descending={1}")
    @MethodSource("randomOrders")
    void keysetAndOffsetPagesAgreeWithOneBigPage(String key, boolean descending) throws SQLException {
        List<SortedRow> all = rows(randomWorkspace, null, key, descending, null, 0, 1000);
        try (Connection c = db.ds.getConnection()) {
            assertEquals(80, SearchJdbc.count(c, sql.count(selection(randomWorkspace, null))));
        }
        assertEquals(80, all.size());
        List<SortedRow> byKeyset = new ArrayList<>();
        List<Object> after = null;
        for (int page = 0; page < 20; page++) {
            List<SortedRow> rows = rows(randomWorkspace, null, key, descending, after, 0, 7);
            if (rows.isEmpty()) {
                break;
            }
            byKeyset.addAll(rows);
            after = rows.get(rows.size() - 1).position();
        }
        List<SortedRow> byOffset = new ArrayList<>();
        for (int offset = 0; offset < 80; offset += 7) {
            byOffset.addAll(rows(randomWorkspace, null, key, descending, null, offset, 7));
        }
        assertEquals(ids(all), ids(byKeyset));
        assertEquals(ids(all), ids(byOffset));
        if (key.startsWith("metrics.") || key.startsWith("params.") || key.equals("ended")) {
            // the first column is the rank of "has a value": ascending in both directions
            List<Long> ranks = all.stream().map(r -> (Long) r.position().get(0)).toList();
            List<Long> sorted = new ArrayList<>(ranks);
            sorted.sort(Comparator.naturalOrder());
            assertEquals(sorted, ranks, "missing values last");
            assertTrue(ranks.get(ranks.size() - 1) > 0, "the data has missing values");
        }
    }

    @Test
    void columnChoicesAreTheWorkspacesDistinctKeysAndNamesSortedAndBounded() throws SQLException {
        try (Connection c = db.ds.getConnection()) {
            assertEquals(List.of("amp", "lr", "opt"),
                    SearchJdbc.strings(c, sql.paramKeys(SearchDatabase.DEFAULT_WORKSPACE, 1000)));
            assertEquals(List.of("amp", "lr"), SearchJdbc.strings(c, sql.paramKeys(SearchDatabase.DEFAULT_WORKSPACE, 2)));
            assertEquals(List.of("loss"), SearchJdbc.strings(c, sql.metricNames(SearchDatabase.DEFAULT_WORKSPACE, 1000)));
            assertEquals(List.of("p"), SearchJdbc.strings(c, sql.paramKeys(randomWorkspace, 1000)));
            assertEquals(List.of("m"), SearchJdbc.strings(c, sql.metricNames(randomWorkspace, 1000)));
        }
    }

    @Test
    void aPositionFitsOnlyItsOwnSort() {
        SortKey byLoss = SortKey.parse("metrics.loss", "sort");
        assertTrue(sql.fits(byLoss, List.of(0L, 0.5, "id")));
        assertTrue(!sql.fits(byLoss, List.of(0L, "0.5", "id")));
        assertTrue(!sql.fits(byLoss, List.of(0L, 0.5)));
        assertTrue(sql.fits(SortKey.parse("name", "sort"), List.of("a", "id")));
        assertTrue(!sql.fits(SortKey.parse("created", "sort"), List.of("a", "id")));
    }

    private List<SortedRow> rows(String workspace, String query, String key, boolean descending, List<Object> after,
                                 int offset, int limit) throws SQLException {
        try (Connection c = db.ds.getConnection()) {
            return SearchJdbc.rows(c, sql.page(selection(workspace, query), SortKey.parse(key, "sort"), descending,
                    after, offset, limit, false));
        }
    }

    private static Selection selection(String workspace, String query) {
        return new Selection(List.of(workspace), QueryParser.parse(query), NOW);
    }

    private List<String> expand(String expected, boolean descending) {
        List<String> out = new ArrayList<>();
        for (String group : expected.replace("[", "|[").replace("]", "]|").split("\\|")) {
            if (group.isBlank()) {
                continue;
            }
            List<String> names = new ArrayList<>(List.of(group.replace("[", "").replace("]", "").trim().split(" +")));
            if (group.contains("[")) {
                Comparator<String> byId = Comparator.comparing(idOf::get);
                names.sort(descending ? byId.reversed() : byId);
            }
            out.addAll(names);
        }
        return out;
    }

    private static List<String> ids(List<SortedRow> rows) {
        return rows.stream().map(SortedRow::id).toList();
    }

    private void save(SearchDatabase.Run run) throws SQLException {
        String id = run.save();
        nameOf.put(id, run.name);
        idOf.put(run.name, id);
    }
}
