package io.ledgerline.projection.it;

import java.time.Instant;
import java.util.UUID;

import ledgerline.queue.v1.EntryCalled;
import ledgerline.queue.v1.EntryCompleted;
import ledgerline.queue.v1.EntryJoined;
import ledgerline.queue.v1.EntryLeft;
import ledgerline.queue.v1.EntryMarkedNoShow;
import ledgerline.queue.v1.EntryPriorityChanged;
import ledgerline.queue.v1.EntryRequeued;
import ledgerline.queue.v1.EntryTransferredOut;
import ledgerline.queue.v1.Priority;
import ledgerline.queue.v1.QueueCreated;
import ledgerline.queue.v1.QueueEventEnvelope;
import ledgerline.queue.v1.QueuePaused;

/** Writes the events of one fresh queue (unique id) with consecutive sequences, as the command service would. */
final class QueueScript {

    final String queueId = "it-" + UUID.randomUUID();
    private long sequence;
    private long ticket;

    QueueEventEnvelope created(String name, int capacity) {
        return next(new QueueCreated(name, capacity, null));
    }

    QueueEventEnvelope joined(String entryId, Priority priority) {
        return next(new EntryJoined(entryId, priority, ++ticket, Instant.now(), null));
    }

    QueueEventEnvelope called(String entryId) {
        return next(new EntryCalled(entryId, Instant.now(), null, null));
    }

    QueueEventEnvelope completed(String entryId) {
        return next(new EntryCompleted(entryId, Instant.now()));
    }

    QueueEventEnvelope left(String entryId) {
        return next(new EntryLeft(entryId));
    }

    QueueEventEnvelope noShow(String entryId) {
        return next(new EntryMarkedNoShow(entryId));
    }

    QueueEventEnvelope requeued(String entryId) {
        return next(new EntryRequeued(entryId));
    }

    QueueEventEnvelope priorityChanged(String entryId, Priority from, Priority to) {
        return next(new EntryPriorityChanged(entryId, from, to, "integration test"));
    }

    QueueEventEnvelope transferredOut(String entryId, Priority priority) {
        return next(new EntryTransferredOut(entryId, "it-elsewhere", priority, "integration test"));
    }

    QueueEventEnvelope paused(String reason) {
        return next(new QueuePaused(reason));
    }

    /** An event with a sequence of the caller's choosing: redeliveries and gaps. Does not move the counter. */
    QueueEventEnvelope withSequence(long explicitSequence, Object payload) {
        return envelope(explicitSequence, payload);
    }

    /** Skips the next sequence, as a lost event would. */
    void lose() {
        sequence++;
    }

    long lastSequence() {
        return sequence;
    }

    private QueueEventEnvelope next(Object payload) {
        return envelope(++sequence, payload);
    }

    private QueueEventEnvelope envelope(long seq, Object payload) {
        return QueueEventEnvelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setQueueId(queueId)
                .setSequence(seq)
                .setOccurredAt(Instant.now())
                .setCausationCommandId(UUID.randomUUID().toString())
                .setActor("position-projection-it")
                .setPayload(payload)
                .build();
    }
}
