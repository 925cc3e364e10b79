-- The rank an entry had at the moment of a change that moved it (the rank it joined at, was called or left from,
-- was moved to), as the line's Redis script reported it. Null where the change did not move it in the line (a
-- held entry's join, a completion) or where it is unknown (rows from before this column; a batch whose ranks were
-- lost in a crash between the two stores).
ALTER TABLE entry_history ADD COLUMN rank BIGINT;
