package dev.tora.core.infrastructure.query;

import dev.tora.core.infrastructure.persistence.DatabaseKind;
import dev.tora.core.infrastructure.persistence.DatabaseMigrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh in-memory H2 with the real migrations, and a builder of experiments with tags, params
 * and metric summaries written straight into the tables the searches read.
 */
final class SearchDatabase {

    static final String DEFAULT_WORKSPACE = "00000000-0000-0000-0000-000000000001";

    final JdbcDataSource ds = new JdbcDataSource();
    private long seriesId;

    SearchDatabase() {
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        DatabaseMigrations.migrate(ds, DatabaseKind.H2);
    }

    /** A new workspace. */
    String workspace(String name) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO workspace (id, name, created_at) VALUES (?, ?, 0)")) {
            ps.setString(1, id);
            ps.setString(2, name);
            ps.executeUpdate();
        }
        return id;
    }

    /** Starts an experiment of the default workspace. */
    Run run(String name) {
        return new Run(name);
    }

    /** An experiment being described; {@link #save} writes it. */
    final class Run {
        final String id = UUID.randomUUID().toString();
        final String name;
        private String workspace = DEFAULT_WORKSPACE;
        private String description;
        private String status = "running";
        private long created = 1_000;
        private long updated = 1_000;
        private Long ended;
        private final List<String> tags = new ArrayList<>();
        private final List<Object[]> params = new ArrayList<>();
        private final List<Object[]> series = new ArrayList<>();

        private Run(String name) {
            this.name = name;
        }

        Run in(String workspaceId) {
            workspace = workspaceId;
            return this;
        }

        Run description(String text) {
            description = text;
            return this;
        }

        Run status(String s) {
            status = s;
            return this;
        }

        Run created(long ms) {
            created = ms;
            updated = Math.max(updated, ms);
            return this;
        }

        Run updated(long ms) {
            updated = ms;
            return this;
        }

        Run ended(long ms) {
            ended = ms;
            return this;
        }

        Run tags(String... t) {
            tags.addAll(List.of(t));
            return this;
        }

        /** A param stored as ParamValue stores it: int, float (number only when finite), string, bool or null. */
        Run param(String key, Object value) {
            String type;
            String text;
            Double number;
            if (value == null) {
                type = "null";
                text = null;
                number = null;
            } else if (value instanceof Long || value instanceof Integer) {
                type = "int";
                text = value.toString();
                number = ((Number) value).doubleValue();
            } else if (value instanceof Double d) {
                type = "float";
                text = Double.toString(d);
                number = Double.isFinite(d) ? d : null;
            } else if (value instanceof Boolean b) {
                type = "bool";
                text = b.toString();
                number = b ? 1.0 : 0.0;
            } else {
                type = "string";
                text = (String) value;
                number = null;
            }
            params.add(new Object[] {key, type, text, number});
            return this;
        }

        /** A series summary: last value (may be NaN), min and max (null when no finite value), count. */
        Run metric(String metric, Double last, Double min, Double max, long count) {
            series.add(new Object[] {metric, last, min, max, count});
            return this;
        }

        /** A series whose values were all {@code last}, {@code count} times. */
        Run metric(String metric, double last) {
            boolean finite = Double.isFinite(last);
            return metric(metric, last, finite ? last : null, finite ? last : null, 1);
        }

        String save() throws SQLException {
            try (Connection c = ds.getConnection()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiment (id, workspace_id, name, "
                        + "description, status, visibility, created_at, updated_at, ended_at) "
                        + "VALUES (?, ?, ?, ?, ?, 'private', ?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setString(2, workspace);
                    ps.setString(3, name);
                    ps.setString(4, description);
                    ps.setString(5, status);
                    ps.setLong(6, created);
                    ps.setLong(7, updated);
                    ps.setObject(8, ended);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO experiment_tag (experiment_id, position, tag) VALUES (?, ?, ?)")) {
                    for (int i = 0; i < tags.size(); i++) {
                        ps.setString(1, id);
                        ps.setInt(2, i);
                        ps.setString(3, tags.get(i));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiment_param (experiment_id, "
                        + "param_key, value_type, text_value, number_value) VALUES (?, ?, ?, ?, ?)")) {
                    for (Object[] p : params) {
                        ps.setString(1, id);
                        for (int i = 0; i < 4; i++) {
                            ps.setObject(i + 2, p[i]);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO series (id, experiment_id, name, "
                        + "point_count, last_value, min_value, max_value, nonfinite_count, chunk_count, tail_count) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0)")) {
                    for (Object[] s : series) {
                        ps.setLong(1, ++seriesId);
                        ps.setString(2, id);
                        ps.setString(3, (String) s[0]);
                        ps.setLong(4, (Long) s[4]);
                        ps.setObject(5, s[1]);
                        ps.setObject(6, s[2]);
                        ps.setObject(7, s[3]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return id;
        }
    }
}
