package io.ledgerline.projection.it;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.PositionScore;
import ledgerline.queue.v1.EntryCalled;
import ledgerline.queue.v1.EntryCompleted;
import ledgerline.queue.v1.EntryJoined;
import ledgerline.queue.v1.EntryLeft;
import ledgerline.queue.v1.EntryMarkedNoShow;
import ledgerline.queue.v1.EntryPriorityChanged;
import ledgerline.queue.v1.EntryRequeued;
import ledgerline.queue.v1.EntryTransferredOut;
import ledgerline.queue.v1.Priority;
import ledgerline.queue.v1.QueueConfigured;
import ledgerline.queue.v1.QueueCreated;
import ledgerline.queue.v1.QueueEventEnvelope;
import ledgerline.queue.v1.QueuePaused;
import ledgerline.queue.v1.QueueResumed;

/**
 * One queue's random but valid event stream, and the read model that applying its events one by one must give: the
 * expected queue row, entry rows, history rows and waiting line. Times are whole milliseconds, as the Avro
 * {@code timestamp-millis} fields carry them, so expected and stored values compare exactly.
 */
final class SimulatedQueue {

    record Entry(String entryId, Priority priority, long ticket, EntryStatus status, Instant joinedAt,
            Instant calledAt, Instant finishedAt, long updatedSequence) {

        Entry then(EntryStatus status, Priority priority, Instant calledAt, Instant finishedAt, long sequence) {
            return new Entry(entryId, priority, ticket, status, joinedAt, calledAt, finishedAt, sequence);
        }

        long score() {
            return PositionScore.of(io.ledgerline.projection.model.Priority.valueOf(priority.name()), ticket);
        }
    }

    record History(String entryId, long sequence, String eventType, EntryStatus status, Priority priority,
            Instant occurredAt) {
    }

    final String queueId = "it-batch-" + UUID.randomUUID();
    private final Random random;
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final List<QueueEventEnvelope> events = new ArrayList<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<History> history = new ArrayList<>();
    private String name;
    private int capacity;
    private String status;
    private long ticket;
    private int entryCount;

    SimulatedQueue(Random random) {
        this.random = random;
        name = "Batch " + queueId.substring(9, 17);
        capacity = 50;
        status = "OPEN";
        append(new QueueCreated(name, capacity, null));
    }

    /** Adds about {@code count} more events: single steps and bursts that touch one entry several times in a row. */
    List<QueueEventEnvelope> play(int count) {
        int from = events.size();
        while (events.size() - from < count) {
            switch (random.nextInt(12)) {
                case 0, 1, 2 -> join(fresh(), priority());
                case 3 -> pick(e -> e.status() == EntryStatus.WAITING).ifPresent(this::call);
                case 4 -> pick(e -> e.status() == EntryStatus.CALLED).ifPresent(this::complete);
                case 5 -> pick(e -> e.status() == EntryStatus.CALLED).ifPresent(this::requeue);
                case 6 -> pick(e -> !e.status().isFinal()).ifPresent(e -> reprioritise(e, priority()));
                case 7 -> pick(e -> !e.status().isFinal()).ifPresent(this::leave);
                case 8 -> pick(e -> e.status() == EntryStatus.CALLED).ifPresent(this::noShow);
                case 9 -> pick(e -> e.status() == EntryStatus.WAITING).ifPresent(this::transfer);
                case 10 -> {
                    // A whole visit back to back: joined, called, completed.
                    String id = fresh();
                    join(id, priority());
                    call(id);
                    complete(id);
                }
                default -> {
                    // A called entry sent back with another priority, or a finished id that joins again.
                    switch (random.nextInt(3)) {
                        case 0 -> pick(e -> e.status() == EntryStatus.WAITING).ifPresent(id -> {
                            call(id);
                            reprioritise(id, priority());
                            requeue(id);
                        });
                        case 1 -> pick(e -> e.status().isFinal()).ifPresent(id -> join(id, priority()));
                        default -> queueLifecycle();
                    }
                }
            }
        }
        return List.copyOf(events.subList(from, events.size()));
    }

    long lastSequence() {
        return events.size();
    }

    List<QueueEventEnvelope> events() {
        return List.copyOf(events);
    }

    String name() {
        return name;
    }

    int capacity() {
        return capacity;
    }

    String status() {
        return status;
    }

    Instant lastOccurredAt() {
        return events.getLast().getOccurredAt();
    }

    Map<String, Entry> entries() {
        return Map.copyOf(entries);
    }

    List<History> history() {
        return List.copyOf(history);
    }

    /** The waiting line in serving order: strict priority, then ticket. */
    List<Entry> waiting() {
        return entries.values().stream().filter(e -> e.status() == EntryStatus.WAITING)
                .sorted(Comparator.comparingLong(Entry::score)).toList();
    }

    /** Entries that may still change, with their current score (what Redis keeps for requeues and priority moves). */
    Map<String, Long> activeScores() {
        Map<String, Long> scores = new LinkedHashMap<>();
        entries.values().stream().filter(e -> !e.status().isFinal()).forEach(e -> scores.put(e.entryId(), e.score()));
        return scores;
    }

    private String fresh() {
        return "e" + (++entryCount);
    }

    private Priority priority() {
        return Priority.values()[random.nextInt(Priority.values().length)];
    }

    private java.util.Optional<String> pick(Predicate<Entry> which) {
        List<String> ids = entries.values().stream().filter(which).map(Entry::entryId).toList();
        return ids.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ids.get(random.nextInt(ids.size())));
    }

    private void join(String id, Priority priority) {
        Instant at = nextAt();
        long t = ++ticket;
        append(new EntryJoined(id, priority, t, at.minusMillis(1), null));
        record(new Entry(id, priority, t, EntryStatus.WAITING, at.minusMillis(1), null, null, lastSequence()), at);
    }

    private void call(String id) {
        Instant at = nextAt();
        append(new EntryCalled(id, at.minusMillis(1), null, null));
        Entry e = entries.get(id);
        record(e.then(EntryStatus.CALLED, e.priority(), at.minusMillis(1), e.finishedAt(), lastSequence()), at);
    }

    private void complete(String id) {
        Instant at = nextAt();
        append(new EntryCompleted(id, at.minusMillis(1)));
        Entry e = entries.get(id);
        record(e.then(EntryStatus.COMPLETED, e.priority(), e.calledAt(), at.minusMillis(1), lastSequence()), at);
    }

    private void requeue(String id) {
        Instant at = nextAt();
        append(new EntryRequeued(id));
        Entry e = entries.get(id);
        record(e.then(EntryStatus.WAITING, e.priority(), null, e.finishedAt(), lastSequence()), at);
    }

    private void reprioritise(String id, Priority to) {
        Instant at = nextAt();
        Entry e = entries.get(id);
        append(new EntryPriorityChanged(id, e.priority(), to, "batch test"));
        record(e.then(e.status(), to, e.calledAt(), e.finishedAt(), lastSequence()), at);
    }

    private void leave(String id) {
        Instant at = nextAt();
        append(new EntryLeft(id));
        Entry e = entries.get(id);
        record(e.then(EntryStatus.LEFT, e.priority(), e.calledAt(), at, lastSequence()), at);
    }

    private void noShow(String id) {
        Instant at = nextAt();
        append(new EntryMarkedNoShow(id));
        Entry e = entries.get(id);
        record(e.then(EntryStatus.NO_SHOW, e.priority(), e.calledAt(), at, lastSequence()), at);
    }

    private void transfer(String id) {
        Instant at = nextAt();
        Entry e = entries.get(id);
        append(new EntryTransferredOut(id, "it-elsewhere", e.priority(), "batch test"));
        record(e.then(EntryStatus.TRANSFERRED, e.priority(), e.calledAt(), at, lastSequence()), at);
    }

    private void queueLifecycle() {
        nextAt();
        if (status.equals("PAUSED")) {
            append(new QueueResumed());
            status = "OPEN";
        } else if (random.nextBoolean()) {
            append(new QueuePaused("batch test"));
            status = "PAUSED";
        } else {
            capacity = 10 + random.nextInt(90);
            name = name + "+";
            append(new QueueConfigured(name, capacity, null));
        }
    }

    private void record(Entry entry, Instant at) {
        entries.put(entry.entryId(), entry);
        history.add(new History(entry.entryId(), lastSequence(), events.getLast().getPayload().getClass()
                .getSimpleName(), entry.status(), entry.priority(), at));
    }

    /** The time of the next event: two milliseconds apart, so a payload time (one earlier) never equals an event time. */
    private Instant nextAt() {
        return start.plusMillis(2L * (events.size() + 1));
    }

    private void append(Object payload) {
        long sequence = events.size() + 1L;
        events.add(QueueEventEnvelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setQueueId(queueId)
                .setSequence(sequence)
                .setOccurredAt(start.plusMillis(2L * sequence))
                .setCausationCommandId(UUID.randomUUID().toString())
                .setActor("position-projection-batch-it")
                .setPayload(payload)
                .build());
    }
}
