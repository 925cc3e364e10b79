package io.ledgerline.queue;

/**
 * A request about every queue a selection matches, rather than about one queue. It is decided queue by queue (see
 * {@link BulkControl}): each queue's change is that queue's own command and events, on that queue's partition.
 */
public sealed interface BulkCommand permits BulkCommand.ByTags, BulkCommand.ByPerson {

    /** Selects the queues carrying every tag of its selector: an operator's action on an office, a region. */
    sealed interface ByTags extends BulkCommand permits EmergencyStopByTags, ResumeByTags {
        TagSelector selector();
    }

    /** Selects the queues where the person has an entry: a step of holding them while served elsewhere. */
    sealed interface ByPerson extends BulkCommand permits HoldPersonEntries, ReturnPersonEntries {
        String personRef();

        ServedElsewhere service();
    }
}
