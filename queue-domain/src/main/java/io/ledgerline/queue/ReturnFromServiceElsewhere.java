package io.ledgerline.queue;

/**
 * The person's service at {@code service} ended: the entries of this queue it held come back. Decided queue by queue
 * within a {@link ReturnPersonEntries}; never sent alone.
 */
public record ReturnFromServiceElsewhere(String queueId, String personRef, ServedElsewhere service)
        implements QueueCommand {}
