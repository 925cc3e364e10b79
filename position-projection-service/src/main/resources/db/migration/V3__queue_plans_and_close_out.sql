-- A queue's plan (QueueScheduled): the opening and the closing still ahead, each null when none is, or once the
-- planned opening or closing took place or lapsed.
-- Closing a queue ends every entry still waiting CLOSED_OUT, up to a thousand in one event: one sequence now gives a
-- history row to each of those entries, so a history row is one per entry and sequence. The index by entry holds
-- exactly those columns and becomes the unique one.

ALTER TABLE queues ADD COLUMN opens_at  TIMESTAMPTZ;
ALTER TABLE queues ADD COLUMN closes_at TIMESTAMPTZ;

ALTER TABLE entry_history DROP CONSTRAINT entry_history_queue_id_sequence_key;
DROP INDEX entry_history_by_entry;
CREATE UNIQUE INDEX entry_history_by_entry ON entry_history (queue_id, entry_id, sequence);
