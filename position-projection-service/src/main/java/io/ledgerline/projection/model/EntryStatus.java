package io.ledgerline.projection.model;

/**
 * Status of an entry in the read models. Only WAITING entries are in the waiting line (and have a position); HELD
 * ones have their ticket and count as active, but may not be called yet (scheduled for later, or waiting for a retry
 * after a failed attempt) until an EntryReleased puts them in the line. A status added here must be placed in
 * {@link #isFinal}: the switch does not compile otherwise, and the queries that look for active entries follow it.
 */
public enum EntryStatus {
    WAITING, HELD, CALLED,
    /** Under way to another queue: it keeps its place here, outside the line, until the target has decided. */
    TRANSFERRING,
    /** Let in by an automatic-admission queue (a waiting room); its admission is valid until its held_until. */
    ADMITTED,
    /**
     * Waiting (in the line or HELD) while its person is being served in another entry: it keeps its place, outside
     * the line, until every such service has ended; then WAITING at its place, or HELD if still scheduled for later.
     */
    SERVED_ELSEWHERE,
    COMPLETED, LEFT, NO_SHOW, TRANSFERRED,
    /** Serving it failed and no retry is left. */
    FAILED,
    /** Its admission ran out. */
    EXPIRED,
    /**
     * It was still waiting (WAITING, HELD or SERVED_ELSEWHERE) when the queue closed; a queue that closes keeps nobody
     * waiting.
     */
    CLOSED_OUT;

    /** Active entries may still change; the others are final. */
    public boolean isFinal() {
        return switch (this) {
            case WAITING, HELD, CALLED, TRANSFERRING, ADMITTED, SERVED_ELSEWHERE -> false;
            case COMPLETED, LEFT, NO_SHOW, TRANSFERRED, FAILED, EXPIRED, CLOSED_OUT -> true;
        };
    }
}
