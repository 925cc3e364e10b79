package io.ledgerline.command.model;

import io.ledgerline.queue.QueueEvent;

/** A decided event with the per-queue sequence number it is appended under. */
public record SequencedEvent(long sequence, QueueEvent event) {}
