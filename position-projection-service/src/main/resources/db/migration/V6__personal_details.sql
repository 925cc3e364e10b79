-- Names, phone numbers and the like never travel in events, which are kept forever: a join carries an opaque
-- personRef, and the person's details live here, where an erasure deletes them for good. This table is not part of the
-- read model: no rebuild truncates or refills it, and no event names what is in it.
CREATE TABLE personal_details (
    person_ref  TEXT PRIMARY KEY,
    details     JSONB NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
