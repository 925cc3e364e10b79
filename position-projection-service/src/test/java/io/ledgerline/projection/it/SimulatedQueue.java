package io.ledgerline.projection.it;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.queue.CallingOrder;
import ledgerline.queue.v1.EntriesClosedOut;
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
import ledgerline.queue.v1.QueueConfigured;
import ledgerline.queue.v1.QueueCreated;
import ledgerline.queue.v1.QueueEventEnvelope;
import ledgerline.queue.v1.QueueOpened;
import ledgerline.queue.v1.QueuePaused;
import ledgerline.queue.v1.QueueResumed;
import ledgerline.queue.v1.QueueScheduled;
import ledgerline.queue.v1.ScheduleLapsed;

/**
 * One queue's random but valid event stream, and the read model that applying its events one by one must give: the
 * expected queue row, entry rows, history rows and waiting line. Times are whole milliseconds, as the Avro
 * {@code timestamp-millis} fields carry them, so expected and stored values compare exactly.
 *
 * <p>Order keys are the events' business, not this class's: it writes arbitrary keys (ties and keys near 2^53
 * among them) into its joins, priority changes and promotions, and expects the line in ascending key, equal keys by
 * entry id, whatever the priorities. Its first events are written as before keys existed (no key: the domain's
 * strict key, {@link CallingOrder#strictKey}), as in a log that started before the upgrade.
 */
final class SimulatedQueue {

    /** @param servedElsewhere while SERVED_ELSEWHERE, the services holding it ({@code queueId/entryId}), in order */
    record Entry(String entryId, Priority priority, long ticket, EntryStatus status, String number,
            Instant joinedAt, Instant calledAt, String counter, Instant finishedAt, Instant heldUntil, int attempts,
            long updatedSequence, List<String> servedElsewhere) {

        Entry {
            servedElsewhere = List.copyOf(servedElsewhere);
        }

        /**
         * Any status but HELD (or SERVED_ELSEWHERE while still scheduled) forgets the hold, any but SERVED_ELSEWHERE
         * the services elsewhere; number, counter and attempts stay.
         */
        Entry then(EntryStatus status, Priority priority, Instant calledAt, Instant finishedAt, long sequence) {
            boolean elsewhere = status == EntryStatus.SERVED_ELSEWHERE;
            return new Entry(entryId, priority, ticket, status, number, joinedAt, calledAt, counter, finishedAt,
                    status == EntryStatus.HELD || elsewhere ? heldUntil : null, attempts, sequence,
                    elsewhere ? servedElsewhere : List.of());
        }

        Entry calledAt(Instant at, String calledNumber, String calledCounter, long sequence) {
            return new Entry(entryId, priority, ticket, EntryStatus.CALLED, calledNumber != null ? calledNumber
                    : number, joinedAt, at, calledCounter, finishedAt, null, attempts, sequence, List.of());
        }

        Entry heldForRetry(Instant until, int attempt, long sequence) {
            return new Entry(entryId, priority, ticket, EntryStatus.HELD, number, joinedAt, null, counter,
                    finishedAt, until, attempt, sequence, List.of());
        }

        Entry failedFinally(Instant at, int attempt, long sequence) {
            return new Entry(entryId, priority, ticket, EntryStatus.FAILED, number, joinedAt, calledAt, counter, at,
                    null, attempt, sequence, List.of());
        }

        /** Held for {@code services} elsewhere; {@code scheduledUntil} while not released yet. */
        Entry servedAt(List<String> services, Instant scheduledUntil, long sequence) {
            return new Entry(entryId, priority, ticket, EntryStatus.SERVED_ELSEWHERE, number, joinedAt, calledAt,
                    counter, finishedAt, scheduledUntil, attempts, sequence, services);
        }
    }

    record History(String entryId, long sequence, String eventType, EntryStatus status, Priority priority,
            Instant occurredAt) {
    }

    /** Most entries a QueueClosed or an EntriesClosedOut names, as the command side writes them. */
    static final int CLOSE_OUT_CHUNK = 1000;

    final String queueId = "it-batch-" + UUID.randomUUID();
    private final Random random;
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final List<QueueEventEnvelope> events = new ArrayList<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<History> history = new ArrayList<>();
    /** Each entry's order key as its last joining, priority change or promotion set it (the legacy key if none). */
    private final Map<String, Long> orderKeys = new HashMap<>();
    /** Events up to this sequence are written as before order keys existed. */
    private final long legacyUntil;
    private String name;
    private int capacity;
    private String status;
    private Instant opensAt;
    private Instant closesAt;
    private long ticket;
    private int entryCount;
    private int serviceCount;

    SimulatedQueue(Random random) {
        this.random = random;
        this.legacyUntil = random.nextInt(3) == 0 ? 0 : random.nextInt(400);
        name = "Batch " + queueId.substring(9, 17);
        capacity = 50;
        status = "OPEN";
        append(new QueueCreated(name, capacity, null));
    }

    /** Adds about {@code count} more events: single steps and bursts that touch one entry several times in a row. */
    List<QueueEventEnvelope> play(int count) {
        int from = events.size();
        while (events.size() - from < count) {
            switch (random.nextInt(18)) {
                case 0, 1 -> join(fresh(), priority());
                case 2 -> joinHeld(fresh(), priority());
                case 3 -> pick(e -> e.status() == EntryStatus.WAITING).ifPresent(this::call);
                case 4 -> pick(e -> e.status() == EntryStatus.CALLED).ifPresent(this::complete);
                case 5 -> pick(e -> e.status() == EntryStatus.CALLED).ifPresent(this::requeue);
                case 6 -> pick(e -> !e.status().isFinal()).ifPresent(e -> reprioritise(e, priority()));
                case 7 -> pick(e -> !e.status().isFinal()).ifPresent(this::leave);
                case 8 -> pick(e -> e.status() == EntryStatus.CALLED).ifPresent(this::noShow);
                case 9 -> pick(e -> e.status() == EntryStatus.WAITING).ifPresent(this::transfer);
                case 12 -> pick(e -> e.status() == EntryStatus.CALLED).ifPresent(this::fail);
                case 13 -> pick(e -> e.status() == EntryStatus.HELD
                        || e.status() == EntryStatus.SERVED_ELSEWHERE && e.heldUntil() != null)
                        .ifPresent(this::release);
                case 16 -> {
                    // Holds for services elsewhere are newer than order keys: none in a log's legacy part.
                    if (!legacy() && random.nextBoolean()) {
                        pick(e -> e.status() == EntryStatus.WAITING || e.status() == EntryStatus.HELD
                                || e.status() == EntryStatus.SERVED_ELSEWHERE).ifPresent(this::holdElsewhere);
                    } else if (!legacy()) {
                        pick(e -> e.status() == EntryStatus.SERVED_ELSEWHERE).ifPresent(this::backFromElsewhere);
                    }
                }
                case 17 -> {
                    // A scheduled entry whose person is served in two places, released meanwhile, back from both.
                    if (!legacy()) {
                        String id = fresh();
                        joinHeld(id, priority());
                        holdElsewhere(id);
                        holdElsewhere(id);
                        release(id);
                        backFromElsewhere(id);
                        backFromElsewhere(id);
                    }
                }
                case 15 -> {
                    // Aging is newer than order keys: no promotion in a log's legacy part.
                    if (!legacy()) {
                        pick(e -> e.status() == EntryStatus.WAITING && e.priority() != Priority.URGENT)
                                .ifPresent(this::promote);
                    }
                }
                case 14 -> {
                    // A scheduled visit with a failed attempt back to back: held, released, called, held, released.
                    String id = fresh();
                    joinHeld(id, priority());
                    release(id);
                    call(id);
                    failWithRetry(id);
                    release(id);
                }
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

    /**
     * Adds {@code count} entries, every tenth scheduled (held), the rest in the line; then calls the first
     * {@code called} of the line.
     */
    List<QueueEventEnvelope> fill(int count, int called) {
        int from = events.size();
        for (int i = 1; i <= count; i++) {
            if (i % 10 == 0) {
                joinHeld(fresh(), priority());
            } else {
                join(fresh(), priority());
            }
        }
        waiting().stream().limit(called).map(Entry::entryId).toList().forEach(this::call);
        return List.copyOf(events.subList(from, events.size()));
    }

    /** A plan of an opening and a closing a day or so ahead of the events. */
    List<QueueEventEnvelope> schedule() {
        int from = events.size();
        opensAt = nextAt().plusSeconds(86_400 + random.nextInt(3600));
        closesAt = opensAt.plusSeconds(8 * 3600);
        append(new QueueScheduled(opensAt, closesAt));
        return List.copyOf(events.subList(from, events.size()));
    }

    /**
     * Closes the queue as the command side does: every WAITING or HELD entry ends CLOSED_OUT, the first
     * {@link #CLOSE_OUT_CHUNK} named by the QueueClosed, the others by EntriesClosedOut events right after it.
     *
     * @param planned the plan's closing, which it uses up (there must be one); otherwise closed by people
     */
    List<QueueEventEnvelope> close(boolean planned) {
        int from = events.size();
        List<String> closedOut = new ArrayList<>(waiting().stream().map(Entry::entryId).toList());
        entries.values().stream()
                .filter(e -> e.status() == EntryStatus.HELD || e.status() == EntryStatus.SERVED_ELSEWHERE)
                .sorted(callingOrder()).forEach(e -> closedOut.add(e.entryId()));
        Instant scheduledFor = planned ? closesAt : null;
        if (planned) {
            closesAt = null;
        }
        status = "CLOSED";
        for (int first = 0; first == 0 || first < closedOut.size(); first += CLOSE_OUT_CHUNK) {
            Instant at = nextAt();
            List<String> chunk = closedOut.subList(first, Math.min(first + CLOSE_OUT_CHUNK, closedOut.size()));
            append(first == 0 ? new QueueClosed(List.copyOf(chunk), closedOut.size(), scheduledFor)
                    : new EntriesClosedOut(List.copyOf(chunk)));
            for (String id : chunk) {
                Entry e = entries.get(id);
                record(e.then(EntryStatus.CLOSED_OUT, e.priority(), e.calledAt(), at, lastSequence()), at);
            }
        }
        return List.copyOf(events.subList(from, events.size()));
    }

    /** @param planned the plan's opening, which it uses up (there must be one); otherwise opened by people */
    List<QueueEventEnvelope> open(boolean planned) {
        int from = events.size();
        append(new QueueOpened(planned ? opensAt : null));
        if (planned) {
            opensAt = null;
        }
        status = "OPEN";
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

    Instant opensAt() {
        return opensAt;
    }

    Instant closesAt() {
        return closesAt;
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

    /** The waiting line in serving order: by order key, equal keys by entry id; HELD entries are not in it. */
    List<Entry> waiting() {
        return entries.values().stream().filter(e -> e.status() == EntryStatus.WAITING).sorted(callingOrder())
                .toList();
    }

    /** The entry's order key: its Redis score while it waits. */
    long orderKey(String entryId) {
        return orderKeys.get(entryId);
    }

    /** The order key of each entry that may still change (what Redis keeps for requeues and releases). */
    Map<String, Long> activeScores() {
        Map<String, Long> scores = new LinkedHashMap<>();
        entries.values().stream().filter(e -> !e.status().isFinal())
                .forEach(e -> scores.put(e.entryId(), orderKeys.get(e.entryId())));
        return scores;
    }

    /** Where Redis sends each entry held elsewhere once back: the line, or HELD while it is still scheduled. */
    Map<String, String> heldElsewhere() {
        Map<String, String> held = new HashMap<>();
        entries.values().stream().filter(e -> e.status() == EntryStatus.SERVED_ELSEWHERE)
                .forEach(e -> held.put(e.entryId(), e.heldUntil() == null ? "LINE" : "HELD"));
        return held;
    }

    /** The contract's order: ascending key, equal keys by entry id (byte order; the ids here are ASCII). */
    private Comparator<Entry> callingOrder() {
        return Comparator.<Entry>comparingLong(e -> orderKeys.get(e.entryId())).thenComparing(Entry::entryId);
    }

    /** Whether the next event is written as before order keys existed. */
    private boolean legacy() {
        return events.size() + 1L <= legacyUntil;
    }

    /**
     * A key as a weighted queue might hand it out, unrelated to priority and ticket: often equal to another active
     * entry's, now and then close to 2^53 (the largest a double score holds exactly).
     */
    private long anyKey() {
        return random.nextInt(20) == 0 ? (1L << 53) - 1 - random.nextInt(1000) : random.nextInt(400) * 1_000L;
    }

    private static long strictKey(Priority priority, long ticket) {
        return CallingOrder.strictKey(io.ledgerline.queue.Priority.valueOf(priority.name()), ticket);
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
        join(id, priority, null);
    }

    /** A scheduled entry: it has its ticket but stays out of the line until released. */
    private void joinHeld(String id, Priority priority) {
        join(id, priority, nextAt().plusSeconds(60 + random.nextInt(3600)));
    }

    private void join(String id, Priority priority, Instant heldUntil) {
        Instant at = nextAt();
        long t = ++ticket;
        // Some events come from before entries had numbers.
        String number = random.nextInt(4) == 0 ? null : String.format("B-%03d", t);
        Long key = legacy() ? null : anyKey();
        orderKeys.put(id, key != null ? key : strictKey(priority, t));
        append(EntryJoined.newBuilder().setEntryId(id).setPriority(priority).setTicket(t)
                .setJoinedAt(at.minusMillis(1)).setNumber(number).setHeldUntil(heldUntil).setOrderKey(key).build());
        record(new Entry(id, priority, t, heldUntil == null ? EntryStatus.WAITING : EntryStatus.HELD, number,
                at.minusMillis(1), null, null, null, heldUntil, 0, lastSequence(), List.of()), at);
    }

    private void call(String id) {
        Instant at = nextAt();
        Entry e = entries.get(id);
        String number = random.nextBoolean() ? e.number() : null;
        String counter = random.nextInt(3) == 0 ? null : "desk " + (1 + random.nextInt(9));
        append(new EntryCalled(id, at.minusMillis(1), number, counter));
        record(e.calledAt(at.minusMillis(1), number, counter, lastSequence()), at);
    }

    private void fail(String id) {
        if (random.nextBoolean()) {
            failWithRetry(id);
        } else {
            Instant at = nextAt();
            Entry e = entries.get(id);
            append(new EntryFailed(id, "no answer", e.attempts() + 1, at.minusMillis(1), null));
            record(e.failedFinally(at.minusMillis(1), e.attempts() + 1, lastSequence()), at);
        }
    }

    private void failWithRetry(String id) {
        Instant at = nextAt();
        Entry e = entries.get(id);
        Instant retryAt = at.plusSeconds(30);
        append(new EntryFailed(id, "busy", e.attempts() + 1, at.minusMillis(1), retryAt));
        record(e.heldForRetry(retryAt, e.attempts() + 1, lastSequence()), at);
    }

    /** Due now; one held elsewhere stays so, no longer scheduled. */
    private void release(String id) {
        Instant at = nextAt();
        append(new EntryReleased(id));
        Entry e = entries.get(id);
        record(e.status() == EntryStatus.SERVED_ELSEWHERE ? e.servedAt(e.servedElsewhere(), null, lastSequence())
                : e.then(EntryStatus.WAITING, e.priority(), null, e.finishedAt(), lastSequence()), at);
    }

    /** The entry's person is served in one more place. */
    private void holdElsewhere(String id) {
        Instant at = nextAt();
        Entry e = entries.get(id);
        String queue = "it-desk-" + (++serviceCount % 3);
        String served = "s" + serviceCount;
        append(new EntryHeldForServiceElsewhere(id, queue, served));
        List<String> services = new ArrayList<>(e.servedElsewhere());
        services.add(queue + "/" + served);
        record(e.servedAt(services, e.heldUntil(), lastSequence()), at);
    }

    /** One of the services holding the entry ends; with none left it waits again, HELD if still scheduled. */
    private void backFromElsewhere(String id) {
        Instant at = nextAt();
        Entry e = entries.get(id);
        List<String> services = new ArrayList<>(e.servedElsewhere());
        String[] ended = services.remove(random.nextInt(services.size())).split("/");
        append(new EntryBackFromServiceElsewhere(id, ended[0], ended[1], services.size()));
        record(!services.isEmpty() ? e.servedAt(services, e.heldUntil(), lastSequence())
                : e.then(e.heldUntil() != null ? EntryStatus.HELD : EntryStatus.WAITING, e.priority(), e.calledAt(),
                        e.finishedAt(), lastSequence()), at);
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

    /** Any active entry, called ones included, which the projection takes as it comes. */
    private void reprioritise(String id, Priority to) {
        Instant at = nextAt();
        Entry e = entries.get(id);
        Long key = legacy() ? null : anyKey();
        orderKeys.put(id, key != null ? key : strictKey(to, e.ticket()));
        append(new EntryPriorityChanged(id, e.priority(), to, "batch test", key));
        record(e.then(e.status(), to, e.calledAt(), e.finishedAt(), lastSequence()), at);
    }

    /** One class up, to a key no later than its own. */
    private void promote(String id) {
        Instant at = nextAt();
        Entry e = entries.get(id);
        Priority to = Priority.values()[e.priority().ordinal() - 1];
        long key = random.nextLong(orderKeys.get(id) + 1);
        orderKeys.put(id, key);
        append(new EntryPromoted(id, e.priority(), to, key, at.minusMillis(1)));
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
        if (status.equals("PAUSED")) {
            append(new QueueResumed());
            status = "OPEN";
            return;
        }
        switch (random.nextInt(5)) {
            case 0 -> {
                append(new QueuePaused("batch test"));
                status = "PAUSED";
            }
            case 1 -> {
                capacity = 10 + random.nextInt(90);
                name = name + "+";
                append(new QueueConfigured(name, capacity, null));
            }
            case 2 -> {
                // Closed and opened again back to back, each by the plan or by people: the line is emptied, the
                // called entries go on being served.
                close(closesAt != null && random.nextBoolean());
                open(opensAt != null && random.nextBoolean());
            }
            case 3 -> schedule();
            default -> lapse();
        }
    }

    /** A planned opening or closing that came due while the queue was OPEN: only the plan changes. */
    private void lapse() {
        if (opensAt != null) {
            append(new ScheduleLapsed("open", opensAt, status));
            opensAt = null;
        } else if (closesAt != null) {
            append(new ScheduleLapsed("close", closesAt, status));
            closesAt = null;
        } else {
            append(new QueueScheduled(null, null));
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
