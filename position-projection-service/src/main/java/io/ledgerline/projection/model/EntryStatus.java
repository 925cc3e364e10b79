package io.ledgerline.projection.model;

/**
 * Status of an entry in the read models. Only WAITING entries are in the waiting line (and have a position); HELD
 * ones have their ticket and count as active, but may not be called yet (scheduled for later, or waiting for a retry
 * after a failed attempt) until an EntryReleased puts them in the line.
 */
public enum EntryStatus {
    WAITING, HELD, CALLED,
    /** Under way to another queue: it keeps its place here, outside the line, until the target has decided. */
    TRANSFERRING,
    /** Let in by an automatic-admission queue (a waiting room); its admission is valid until its held_until. */
    ADMITTED,
    COMPLETED, LEFT, NO_SHOW, TRANSFERRED,
    /** Serving it failed and no retry is left. */
    FAILED,
    /** Its admission ran out. */
    EXPIRED,
    /** It was still waiting (WAITING or HELD) when the queue closed; a queue that closes keeps nobody waiting. */
    CLOSED_OUT;

    /** Active entries may still change; the others are final. */
    public boolean isFinal() {
        return this != WAITING && this != HELD && this != CALLED && this != TRANSFERRING && this != ADMITTED;
    }
}
