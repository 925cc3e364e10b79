-- Several instances share the read models, each applying the partitions its consumer group gives it: the epoch marker
-- is per partition of the events topic, so an instance rebuilds (wipes and replays) only its own partitions' queues.
-- The single marker of before is dropped: the first start after this migration rebuilds every partition once.
DROP TABLE projection_epoch;

CREATE TABLE partition_epochs (
    partition  INTEGER      PRIMARY KEY,
    epoch      VARCHAR(64)  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);
