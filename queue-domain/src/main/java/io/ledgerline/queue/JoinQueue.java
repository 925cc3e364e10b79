package io.ledgerline.queue;

import java.time.Instant;

/**
 * Adds a person or job to the queue; the caller chooses the entry id (it is the idempotent handle). With a
 * {@code scheduledAt} after {@code joinedAt} the entry holds its ticket but is not callable before that time. A join
 * forwarded by a full queue names it in {@code overflowedFrom}; such a join does not overflow a second time. A join
 * that is a step of a transfer names the source queue in {@code transferredFrom}, and does not overflow either: the
 * source waits for this queue's answer. An {@code anonymous} join comes from someone who showed no credentials; only a
 * queue that takes public joins accepts it.
 */
public record JoinQueue(String queueId, String entryId, Priority priority, Instant joinedAt, Instant scheduledAt,
                        EntryDetails details, String overflowedFrom, String transferredFrom, boolean anonymous)
        implements QueueCommand {

    public JoinQueue {
        details = details == null ? EntryDetails.NONE : details;
    }

    public JoinQueue(String queueId, String entryId, Priority priority, Instant joinedAt, Instant scheduledAt,
                     EntryDetails details, String overflowedFrom, String transferredFrom) {
        this(queueId, entryId, priority, joinedAt, scheduledAt, details, overflowedFrom, transferredFrom, false);
    }

    /** A join by someone without credentials, on a queue's public link. */
    public static JoinQueue byAnyone(String queueId, String entryId, Priority priority, Instant joinedAt,
                                     Instant scheduledAt, EntryDetails details) {
        return new JoinQueue(queueId, entryId, priority, joinedAt, scheduledAt, details, null, null, true);
    }

    public JoinQueue(String queueId, String entryId, Priority priority, Instant joinedAt, Instant scheduledAt,
                     EntryDetails details, String overflowedFrom) {
        this(queueId, entryId, priority, joinedAt, scheduledAt, details, overflowedFrom, null);
    }

    public JoinQueue(String queueId, String entryId, Priority priority, Instant joinedAt, Instant scheduledAt,
                     EntryDetails details) {
        this(queueId, entryId, priority, joinedAt, scheduledAt, details, null);
    }

    public JoinQueue(String queueId, String entryId, Priority priority, Instant joinedAt, Instant scheduledAt) {
        this(queueId, entryId, priority, joinedAt, scheduledAt, EntryDetails.NONE);
    }

    public JoinQueue(String queueId, String entryId, Priority priority, Instant joinedAt) {
        this(queueId, entryId, priority, joinedAt, null);
    }

    /** This join as a full queue forwards it to its overflow queue {@code target}: as asked, naming where it came from. */
    public JoinQueue overflowingTo(String target) {
        return new JoinQueue(target, entryId, priority, joinedAt, scheduledAt, details, queueId, null);
    }
}
