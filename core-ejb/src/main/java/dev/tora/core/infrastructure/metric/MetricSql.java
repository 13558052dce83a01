package dev.tora.core.infrastructure.metric;

import dev.tora.core.infrastructure.persistence.DatabaseKind;

/** The metric store's SQL, with the few statements that differ between H2 and PostgreSQL. */
final class MetricSql {

    static final String SERIES_COLUMNS = "id, name, point_count, first_step, last_step, last_value, min_value, "
            + "max_value, nonfinite_count, last_timestamp, chunk_count, tail_count";

    static final String LOCK_SERIES = "SELECT " + SERIES_COLUMNS + ", tail FROM series "
            + "WHERE experiment_id = ? AND name = ? FOR UPDATE";

    static final String LOCK_EXPERIMENT = "SELECT id FROM experiment WHERE id = ? FOR UPDATE";

    static final String FIND_SERIES = "SELECT " + SERIES_COLUMNS + ", tail FROM series "
            + "WHERE experiment_id = ? AND name = ?";

    static final String SERIES_BY_ID = "SELECT " + SERIES_COLUMNS + ", tail FROM series WHERE id = ?";

    static final String SUMMARIES = "SELECT experiment_id, " + SERIES_COLUMNS + " FROM series "
            + "WHERE experiment_id = ? ORDER BY name";

    static final String UPDATE_SERIES = "UPDATE series SET point_count = ?, first_step = ?, last_step = ?, "
            + "last_value = ?, min_value = ?, max_value = ?, nonfinite_count = ?, last_timestamp = ?, "
            + "chunk_count = ?, tail_count = ?, tail = ? WHERE id = ?";

    static final String INSERT_CHUNK = "INSERT INTO chunk (series_id, seq, point_count, min_step, max_step, "
            + "min_time, max_time, min_value, max_value, sum_value, first_value, last_value, nonfinite, data) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String CHUNK_HEADERS = "SELECT seq, point_count, min_step, max_step, min_time, max_time, "
            + "min_value, max_value, sum_value, first_value, last_value, nonfinite FROM chunk "
            + "WHERE series_id = ? AND seq >= ? AND seq < ? ORDER BY seq";

    static final String CHUNK_DATA = "SELECT seq, data FROM chunk WHERE series_id = ? AND seq >= ? AND seq <= ? "
            + "ORDER BY seq";

    static final String INSERT_METADATA = "INSERT INTO point_metadata (series_id, ordinal, metadata) VALUES (?, ?, ?)";

    static final String METADATA_RANGE = "SELECT ordinal, metadata FROM point_metadata "
            + "WHERE series_id = ? AND ordinal >= ? AND ordinal < ? ORDER BY ordinal";

    /** Inserts a batch id unless present; parameters: experiment, batch, created_at (H2 repeats the first two). */
    final String claimBatch;
    /** Whether {@link #claimBatch} takes the key twice. */
    final boolean claimRepeatsKey;
    /** Creates a series unless present; parameters: experiment, name (H2 repeats them). */
    final String createSeries;
    /**
     * Whether creating a series first locks the experiment row ({@link #LOCK_EXPERIMENT}), so that
     * concurrent creations of one series queue there. H2 needs it (its NOT EXISTS does not wait for
     * an uncommitted insert). PostgreSQL must not: ON CONFLICT already waits for the other insert,
     * and every batch holds a key-share lock on the experiment row (its ingest_batch row's foreign
     * key), so two batches upgrading to FOR UPDATE there deadlock.
     */
    final boolean lockExperimentToCreate;

    MetricSql(DatabaseKind kind) {
        switch (kind) {
            case POSTGRESQL -> {
                claimBatch = "INSERT INTO ingest_batch (experiment_id, batch_id, created_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT DO NOTHING";
                claimRepeatsKey = false;
                createSeries = "INSERT INTO series (id, experiment_id, name, point_count, nonfinite_count, "
                        + "chunk_count, tail_count) VALUES (nextval('series_seq'), ?, ?, 0, 0, 0, 0) "
                        + "ON CONFLICT (experiment_id, name) DO NOTHING";
                lockExperimentToCreate = false;
            }
            case H2 -> {
                claimBatch = "INSERT INTO ingest_batch (experiment_id, batch_id, created_at) SELECT ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM ingest_batch WHERE experiment_id = ? AND batch_id = ?)";
                claimRepeatsKey = true;
                createSeries = "INSERT INTO series (id, experiment_id, name, point_count, nonfinite_count, "
                        + "chunk_count, tail_count) SELECT NEXT VALUE FOR series_seq, ?, ?, 0, 0, 0, 0 "
                        + "WHERE NOT EXISTS (SELECT 1 FROM series WHERE experiment_id = ? AND name = ?)";
                lockExperimentToCreate = true;
            }
            default -> throw new IllegalArgumentException(kind.toString());
        }
    }
}
