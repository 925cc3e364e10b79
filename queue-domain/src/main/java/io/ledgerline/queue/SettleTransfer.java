package io.ledgerline.queue;

/**
 * The last step of a transfer, sent by the target queue's owner with its decision on the forwarded join: the entry
 * leaves this queue ({@code refusal} null), or returns to its place (the target's refusal).
 */
public record SettleTransfer(String queueId, String entryId, String targetQueueId, String refusal)
        implements QueueCommand {}
