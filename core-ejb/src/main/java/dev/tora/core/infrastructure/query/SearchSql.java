package dev.tora.core.infrastructure.query;

import dev.tora.core.domain.query.SortKey;
import dev.tora.core.infrastructure.persistence.DatabaseKind;
import java.util.List;

/**
 * The SQL of experiment searches: a page of ids (by offset, or after a keyset position), the
 * count of matches, and the parameter keys and metric names of a workspace. Filtering and
 * sorting happen in the database; the caller loads the page's entities by id.
 */
public final class SearchSql {

    private final DatabaseKind kind;

    /** Statements for {@code kind}. */
    public SearchSql(DatabaseKind kind) {
        this.kind = kind;
    }

    /**
     * Ids and sort positions of a page. The sort columns are computed once, in a derived table
     * under the names {@code k0, k1, ...}, which the keyset condition and the ORDER BY refer to:
     * <pre>
     *   SELECT id, k0, k1, ... [, COUNT(*) OVER ()] FROM (SELECT e.id AS id, &lt;column&gt; AS k0, ... FROM experiment e
     *       [LEFT JOIN &lt;sorted value&gt;] WHERE &lt;workspaces&gt; AND &lt;filter&gt;) k
     *   [WHERE (k0 &gt; ? OR (k0 = ? AND (k1 &lt; ? OR ...)))] ORDER BY k0 ASC, k1 DESC, ... LIMIT ? [OFFSET ?]
     * </pre>
     *
     * The database evaluates every match to sort them anyway, so {@code withTotal} adds their count
     * to each row at almost no cost, where a separate COUNT would evaluate the filter again.
     *
     * @param after     the position of the row before the page (keyset paging), or null
     * @param offset    rows to skip (offset paging; 0 with {@code after})
     * @param withTotal whether each row also carries the number of matches (before the keyset condition)
     */
    public SearchStatement page(Selection selection, SortKey sort, boolean descending, List<Object> after,
                                int offset, int limit, boolean withTotal) {
        SortPlan plan = new SortSql(kind, selection.now()).plan(sort);
        List<SortColumn> columns = plan.columns();
        if (after != null && after.size() != columns.size()) {
            throw new IllegalArgumentException("a position needs " + columns.size() + " values");
        }
        SqlBuilder out = new SqlBuilder().sql("SELECT id");
        for (int i = 0; i < columns.size(); i++) {
            out.sql(", k" + i);
        }
        out.sql(withTotal ? ", COUNT(*) OVER ()" : "").sql(" FROM (SELECT e.id AS id");
        for (int i = 0; i < columns.size(); i++) {
            out.sql(", ").add(columns.get(i).fragment()).sql(" AS k" + i);
        }
        out.sql(" FROM experiment e").add(plan.join());
        where(out, selection);
        out.sql(") k");
        if (after != null) {
            out.sql(" WHERE ");
            after(out, columns, after, 0, descending);
        }
        out.sql(" ORDER BY ");
        for (int i = 0; i < columns.size(); i++) {
            out.sql(i == 0 ? "" : ", ").sql("k" + i).sql(columns.get(i).ascendingWhen(descending) ? " ASC" : " DESC");
        }
        out.sql(" LIMIT ").bind((long) limit);
        if (offset > 0) {
            out.sql(" OFFSET ").bind((long) offset);
        }
        return new SearchStatement(out.build(), columns, withTotal);
    }

    /** Whether {@code position} has a value of the right type for every column of {@code sort} (a cursor check). */
    public boolean fits(SortKey sort, List<Object> position) {
        List<SortColumn> columns = new SortSql(kind, 0).plan(sort).columns();
        if (position.size() != columns.size()) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            Class<?> expected = switch (columns.get(i).type()) {
                case LONG -> Long.class;
                case DOUBLE -> Double.class;
                case TEXT -> String.class;
            };
            if (!expected.isInstance(position.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** How many experiments the selection matches. */
    public SqlFragment count(Selection selection) {
        SqlBuilder out = new SqlBuilder().sql("SELECT COUNT(*) FROM experiment e");
        where(out, selection);
        return out.build();
    }

    /**
     * Distinct parameter keys of the workspace's experiments, sorted, at most {@code limit}. The
     * distinct keys of all experiments come first and each is then checked for one experiment of
     * the workspace: on H2 that is several times cheaper than joining every param row to its experiment.
     */
    public SqlFragment paramKeys(String workspaceId, int limit) {
        return new SqlBuilder().sql("SELECT k.param_key FROM (SELECT DISTINCT param_key FROM experiment_param) k "
                        + "WHERE EXISTS (SELECT 1 FROM experiment_param p JOIN experiment e ON e.id = p.experiment_id "
                        + "WHERE p.param_key = k.param_key AND e.workspace_id = ").bind(workspaceId)
                .sql(") ORDER BY k.param_key LIMIT ").bind((long) limit).build();
    }

    /** Distinct metric names of the workspace's experiments, sorted, at most {@code limit} (as {@link #paramKeys}). */
    public SqlFragment metricNames(String workspaceId, int limit) {
        return new SqlBuilder().sql("SELECT k.name FROM (SELECT DISTINCT name FROM series) k "
                        + "WHERE EXISTS (SELECT 1 FROM series s JOIN experiment e ON e.id = s.experiment_id "
                        + "WHERE s.name = k.name AND e.workspace_id = ").bind(workspaceId)
                .sql(") ORDER BY k.name LIMIT ").bind((long) limit).build();
    }

    private void where(SqlBuilder out, Selection selection) {
        out.sql(" WHERE e.workspace_id IN ").list(selection.workspaceIds());
        if (selection.filter() != null) {
            out.sql(" AND ").add(new FilterSql(kind, selection.now()).where(selection.filter()));
        }
    }

    /** Rows after {@code position} in the order: {@code k0 > ? OR (k0 = ? AND (k1 < ? OR ...))}. */
    private static void after(SqlBuilder out, List<SortColumn> columns, List<Object> position, int i,
                              boolean descending) {
        String k = "k" + i;
        out.sql("(" + k).sql(columns.get(i).ascendingWhen(descending) ? " > " : " < ").bind(position.get(i));
        if (i + 1 < columns.size()) {
            out.sql(" OR (" + k + " = ").bind(position.get(i)).sql(" AND ");
            after(out, columns, position, i + 1, descending);
            out.sql(")");
        }
        out.sql(")");
    }
}
