package io.ledgerline.queue;

/** Joins stopped; the waiting entries are still called. */
public record QueueClosed(String queueId) implements QueueEvent {}
