package io.ledgerline.queue;

/** Lifts the emergency stop of every queue carrying all the selector's tags; paused queues stay paused. */
public record ResumeByTags(TagSelector selector) implements BulkCommand.ByTags {}
