package io.ledgerline.queue;

/** Reopens a closed queue, or restarts an emergency-stopped one. */
public record OpenQueue(String queueId) implements QueueCommand {}
