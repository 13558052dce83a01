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

    /** A page of ids with their sort positions; see {@link SearchSql#page}. */
    public List<SortedRow> page(Selection selection, SortKey sort, boolean descending, List<Object> after,
                                int offset, int limit) {
        try (Connection c = database.dataSource().getConnection()) {
            return SearchJdbc.rows(c, sql.page(selection, sort, descending, after, offset, limit));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search experiments", e);
        }
    }

    /** Whether {@code position} is a position of a page sorted by {@code sort}. */
    public boolean fits(SortKey sort, List<Object> position) {
        return sql.fits(sort, position);
    }

    /** How many experiments match. */
    public long count(Selection selection) {
        try (Connection c = database.dataSource().getConnection()) {
            return SearchJdbc.count(c, sql.count(selection));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count experiments", e);
        }
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
