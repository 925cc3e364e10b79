-- Entry numbers and counters as people see them (A-042 to desk 4), and entries that have their ticket but may not
-- be called yet: status HELD until held_until (scheduled, or waiting for a retry), then an EntryReleased puts them in
-- the line. attempts counts failed attempts at serving the entry; a last failure ends it FAILED.
-- entry_number: a ticket prefix of up to 8 characters, '-' and the ticket's digits (at most 19).

ALTER TABLE entries ADD COLUMN entry_number VARCHAR(32);
ALTER TABLE entries ADD COLUMN counter      VARCHAR(40);
ALTER TABLE entries ADD COLUMN held_until   TIMESTAMPTZ;
ALTER TABLE entries ADD COLUMN attempts     INTEGER NOT NULL DEFAULT 0;
