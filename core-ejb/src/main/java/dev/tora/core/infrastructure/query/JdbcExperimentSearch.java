package dev.tora.core.infrastructure.query;

import dev.tora.core.domain.query.SortKey;
import dev.tora.core.infrastructure.persistence.ToraDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Experiment searches on the server's database, in the caller's transaction. */
@ApplicationScoped
public class JdbcExperimentSearch {

    @Inject
    private ToraDatabase database;

    private SearchSql sql;

    @PostConstruct
    void init() {
        sql = new SearchSql(database.kind());
    }

    /** A keyset page of ids with their sort positions (the API list); see {@link SearchSql#page}. */
    public List<SortedRow> page(Selection selection, SortKey sort, boolean descending, List<Object> after, int limit) {
        try (Connection c = database.dataSource().getConnection()) {
            return SearchJdbc.rows(c, sql.page(selection, sort, descending, after, 0, limit, false));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search experiments", e);
        }
    }

    /** A page by offset with the number of matches (the dashboard), mostly in one statement. */
    public CountedPage pageWithTotal(Selection selection, SortKey sort, boolean descending, int offset, int limit) {
        try (Connection c = database.dataSource().getConnection()) {
            return SearchJdbc.counted(c, sql.page(selection, sort, descending, null, offset, limit, true),
                    sql.count(selection));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search experiments", e);
        }
    }

    /** Whether {@code position} is a position of a page sorted by {@code sort}. */
    public boolean fits(SortKey sort, List<Object> position) {
        return sql.fits(sort, position);
    }

    /** Sorted distinct parameter keys of a workspace, at most {@code limit}. */
    public List<String> paramKeys(String workspaceId, int limit) {
        return strings(sql.paramKeys(workspaceId, limit));
    }

    /** Sorted distinct metric names of a workspace, at most {@code limit}. */
    public List<String> metricNames(String workspaceId, int limit) {
        return strings(sql.metricNames(workspaceId, limit));
    }

    private List<String> strings(SqlFragment query) {
        try (Connection c = database.dataSource().getConnection()) {
            return SearchJdbc.strings(c, query);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list column names", e);
        }
    }
}
