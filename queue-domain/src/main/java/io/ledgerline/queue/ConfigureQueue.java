package io.ledgerline.queue;

/** Renames a queue and/or changes its capacity (never below the entries it holds now). */
public record ConfigureQueue(String queueId, String name, int capacity) implements QueueCommand {}
