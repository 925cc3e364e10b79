-- Read models of the position projection. Everything here is derived from ledgerline.queue-events.v1
-- and may be truncated and rebuilt from the log at any time.

CREATE TABLE queues (
    queue_id      VARCHAR(200) PRIMARY KEY,
    name          VARCHAR(500),
    capacity      INTEGER,
    status        VARCHAR(32),
    last_sequence BIGINT      NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE entries (
    queue_id         VARCHAR(200) NOT NULL,
    entry_id         VARCHAR(200) NOT NULL,
    priority         VARCHAR(16)  NOT NULL,
    ticket           BIGINT       NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    joined_at        TIMESTAMPTZ  NOT NULL,
    called_at        TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    updated_sequence BIGINT       NOT NULL,
    PRIMARY KEY (queue_id, entry_id)
);

CREATE INDEX entries_by_queue_status_ticket ON entries (queue_id, status, ticket);

-- Append-only: one row per status or priority transition of an entry, for audit and wait-time analysis.
CREATE TABLE entry_history (
    id          BIGSERIAL    PRIMARY KEY,
    queue_id    VARCHAR(200) NOT NULL,
    entry_id    VARCHAR(200) NOT NULL,
    sequence    BIGINT       NOT NULL,
    event_type  VARCHAR(64)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    priority    VARCHAR(16)  NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    UNIQUE (queue_id, sequence)
);

CREATE INDEX entry_history_by_entry ON entry_history (queue_id, entry_id, sequence);

-- One row: the epoch of the projection. Redis holds the same marker; when they differ, both are rebuilt.
CREATE TABLE projection_epoch (
    singleton  BOOLEAN      PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    epoch      VARCHAR(64)  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);
