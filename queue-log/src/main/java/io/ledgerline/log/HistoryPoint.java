package io.ledgerline.log;

import java.time.Instant;

/**
 * A point of a queue's past: just after its event {@code sequence}, or just after its last event that occurred at or
 * before {@code time}; {@link #NOW} is the end of the log.
 */
public record HistoryPoint(Long sequence, Instant time) {

    public static final HistoryPoint NOW = new HistoryPoint(null, null);

    public HistoryPoint {
        if (sequence != null && time != null) {
            throw new IllegalArgumentException("a point of history is a sequence or a time, not both");
        }
        if (sequence != null && sequence < 0) {
            throw new IllegalArgumentException("a sequence is 0 or more, not " + sequence);
        }
    }

    public static HistoryPoint atSequence(long sequence) {
        return new HistoryPoint(sequence, null);
    }

    public static HistoryPoint atTime(Instant time) {
        return new HistoryPoint(null, time);
    }

    /** Whether an event of the queue with this sequence that occurred at {@code at} is part of the past asked for. */
    boolean includes(long eventSequence, Instant at) {
        return (sequence == null || eventSequence <= sequence) && (time == null || !at.isAfter(time));
    }

    /** Whether a checkpoint of this sequence, taken at {@code takenAt}, reflects nothing after the point. */
    boolean admitsCheckpoint(long checkpointSequence, Instant takenAt) {
        return (sequence == null || checkpointSequence <= sequence)
                && (time == null || takenAt != null && !takenAt.isAfter(time));
    }

    @Override
    public String toString() {
        return sequence != null ? "sequence " + sequence : time != null ? "time " + time : "now";
    }
}
