package dev.tora.core.application.experiment;

import dev.tora.core.application.security.AccessGuard;
import dev.tora.core.application.security.Caller;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.ExperimentRules;
import dev.tora.core.domain.query.Expr;
import dev.tora.core.domain.query.QueryParser;
import dev.tora.core.domain.query.SortKey;
import dev.tora.core.domain.workspace.Permission;
import dev.tora.core.infrastructure.query.CountedPage;
import dev.tora.core.infrastructure.query.JdbcExperimentSearch;
import dev.tora.core.infrastructure.query.Selection;
import dev.tora.core.infrastructure.query.SortedRow;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** The dashboard's experiment table: pages by offset, filtered by the query language, sorted in the database. */
@Stateless
public class ExperimentSearchService {

    @Inject
    private AccessGuard access;

    @Inject
    private JdbcExperimentSearch search;

    @Inject
    private ExperimentLoader loader;

    @Inject
    private ExperimentAssembler assembler;

    @Inject
    private Clock clock;

    /** A page by offset (PrimeFaces LazyDataModel), filtered by the query language, sorted in the database. */
    public SearchResult search(Caller caller, ExperimentSearch request) {
        Expr filter = QueryParser.parse(request.query());
        SortKey sort = SortKey.parse(request.sortKey(), "sort");
        if (request.offset() < 0) {
            throw ToraException.invalidField("offset", "must be 0 or more");
        }
        if (request.limit() < 1 || request.limit() > ExperimentQuery.MAX_LIMIT) {
            throw ToraException.invalidField("limit", "must be 1 to " + ExperimentQuery.MAX_LIMIT);
        }
        List<String> workspaces = workspaces(caller, request.workspaceId());
        if (workspaces.isEmpty()) {
            return new SearchResult(List.of(), 0);
        }
        Selection selection = new Selection(workspaces, filter, clock.millis());
        CountedPage page = search.pageWithTotal(selection, sort, request.descending(), request.offset(), request.limit());
        List<String> ids = page.rows().stream().map(SortedRow::id).toList();
        return new SearchResult(assembler.details(caller, loader.load(ids)), page.total());
    }

    /** Parameter keys and metric names used in a workspace, for the column chooser (bounded, sorted). */
    public ColumnChoices columns(Caller caller, String workspaceId) {
        String ws = ExperimentRules.uuid(workspaceId, "workspaceId");
        access.requireWorkspace(caller, ws, Permission.READ);
        return new ColumnChoices(search.paramKeys(ws, ColumnChoices.MAX), search.metricNames(ws, ColumnChoices.MAX));
    }

    private List<String> workspaces(Caller caller, String workspaceId) {
        if (workspaceId == null) {
            return access.memberWorkspaces(caller);
        }
        String ws = ExperimentRules.uuid(workspaceId, "workspaceId");
        access.requireWorkspace(caller, ws, Permission.READ);
        return List.of(ws);
    }
}
