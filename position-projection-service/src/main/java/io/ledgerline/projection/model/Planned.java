package io.ledgerline.projection.model;

/** One of the two instants of a queue's plan (QueueScheduled): its next opening or its next closing. */
public enum Planned {
    OPENING, CLOSING
}
