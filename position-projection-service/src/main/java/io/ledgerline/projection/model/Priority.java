package io.ledgerline.projection.model;

/**
 * Priority class of an entry as the projection stores and shows it. The calling order is not derived from it: it
 * comes with the events' order keys.
 */
public enum Priority {
    URGENT, HIGH, NORMAL, LOW;

    /** URGENT 0 ... LOW 3: the most significant part of a {@link LegacyOrderKey}. */
    public int index() {
        return ordinal();
    }
}
