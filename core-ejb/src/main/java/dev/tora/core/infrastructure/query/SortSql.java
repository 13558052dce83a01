package dev.tora.core.infrastructure.query;

import dev.tora.core.domain.experiment.ExperimentStatus;
import dev.tora.core.domain.query.Aggregate;
import dev.tora.core.domain.query.Attribute;
import dev.tora.core.domain.query.Metric;
import dev.tora.core.domain.query.Param;
import dev.tora.core.domain.query.SortKey;
import dev.tora.core.infrastructure.persistence.DatabaseKind;
import java.util.ArrayList;
import java.util.List;

/**
 * ORDER BY columns of a sort key. Values that may be missing get a rank column first, always
 * ascending, so that experiments without the value come last in both directions:
 * <ul>
 *   <li>params: numbers (int and finite float), then booleans (false, true), then strings, then
 *       null values and experiments without the key;</li>
 *   <li>metric last values: numbers (infinities included), then NaN, then no series (or an empty one);</li>
 *   <li>metric min/max/count: numbers, then no value; ended: ended runs, then running ones.</li>
 * </ul>
 * Status sorts by lifecycle (running, finished, failed, killed); duration is ended (or now) minus created.
 */
public final class SortSql {

    private static final SortColumn ID = SortColumn.of("e.id", SortColumn.Type.TEXT, false);

    private final SqlDialect dialect;
    private final long now;

    /** Sorts for {@code kind}; running experiments' durations are counted up to {@code now} (epoch ms). */
    public SortSql(DatabaseKind kind, long now) {
        this.dialect = new SqlDialect(kind);
        this.now = now;
    }

    /** The plan of {@code key}. */
    public SortPlan plan(SortKey key) {
        if (key.field() instanceof Param p) {
            return param(p);
        }
        if (key.field() instanceof Metric m) {
            return metric(m);
        }
        Attribute a = (Attribute) key.field();
        List<SortColumn> columns = new ArrayList<>();
        switch (a) {
            case NAME -> columns.add(SortColumn.of("e.name", SortColumn.Type.TEXT, false));
            case STATUS -> columns.add(SortColumn.of(statusRank(), SortColumn.Type.LONG, false));
            case CREATED -> columns.add(SortColumn.of("e.created_at", SortColumn.Type.LONG, false));
            case UPDATED -> columns.add(SortColumn.of("e.updated_at", SortColumn.Type.LONG, false));
            case ENDED -> {
                columns.add(SortColumn.of("CASE WHEN e.ended_at IS NULL THEN 1 ELSE 0 END", SortColumn.Type.LONG, true));
                columns.add(SortColumn.of("COALESCE(e.ended_at, 0)", SortColumn.Type.LONG, false));
            }
            case DURATION -> columns.add(new SortColumn("COALESCE(e.ended_at, ?) - e.created_at", List.of(now),
                    SortColumn.Type.LONG, false));
            default -> throw new IllegalArgumentException("not sortable: " + a);
        }
        columns.add(ID);
        return new SortPlan(new SqlFragment("", List.of()), columns);
    }

    private SortPlan param(Param p) {
        SqlFragment join = new SqlFragment(" LEFT JOIN experiment_param sp ON sp.experiment_id = e.id AND sp.param_key = ?",
                List.of(p.key()));
        String rank = "CASE WHEN sp.value_type IN ('int', 'float') AND sp.number_value IS NOT NULL THEN 0 "
                + "WHEN sp.value_type = 'bool' THEN 1 WHEN sp.text_value IS NOT NULL THEN 2 ELSE 3 END";
        return new SortPlan(join, List.of(
                SortColumn.of(rank, SortColumn.Type.LONG, true),
                SortColumn.of("COALESCE(sp.number_value, 0)", SortColumn.Type.DOUBLE, false),
                SortColumn.of("CASE WHEN sp.number_value IS NULL THEN COALESCE(sp.text_value, '') ELSE '' END",
                        SortColumn.Type.TEXT, false),
                ID));
    }

    private SortPlan metric(Metric m) {
        SqlFragment join = new SqlFragment(" LEFT JOIN series ss ON ss.experiment_id = e.id AND ss.name = ?",
                List.of(m.name()));
        String column = "ss." + FilterSql.column(m.aggregate());
        String rank;
        String value;
        if (m.aggregate() == Aggregate.LAST) {
            String isNan = column + " = " + dialect.nan();
            rank = "CASE WHEN " + column + " IS NULL THEN 2 WHEN " + isNan + " THEN 1 ELSE 0 END";
            value = "CASE WHEN " + column + " IS NULL OR " + isNan + " THEN 0 ELSE " + column + " END";
        } else {
            rank = "CASE WHEN " + column + " IS NULL THEN 1 ELSE 0 END";
            value = "COALESCE(" + column + ", 0)";
        }
        SortColumn.Type type = m.aggregate() == Aggregate.COUNT ? SortColumn.Type.LONG : SortColumn.Type.DOUBLE;
        return new SortPlan(join, List.of(SortColumn.of(rank, SortColumn.Type.LONG, true),
                SortColumn.of(value, type, false), ID));
    }

    /** Lifecycle order; the status names are the enum's own constants, not caller input. */
    private static String statusRank() {
        StringBuilder s = new StringBuilder("CASE e.status");
        for (ExperimentStatus status : ExperimentStatus.values()) {
            s.append(" WHEN '").append(status.id()).append("' THEN ").append(status.ordinal());
        }
        return s.append(" ELSE ").append(ExperimentStatus.values().length).append(" END").toString();
    }
}
