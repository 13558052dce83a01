-- Tora schema, PostgreSQL. Times are epoch milliseconds (BIGINT) on both databases.

CREATE TABLE tora_user (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    created_at  BIGINT       NOT NULL
);

CREATE TABLE workspace (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    description TEXT,
    created_at  BIGINT       NOT NULL
);

CREATE TABLE workspace_member (
    workspace_id VARCHAR(36) NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    user_id      VARCHAR(36) NOT NULL REFERENCES tora_user (id) ON DELETE CASCADE,
    role         VARCHAR(16) NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX workspace_member_user ON workspace_member (user_id);

CREATE TABLE experiment (
    id           VARCHAR(36)  PRIMARY KEY,
    workspace_id VARCHAR(36)  NOT NULL REFERENCES workspace (id),
    name         VARCHAR(255) NOT NULL,
    description  TEXT,
    status       VARCHAR(16)  NOT NULL,
    visibility   VARCHAR(16)  NOT NULL,
    metadata     TEXT,
    created_at   BIGINT       NOT NULL,
    updated_at   BIGINT       NOT NULL,
    ended_at     BIGINT,
    version      BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX experiment_workspace_created ON experiment (workspace_id, created_at, id);
CREATE INDEX experiment_workspace_name ON experiment (workspace_id, name, id);

CREATE TABLE experiment_tag (
    experiment_id VARCHAR(36) NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    position      INTEGER     NOT NULL,
    tag           VARCHAR(64) NOT NULL,
    PRIMARY KEY (experiment_id, position)
);
CREATE INDEX experiment_tag_tag ON experiment_tag (tag, experiment_id);

CREATE TABLE experiment_param (
    experiment_id VARCHAR(36)  NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    param_key     VARCHAR(250) NOT NULL,
    value_type    VARCHAR(8)   NOT NULL,
    text_value    TEXT,
    number_value  DOUBLE PRECISION,
    PRIMARY KEY (experiment_id, param_key)
);

CREATE TABLE experiment_reference (
    experiment_id VARCHAR(36) NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    referenced_id VARCHAR(36) NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    PRIMARY KEY (experiment_id, referenced_id)
);
CREATE INDEX experiment_reference_back ON experiment_reference (referenced_id);

-- One row per (experiment, metric): the running summary and the unsealed tail of points.
CREATE SEQUENCE series_seq;
CREATE TABLE series (
    id              BIGINT       PRIMARY KEY,
    experiment_id   VARCHAR(36)  NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    name            VARCHAR(250) NOT NULL,
    point_count     BIGINT       NOT NULL,
    first_step      BIGINT,
    last_step       BIGINT,
    last_value      DOUBLE PRECISION,
    min_value       DOUBLE PRECISION,
    max_value       DOUBLE PRECISION,
    nonfinite_count BIGINT       NOT NULL,
    last_timestamp  BIGINT,
    chunk_count     INTEGER      NOT NULL,
    tail_count      INTEGER      NOT NULL,
    tail            BYTEA,
    UNIQUE (experiment_id, name)
);

-- Sealed columnar chunks of about 1,000 points with their headers.
CREATE TABLE chunk (
    series_id   BIGINT           NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    seq         INTEGER          NOT NULL,
    point_count INTEGER          NOT NULL,
    min_step    BIGINT           NOT NULL,
    max_step    BIGINT           NOT NULL,
    min_time    BIGINT           NOT NULL,
    max_time    BIGINT           NOT NULL,
    min_value   DOUBLE PRECISION,
    max_value   DOUBLE PRECISION,
    sum_value   DOUBLE PRECISION NOT NULL,
    first_value DOUBLE PRECISION NOT NULL,
    last_value  DOUBLE PRECISION NOT NULL,
    nonfinite   INTEGER          NOT NULL,
    data        BYTEA            NOT NULL,
    PRIMARY KEY (series_id, seq)
);
-- The encoded chunk is already compact; skip TOAST's compression attempt.
ALTER TABLE chunk ALTER COLUMN data SET STORAGE EXTERNAL;

-- Per-point metadata is rare: kept aside, keyed by the point's position in the series.
CREATE TABLE point_metadata (
    series_id BIGINT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    ordinal   BIGINT NOT NULL,
    metadata  TEXT   NOT NULL,
    PRIMARY KEY (series_id, ordinal)
);

-- Idempotency: batch ids (and legacy msg ids) already written for an experiment.
CREATE TABLE ingest_batch (
    experiment_id VARCHAR(36) NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    batch_id      VARCHAR(100) NOT NULL,
    created_at    BIGINT      NOT NULL,
    PRIMARY KEY (experiment_id, batch_id)
);

CREATE TABLE api_key (
    id           VARCHAR(36)  PRIMARY KEY,
    user_id      VARCHAR(36)  NOT NULL REFERENCES tora_user (id) ON DELETE CASCADE,
    name         VARCHAR(255) NOT NULL,
    prefix       VARCHAR(16)  NOT NULL,
    key_hash     VARCHAR(64)  NOT NULL UNIQUE,
    created_at   BIGINT       NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);
CREATE INDEX api_key_user ON api_key (user_id);

-- The implicit local user and the default workspace exist from the first start.
INSERT INTO tora_user (id, name, created_at)
VALUES ('00000000-0000-0000-0000-000000000001', 'local', 0);
INSERT INTO workspace (id, name, description, created_at)
VALUES ('00000000-0000-0000-0000-000000000001', 'default', 'The default workspace', 0);
INSERT INTO workspace_member (workspace_id, user_id, role)
VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001', 'owner');
