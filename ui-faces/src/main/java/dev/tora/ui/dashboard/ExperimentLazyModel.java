package dev.tora.ui.dashboard;

import dev.tora.core.application.experiment.ExperimentDetails;
import dev.tora.core.application.experiment.ExperimentSearch;
import dev.tora.core.application.experiment.ExperimentSearchService;
import dev.tora.core.application.experiment.SearchResult;
import dev.tora.core.application.security.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The experiments of a workspace, a page at a time: the query, the sort and the paging all run in
 * the database ({@link ExperimentSearchService}); only the page's rows reach the view.
 */
public class ExperimentLazyModel extends LazyDataModel<ExperimentDetails> {

    private static final long serialVersionUID = 1L;
    /** Rows kept for selection look-ups, so that ticking rows needs no query. */
    private static final int KEPT_ROWS = 2_000;

    private final ExperimentSearchService search;
    private final Caller caller;
    private final String workspaceId;
    private final String query;
    private final Map<String, ExperimentDetails> seen = new HashMap<>();
    private final boolean runnable;
    private long total = -1;

    /**
     * A model over {@code workspaceId} filtered by {@code query} (blank: every experiment); a query
     * that does not parse ({@code runnable} false) shows no rows, and the page shows its error.
     */
    public ExperimentLazyModel(ExperimentSearchService search, Caller caller, String workspaceId, String query,
                               boolean runnable) {
        this.runnable = runnable;
        this.search = search;
        this.caller = caller;
        this.workspaceId = workspaceId;
        this.query = query == null || query.isBlank() ? null : query.strip();
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (total < 0) {
            load(0, 1, Map.of(), filterBy);
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, total));
    }

    @Override
    public List<ExperimentDetails> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                        Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
        String key = sort == null || sort.getOrder() == SortOrder.UNSORTED ? "created" : sort.getField();
        boolean descending = sort == null || sort.getOrder() == SortOrder.UNSORTED || sort.getOrder() == SortOrder.DESCENDING;
        if (!runnable) {
            total = 0;
            setRowCount(0);
            return List.of();
        }
        SearchResult result = search.search(caller, new ExperimentSearch(workspaceId, query, key, descending, first,
                Math.max(1, pageSize)));
        total = result.total();
        setRowCount((int) Math.min(Integer.MAX_VALUE, total));
        if (seen.size() > KEPT_ROWS) {
            seen.clear();
        }
        result.rows().forEach(e -> seen.put(e.id(), e));
        return result.rows();
    }

    @Override
    public String getRowKey(ExperimentDetails experiment) {
        return experiment.id();
    }

    @Override
    public ExperimentDetails getRowData(String rowKey) {
        return seen.get(rowKey);
    }

    /** Whether the workspace has no experiments at all (not merely none matching). */
    public boolean isWorkspaceEmpty() {
        return query == null && count(Map.of()) == 0;
    }
}
