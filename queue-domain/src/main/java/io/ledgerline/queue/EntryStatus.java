package io.ledgerline.queue;

/**
 * Where an entry is in its visit. WAITING and CALLED are active (they count toward capacity and stay in
 * {@link QueueState}); the others are final and the state forgets the entry once it reaches one.
 */
public enum EntryStatus {
    WAITING,
    CALLED,
    COMPLETED,
    LEFT,
    NO_SHOW,
    TRANSFERRED,
    /** Serving it failed more often than the queue's retry policy allows. */
    FAILED;

    public boolean isActive() {
        return this == WAITING || this == CALLED;
    }
}
