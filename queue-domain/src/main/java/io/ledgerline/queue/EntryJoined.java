package io.ledgerline.queue;

import java.time.Instant;

/** An entry joined and was given the next ticket of its queue. */
public record EntryJoined(String queueId, String entryId, Priority priority, long ticket, Instant joinedAt) implements QueueEvent {}
