package dev.tora.ui.dashboard;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.core.application.experiment.ColumnChoices;
import dev.tora.core.application.experiment.ExperimentDetails;
import dev.tora.core.application.experiment.ExperimentSearchService;
import dev.tora.core.application.preference.PreferenceKey;
import dev.tora.core.application.preference.PreferenceService;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.metric.SeriesSummary;
import dev.tora.core.domain.query.Aggregate;
import dev.tora.core.domain.query.Attribute;
import dev.tora.core.domain.query.Metric;
import dev.tora.core.domain.query.Param;
import dev.tora.core.domain.query.QueryParser;
import dev.tora.ui.frame.Formats;
import dev.tora.ui.frame.UiCaller;
import dev.tora.ui.frame.UiMessages;
import dev.tora.ui.frame.WorkspaceContext;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The dashboard of a workspace: the experiments table, its query, its columns and the selection. */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ExperimentSearchService search;

    @Inject
    private PreferenceService preferences;

    @Inject
    private UiCaller caller;

    @Inject
    private WorkspaceContext workspace;

    @Inject
    private Formats formats;

    private String workspaceId;
    private String query;
    private ExperimentLazyModel model;
    private ColumnLayout layout;
    private List<ExperimentDetails> selected = new ArrayList<>();
    private String columnToAdd;
    private ToraException queryError;

    /** Reads the workspace, the query ({@code q}) and the stored column layout. */
    @PostConstruct
    void init() {
        if (!workspace.isAvailable()) {
            return;
        }
        workspaceId = workspace.getId();
        query = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("q");
        layout = preferences.get(caller.require(), workspaceId, PreferenceKey.DASHBOARD_COLUMNS)
                .map(ColumnLayout::fromJson).orElseGet(ColumnLayout::defaults);
        if (query != null && !query.isBlank()) {
            try {
                QueryParser.parse(query);
            } catch (ToraException e) {
                queryError = e;
            }
        }
        model = new ExperimentLazyModel(search, caller.require(), workspaceId, query, queryError == null);
    }

    /** The rows, loaded page by page as the table scrolls. */
    public ExperimentLazyModel getModel() {
        return model;
    }

    /** The columns in the user's order. */
    public List<DashboardColumn> getColumns() {
        return layout.columns();
    }

    /** Parameter keys and metric summaries that can become columns, as column keys. */
    public List<String> completeColumn(String typed) {
        ColumnChoices choices = search.columns(caller.require(), workspaceId);
        String needle = typed == null ? "" : typed.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        choices.params().forEach(p -> out.add(new Param(p).text()));
        for (String m : choices.metrics()) {
            for (Aggregate aggregate : Aggregate.values()) {
                out.add(new Metric(m, aggregate).text());
            }
        }
        return out.stream().filter(k -> !layout.has(k) && k.toLowerCase(Locale.ROOT).contains(needle)).limit(50).toList();
    }

    /** Adds the column typed or picked in the column chooser; a key that is no sort key is refused by the field. */
    public void addColumn() {
        if (columnToAdd != null && !columnToAdd.isBlank()) {
            try {
                save(layout.add(columnToAdd.strip()));
                columnToAdd = null;
            } catch (ToraException e) {
                UiMessages.error(e, "columns-form:column-key");
            }
        }
    }

    /** Removes a column. */
    public void removeColumn(String key) {
        save(layout.remove(key));
    }

    /** Moves a column one place left (-1) or right (1). */
    public void moveColumn(String key, int delta) {
        save(layout.move(key, delta));
    }

    /** Stores the order and widths the browser reports after a drag or resize ({@code layout} request parameter). */
    public void arrangeColumns() {
        String json = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("layout");
        if (json == null || json.length() > 10_000) {
            return;
        }
        List<int[]> shown = new ArrayList<>();
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            for (JsonValue v : array) {
                JsonArray pair = v.asJsonArray();
                shown.add(new int[] {pair.getInt(0), pair.getInt(1)});
            }
        } catch (RuntimeException malformed) {
            return;
        }
        save(layout.arrangedAs(shown));
    }

    private void save(ColumnLayout next) {
        if (!next.equals(layout)) {
            layout = next;
            preferences.put(caller.require(), workspaceId, PreferenceKey.DASHBOARD_COLUMNS, layout.toJson());
        }
    }

    /** The text of a cell of a parameter, metric, time or duration column. */
    public String cell(ExperimentDetails e, DashboardColumn column) {
        return switch (column.getKind()) {
            case TIME -> formats.time(timeOf(e, (Attribute) column.getField()));
            case DURATION -> formats.duration(e.createdAt(), e.endedAt());
            case PARAM -> paramCell(e, ((Param) column.getField()).key());
            case METRIC -> metricCell(e, (Metric) column.getField());
            default -> "";
        };
    }

    /** The time of a time column as ISO-8601, for the browser's local rendering. */
    public String iso(ExperimentDetails e, DashboardColumn column) {
        return formats.iso(timeOf(e, (Attribute) column.getField()));
    }

    private static Long timeOf(ExperimentDetails e, Attribute attribute) {
        return switch (attribute) {
            case UPDATED -> e.updatedAt();
            case ENDED -> e.endedAt();
            default -> e.createdAt();
        };
    }

    private static String paramCell(ExperimentDetails e, String key) {
        return e.hyperparams().containsKey(key) ? String.valueOf(e.hyperparams().get(key)) : "";
    }

    private String metricCell(ExperimentDetails e, Metric metric) {
        for (SeriesSummary s : e.metrics()) {
            if (s.name().equals(metric.name())) {
                return switch (metric.aggregate()) {
                    case MIN -> formats.number(s.min());
                    case MAX -> formats.number(s.max());
                    case COUNT -> Long.toString(s.count());
                    case LAST -> formats.number(s.lastValue());
                };
            }
        }
        return "";
    }

    /** The query's error (with its position), or null; known before the table renders. */
    public ToraException getQueryError() {
        return queryError;
    }

    /** A caret under the query's error position, for the monospace view of the query. */
    public String getCaret() {
        Object position = getQueryError() == null ? null : getQueryError().details().get("position");
        int at = position instanceof Number n ? Math.max(0, Math.min(n.intValue(), query == null ? 0 : query.length())) : 0;
        return " ".repeat(at) + "^";
    }

    public String getQuery() {
        return query;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    public List<ExperimentDetails> getSelected() {
        return selected;
    }

    public void setSelected(List<ExperimentDetails> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public String getColumnToAdd() {
        return columnToAdd;
    }

    public void setColumnToAdd(String columnToAdd) {
        this.columnToAdd = columnToAdd;
    }
}
