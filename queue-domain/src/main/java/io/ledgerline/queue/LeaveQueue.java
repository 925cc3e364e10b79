package io.ledgerline.queue;

/** A waiting or called entry gives up its place. */
public record LeaveQueue(String queueId, String entryId) implements QueueCommand {}
