-- The audit trail: who caused each change of an entry (the event's actor) and why or where (a justification, a reason,
-- a desk, a target queue); and the queue's own changes (created, configured, paused, closed, planned...), which had no
-- row anywhere. Both are read page by page by sequence; the line simply advancing is not a row (it is derivable).
ALTER TABLE entry_history ADD COLUMN actor VARCHAR(200);
ALTER TABLE entry_history ADD COLUMN detail TEXT;

CREATE TABLE queue_history (
    queue_id    VARCHAR(200) NOT NULL,
    sequence    BIGINT       NOT NULL,
    event_type  VARCHAR(64)  NOT NULL,
    status      VARCHAR(32),
    actor       VARCHAR(200),
    detail      TEXT,
    occurred_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (queue_id, sequence)
);

-- Retention deletes by age, and the queue's audit reads entry rows by queue and sequence.
CREATE INDEX entry_history_by_time ON entry_history (occurred_at);
CREATE INDEX queue_history_by_time ON queue_history (occurred_at);
CREATE INDEX entry_history_by_queue_sequence ON entry_history (queue_id, sequence);
