package io.ledgerline.projection.model;

/** Priority class of an entry as the projection stores it. Declaration order is serving order: URGENT first. */
public enum Priority {
    URGENT, HIGH, NORMAL, LOW;

    /** 0 for the class served first; the most significant part of a waiting entry's score. */
    public int index() {
        return ordinal();
    }
}
