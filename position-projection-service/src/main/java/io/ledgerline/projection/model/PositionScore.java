package io.ledgerline.projection.model;

/**
 * Score of a waiting entry in the Redis sorted set: priority class first, then ticket (FIFO).
 * {@code priorityIndex * STRIDE + ticket}; all such values stay below 2^53, so a double holds them exactly.
 */
public final class PositionScore {

    /** Larger than any ticket a queue will ever hand out. */
    public static final long STRIDE = 10_000_000_000_000L;

    private PositionScore() {
    }

    public static long of(Priority priority, long ticket) {
        if (ticket < 0 || ticket >= STRIDE) {
            throw new IllegalArgumentException("ticket out of range [0, " + STRIDE + "): " + ticket);
        }
        return priority.index() * STRIDE + ticket;
    }

    public static long ticketOf(long score) {
        return score % STRIDE;
    }

    public static Priority priorityOf(long score) {
        return Priority.values()[(int) (score / STRIDE)];
    }
}
