-- Search (query language and dashboard). A metric or param condition reads the rows of one metric
-- name or one param key: e.id IN (SELECT experiment_id FROM series WHERE name = ? AND ...). These
-- indexes make that a range scan of the name's rows instead of a scan of every series or param
-- (the primary and unique keys start with experiment_id). Tags already have (tag, experiment_id).
CREATE INDEX series_name ON series (name, experiment_id);
CREATE INDEX experiment_param_key ON experiment_param (param_key, experiment_id);
