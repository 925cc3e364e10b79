package io.ledgerline.queue;

/** Ends a sleep early (or on time, when the command service's timer fires). */
public record WakeQueue(String queueId) implements QueueCommand {}
