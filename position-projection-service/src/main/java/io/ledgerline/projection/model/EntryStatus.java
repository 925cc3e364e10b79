package io.ledgerline.projection.model;

public enum EntryStatus {
    WAITING, CALLED, COMPLETED, LEFT, NO_SHOW, TRANSFERRED;

    /** Active entries may still change; the others are final. */
    public boolean isFinal() {
        return this != WAITING && this != CALLED;
    }
}
