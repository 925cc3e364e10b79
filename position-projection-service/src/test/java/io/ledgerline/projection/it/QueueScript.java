package io.ledgerline.projection.it;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ledgerline.queue.CallingOrder;

import ledgerline.queue.v1.EntriesClosedOut;
import ledgerline.queue.v1.EntriesReordered;
import ledgerline.queue.v1.EntryBackFromServiceElsewhere;
import ledgerline.queue.v1.EntryCalled;
import ledgerline.queue.v1.EntryCompleted;
import ledgerline.queue.v1.EntryFailed;
import ledgerline.queue.v1.EntryHeldForServiceElsewhere;
import ledgerline.queue.v1.EntryJoined;
import ledgerline.queue.v1.EntryLeft;
import ledgerline.queue.v1.EntryMarkedNoShow;
import ledgerline.queue.v1.EntryPriorityChanged;
import ledgerline.queue.v1.EntryPromoted;
import ledgerline.queue.v1.EntryReleased;
import ledgerline.queue.v1.EntryRequeued;
import ledgerline.queue.v1.EntryTransferredOut;
import ledgerline.queue.v1.Priority;
import ledgerline.queue.v1.QueueClosed;
import ledgerline.queue.v1.QueueCreated;
import ledgerline.queue.v1.QueueEventEnvelope;
import ledgerline.queue.v1.QueueOpened;
import ledgerline.queue.v1.QueuePaused;
import ledgerline.queue.v1.QueueScheduled;
import ledgerline.queue.v1.QueueSettings;
import ledgerline.queue.v1.ScheduleLapsed;

/**
 * Writes the events of one fresh queue (unique id) with consecutive sequences, as the command service would. Unless
 * a method says otherwise, entries are placed where the domain places them in a strict-priority queue
 * ({@link CallingOrder#strictKey}, the domain's own function): the events carry that key, as the command side writes
 * them; the {@code …Legacy} methods write events from before keys existed, and {@link #joinedAt} any key at all.
 */
final class QueueScript {

    final String queueId = "it-" + UUID.randomUUID();
    private final Map<String, Long> tickets = new HashMap<>();
    private long sequence;
    private long ticket;

    QueueEventEnvelope created(String name, int capacity) {
        return next(new QueueCreated(name, capacity, null));
    }

    /** A queue carrying {@code tag} that holds its entries while their person is served elsewhere. */
    QueueEventEnvelope createdHolding(String name, int capacity, String tag) {
        return next(new QueueCreated(name, capacity, QueueSettings.newBuilder().setTags(List.of(tag))
                .setHoldWhileServedElsewhere(true).build()));
    }

    QueueEventEnvelope joined(String entryId, Priority priority) {
        long t = nextTicket(entryId);
        return next(joinedEvent(entryId, priority, t, null, null, strictKey(priority, t)));
    }

    /** Joined at {@code orderKey}, whatever its priority and ticket: the key alone places it. */
    QueueEventEnvelope joinedAt(String entryId, Priority priority, long orderKey) {
        return next(joinedEvent(entryId, priority, nextTicket(entryId), null, null, orderKey));
    }

    /** Joined as written before order keys existed: no key, so its legacy strict key. */
    QueueEventEnvelope joinedLegacy(String entryId, Priority priority) {
        return next(joinedEvent(entryId, priority, nextTicket(entryId), null, null, null));
    }

    /** A scheduled entry: it gets its ticket (and number, A-ticket) now but is not callable before {@code until}. */
    QueueEventEnvelope joinedHeld(String entryId, Priority priority, Instant until) {
        long t = nextTicket(entryId);
        return next(joinedEvent(entryId, priority, t, String.format("A-%03d", t), until, strictKey(priority, t)));
    }

    QueueEventEnvelope called(String entryId) {
        return next(new EntryCalled(entryId, Instant.now(), null, null));
    }

    QueueEventEnvelope calledTo(String entryId, String number, String counter) {
        return next(new EntryCalled(entryId, Instant.now(), number, counter));
    }

    /** A failed attempt: held until {@code retryAt}, or ended FAILED when it is null. */
    QueueEventEnvelope failed(String entryId, int attempt, Instant retryAt) {
        return next(new EntryFailed(entryId, "no answer", attempt, Instant.now(), retryAt));
    }

    QueueEventEnvelope released(String entryId) {
        return next(new EntryReleased(entryId));
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

    /** Moved to {@code to} at the strict key of its own ticket, as a strict-priority queue moves it. */
    QueueEventEnvelope priorityChanged(String entryId, Priority from, Priority to) {
        return priorityChangedTo(entryId, from, to, strictKey(to, tickets.get(entryId)));
    }

    QueueEventEnvelope priorityChangedTo(String entryId, Priority from, Priority to, long orderKey) {
        return next(new EntryPriorityChanged(entryId, from, to, "integration test", orderKey));
    }

    /** A priority change written before order keys existed: no key. */
    QueueEventEnvelope priorityChangedLegacy(String entryId, Priority from, Priority to) {
        return next(new EntryPriorityChanged(entryId, from, to, "integration test", null));
    }

    /** Aged one class up, to {@code orderKey}. */
    QueueEventEnvelope promoted(String entryId, Priority from, Priority to, long orderKey) {
        return next(new EntryPromoted(entryId, from, to, orderKey, Instant.now()));
    }

    /** The entry's person is being served at {@code servedQueueId}/{@code servedEntryId}. */
    QueueEventEnvelope heldElsewhere(String entryId, String servedQueueId, String servedEntryId) {
        return next(new EntryHeldForServiceElsewhere(entryId, servedQueueId, servedEntryId));
    }

    /** That service ended; {@code still}: how many others still hold the entry, as the domain counts them. */
    QueueEventEnvelope backFromElsewhere(String entryId, String servedQueueId, String servedEntryId, int still) {
        return next(new EntryBackFromServiceElsewhere(entryId, servedQueueId, servedEntryId, still));
    }

    /** A lottery's draw: the entries at the given keys, pairwise. */
    QueueEventEnvelope reordered(List<String> entryIds, List<Long> orderKeys) {
        return next(new EntriesReordered(entryIds, orderKeys));
    }

    QueueEventEnvelope transferredOut(String entryId, Priority priority) {
        return next(new EntryTransferredOut(entryId, "it-elsewhere", priority, "integration test"));
    }

    QueueEventEnvelope paused(String reason) {
        return next(new QueuePaused(reason));
    }

    /** Closed by people; {@code closedOut}: the entries still waiting (WAITING or HELD), in calling order. */
    QueueEventEnvelope closed(String... closedOut) {
        return next(new QueueClosed(List.of(closedOut), closedOut.length, null));
    }

    /** The entries of a closing beyond the ones its QueueClosed named. */
    QueueEventEnvelope closedOutToo(String... closedOut) {
        return next(new EntriesClosedOut(List.of(closedOut)));
    }

    /** The queue's planned closing, due at {@code scheduledFor}. */
    QueueEventEnvelope closedAsPlanned(Instant scheduledFor, String... closedOut) {
        return next(new QueueClosed(List.of(closedOut), closedOut.length, scheduledFor));
    }

    /** Opened by people. */
    QueueEventEnvelope opened() {
        return next(new QueueOpened(null));
    }

    QueueEventEnvelope openedAsPlanned(Instant scheduledFor) {
        return next(new QueueOpened(scheduledFor));
    }

    QueueEventEnvelope scheduled(Instant opensAt, Instant closesAt) {
        return next(new QueueScheduled(opensAt, closesAt));
    }

    /** @param transition "open" or "close" */
    QueueEventEnvelope lapsed(String transition, Instant scheduledFor, String status) {
        return next(new ScheduleLapsed(transition, scheduledFor, status));
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

    private long nextTicket(String entryId) {
        tickets.put(entryId, ++ticket);
        return ticket;
    }

    /** Through the builder: fields added to the record later, with their defaults, need no change here. */
    private static EntryJoined joinedEvent(String entryId, Priority priority, long ticket, String number,
            Instant heldUntil, Long orderKey) {
        return EntryJoined.newBuilder().setEntryId(entryId).setPriority(priority).setTicket(ticket)
                .setJoinedAt(Instant.now()).setNumber(number).setHeldUntil(heldUntil).setOrderKey(orderKey).build();
    }

    private static long strictKey(Priority priority, long ticket) {
        return CallingOrder.strictKey(io.ledgerline.queue.Priority.valueOf(priority.name()), ticket);
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
