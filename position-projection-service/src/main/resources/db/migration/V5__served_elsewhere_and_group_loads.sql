-- An entry whose person is being served in another entry (EntryHeldForServiceElsewhere) is SERVED_ELSEWHERE: active,
-- out of the line, until every such service has ended. served_elsewhere lists those services, 'queueId/entryId' each,
-- in the order they began; empty in every other status. held_until stays set while such an entry is still scheduled
-- (no EntryReleased yet), so that once back it is HELD again rather than in the line.
ALTER TABLE entries ADD COLUMN served_elsewhere TEXT[] NOT NULL DEFAULT '{}';

-- A group's loads (PgGroupLoads) count, per queue of the group, the entries COMPLETED since a moment: equality on
-- queue_id and status, a range on finished_at. The index by (queue_id, status, ticket) found every COMPLETED row the
-- queue ever had and read each for its finished_at; this one goes straight to those of the window.
CREATE INDEX entries_by_queue_status_finished ON entries (queue_id, status, finished_at);
