package io.ledgerline.queue;

/**
 * A request about every queue a selector matches, rather than about one queue. It is decided queue by queue (see
 * {@link BulkControl}): each queue's change is that queue's own command and events, on that queue's partition.
 */
public sealed interface BulkCommand permits EmergencyStopByTags, ResumeByTags {

    TagSelector selector();
}
