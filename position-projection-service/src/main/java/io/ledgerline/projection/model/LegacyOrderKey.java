package io.ledgerline.projection.model;

/**
 * The order key of an entry in events written before keys existed, and nothing else: an {@code EntryJoined} or
 * {@code EntryPriorityChanged} without {@code orderKey} means {@code priorityIndex * STRIDE + ticket} (strict
 * priority, FIFO by ticket), as the contract says. Every newer event carries its key, decided by the domain; the
 * projection never computes the calling order itself. All such values stay below 2^53, so a double (a Redis score)
 * holds them exactly.
 */
public final class LegacyOrderKey {

    /** Larger than any ticket a queue will ever hand out. */
    public static final long STRIDE = 10_000_000_000_000L;

    private LegacyOrderKey() {
    }

    /** The key a legacy event means for an entry of {@code priority} with {@code ticket}. */
    public static long of(Priority priority, long ticket) {
        if (ticket < 0 || ticket >= STRIDE) {
            throw new IllegalArgumentException("ticket out of range [0, " + STRIDE + "): " + ticket);
        }
        return classBase(priority) + ticket;
    }

    /** The legacy key of {@code priority} without the ticket: what a legacy priority change adds the ticket to. */
    public static long classBase(Priority priority) {
        return priority.index() * STRIDE;
    }
}
