package io.ledgerline.queue;

/**
 * The person is served at {@code service}: hold their waiting entries of this queue. Decided queue by queue within a
 * {@link HoldPersonEntries}; never sent alone.
 */
public record HoldForServiceElsewhere(String queueId, String personRef, ServedElsewhere service)
        implements QueueCommand {}
