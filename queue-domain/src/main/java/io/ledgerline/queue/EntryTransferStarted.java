package io.ledgerline.queue;

import java.time.Instant;

/**
 * The first step of a transfer: the entry keeps its place here but is not callable, while a join goes to the target
 * queue. The transfer settles with {@link EntryTransferredOut} when the target took it, or
 * {@link EntryTransferReturned} when the target refused it.
 */
public record EntryTransferStarted(String queueId, String entryId, String targetQueueId, Priority priority,
                                   String justification, EntryDetails details) implements QueueEvent {

    public EntryTransferStarted {
        details = details == null ? EntryDetails.NONE : details;
    }

    /** The join this transfer sends to its target: the same entry, priority and details, naming where it comes from. */
    public JoinQueue forwardedJoin(Instant at) {
        return new JoinQueue(targetQueueId, entryId, priority, at, null, details, null, queueId);
    }
}
