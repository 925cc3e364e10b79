package io.ledgerline.queue;

/** Stops joins; the people already waiting are still called. */
public record CloseQueue(String queueId) implements QueueCommand {}
