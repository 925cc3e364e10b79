package io.ledgerline.queue;

/** Ends a pause or an emergency stop. */
public record ResumeQueue(String queueId) implements QueueCommand {}
