-- Per-user settings of the web UI, by scope (a workspace id) and key, such as the dashboard's
-- columns. Values are small JSON documents.
CREATE TABLE user_preference (
    user_id    VARCHAR(36)  NOT NULL REFERENCES tora_user (id) ON DELETE CASCADE,
    scope      VARCHAR(36)  NOT NULL,
    pref_key   VARCHAR(64)  NOT NULL,
    pref_value VARCHAR(1000000) NOT NULL,
    updated_at BIGINT       NOT NULL,
    PRIMARY KEY (user_id, scope, pref_key)
);
