package io.ledgerline.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One active visit in a queue. The ticket is unique within the queue and never reused; the number is what people see
 * ({@code A-042}).
 *
 * @param heldUntil for a WAITING entry that may not be called yet (scheduled for later, or waiting to be retried),
 *                  when it becomes callable; null for a callable entry
 * @param attempts  how many times serving it failed so far
 * @param orderKey  where it stands in the calling order ({@link CallingOrder}); kept while held, called and requeued
 * @param agingDue  when it is promoted one class up if still callable and waiting; null when its class does not age
 * @param details   what the caller said about it at joining, kept so that a transfer carries it to the next queue
 * @param transferTo while a transfer to another queue is under way, that queue: the entry keeps its place here but is
 *                   not callable until the transfer settles; null otherwise
 * @param admittedUntil for a CALLED entry an automatic-admission queue let in, when its admission expires; else null
 * @param servedElsewhere for a WAITING entry, the services of its person in other entries that hold it (see
 *                   {@link PersonHolds}), sorted; it keeps its place but is not callable while any is listed
 */
public record Entry(String entryId, Priority priority, long ticket, EntryStatus status, Instant joinedAt,
                    String number, Instant heldUntil, int attempts, long orderKey, Instant agingDue,
                    EntryDetails details, String transferTo, Instant admittedUntil,
                    List<ServedElsewhere> servedElsewhere) {

    /** The order in which held entries become callable: the earliest first, then by ticket. */
    public static final Comparator<Entry> RELEASE_ORDER =
            Comparator.comparing(Entry::heldUntil).thenComparingLong(Entry::ticket);

    /** The calling order: by order key, equal keys by id (the byte order a Redis sorted set uses too). */
    public static final Comparator<Entry> CALLING_ORDER =
            Comparator.comparingLong(Entry::orderKey).thenComparing(Entry::entryId);

    /** The order in which admissions expire. */
    public static final Comparator<Entry> EXPIRY_ORDER =
            Comparator.comparing(Entry::admittedUntil).thenComparing(Entry::entryId);

    /** The order in which callable entries reach their aging limits. */
    public static final Comparator<Entry> AGING_ORDER =
            Comparator.comparing(Entry::agingDue).thenComparing(Entry::entryId);

    public Entry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(number, "number");
        if (heldUntil != null && status != EntryStatus.WAITING) {
            throw new IllegalArgumentException("only a WAITING entry is held, not a " + status + " one");
        }
        if (transferTo != null && (status != EntryStatus.WAITING || heldUntil != null)) {
            throw new IllegalArgumentException("only a callable WAITING entry is transferred, not " + status
                    + (heldUntil != null ? " held until " + heldUntil : ""));
        }
        if (admittedUntil != null && status != EntryStatus.CALLED) {
            throw new IllegalArgumentException("only a CALLED entry holds an admission, not a " + status + " one");
        }
        details = details == null ? EntryDetails.NONE : details;
        servedElsewhere = servedElsewhere == null || servedElsewhere.isEmpty() ? List.of()
                : servedElsewhere.stream().sorted(ServedElsewhere.ORDER).distinct().toList();
        if (!servedElsewhere.isEmpty() && (status != EntryStatus.WAITING || transferTo != null)) {
            throw new IllegalArgumentException("only a WAITING entry not in transfer is held for a service elsewhere");
        }
    }

    public Entry(String entryId, Priority priority, long ticket, EntryStatus status, Instant joinedAt, String number,
                 Instant heldUntil, int attempts, long orderKey, Instant agingDue, EntryDetails details,
                 String transferTo, Instant admittedUntil) {
        this(entryId, priority, ticket, status, joinedAt, number, heldUntil, attempts, orderKey, agingDue, details,
                transferTo, admittedUntil, List.of());
    }

    public Entry(String entryId, Priority priority, long ticket, EntryStatus status, Instant joinedAt, String number,
                 Instant heldUntil, int attempts, long orderKey, Instant agingDue, EntryDetails details,
                 String transferTo) {
        this(entryId, priority, ticket, status, joinedAt, number, heldUntil, attempts, orderKey, agingDue, details,
                transferTo, null);
    }

    public Entry(String entryId, Priority priority, long ticket, EntryStatus status, Instant joinedAt, String number,
                 Instant heldUntil, int attempts, long orderKey, Instant agingDue) {
        this(entryId, priority, ticket, status, joinedAt, number, heldUntil, attempts, orderKey, agingDue,
                EntryDetails.NONE, null);
    }

    /** An entry of a strict-priority queue that does not age. */
    public Entry(String entryId, Priority priority, long ticket, EntryStatus status, Instant joinedAt, String number,
                 Instant heldUntil, int attempts) {
        this(entryId, priority, ticket, status, joinedAt, number, heldUntil, attempts,
                CallingOrder.strictKey(priority, ticket), null);
    }

    public Entry(String entryId, Priority priority, long ticket, EntryStatus status, Instant joinedAt, String number) {
        this(entryId, priority, ticket, status, joinedAt, number, null, 0);
    }

    /** An entry of a queue without a ticket prefix. */
    public Entry(String entryId, Priority priority, long ticket, EntryStatus status, Instant joinedAt) {
        this(entryId, priority, ticket, status, joinedAt, QueueSettings.DEFAULT.numberFor(ticket));
    }

    /** WAITING, not held, not in transfer and its person not served elsewhere: the calling order includes it. */
    public boolean callable() {
        return inLine() && servedElsewhere.isEmpty();
    }

    /**
     * WAITING, not scheduled for later and not in transfer: in the line, callable unless its person is served elsewhere
     * meanwhile. An opening lottery draws these, so being served elsewhere at the draw costs nobody their chance.
     */
    public boolean inLine() {
        return status == EntryStatus.WAITING && heldUntil == null && transferTo == null;
    }

    /** Held because its person is served in another entry. */
    public boolean heldElsewhere() {
        return !servedElsewhere.isEmpty();
    }

    /** Held for {@code service} too. */
    public Entry servedAlsoAt(ServedElsewhere service) {
        List<ServedElsewhere> services = new ArrayList<>(servedElsewhere);
        services.add(service);
        return withServices(services);
    }

    /** No longer held for {@code service}. */
    public Entry backFrom(ServedElsewhere service) {
        List<ServedElsewhere> services = new ArrayList<>(servedElsewhere);
        services.remove(service);
        return withServices(services);
    }

    private Entry withServices(List<ServedElsewhere> services) {
        return new Entry(entryId, priority, ticket, status, joinedAt, number, heldUntil, attempts, orderKey, agingDue,
                details, transferTo, admittedUntil, services);
    }

    public boolean inTransfer() {
        return transferTo != null;
    }

    public boolean held() {
        return heldUntil != null;
    }

    /** Callable, with an aging limit to reach. */
    public boolean ages() {
        return callable() && agingDue != null;
    }

    /** In {@code newStatus}; an admission it held ends with being CALLED. */
    public Entry withStatus(EntryStatus newStatus) {
        return new Entry(entryId, priority, ticket, newStatus, joinedAt, number, heldUntil, attempts, orderKey, agingDue,
                details, transferTo, newStatus == EntryStatus.CALLED ? admittedUntil : null, servedElsewhere);
    }

    /** CALLED, holding an admission until {@code until}. */
    public Entry admitted(Instant until) {
        return new Entry(entryId, priority, ticket, EntryStatus.CALLED, joinedAt, number, heldUntil, attempts, orderKey,
                agingDue, details, transferTo, until);
    }

    public boolean holdsAdmission() {
        return admittedUntil != null;
    }

    /** In class {@code newPriority} at {@code newKey}, aging again from {@code newAgingDue} (null: not at all). */
    public Entry placed(Priority newPriority, long newKey, Instant newAgingDue) {
        return new Entry(entryId, newPriority, ticket, status, joinedAt, number, heldUntil, attempts, newKey, newAgingDue,
                details, transferTo, admittedUntil, servedElsewhere);
    }

    /**
     * WAITING again, held until {@code until} (null: callable at once, aging from {@code newAgingDue}), after
     * {@code failures} failed attempts. It keeps its key, so it comes back to its old place.
     */
    public Entry withHold(Instant until, int failures, Instant newAgingDue) {
        return new Entry(entryId, priority, ticket, EntryStatus.WAITING, joinedAt, number, until, failures, orderKey,
                newAgingDue, details, transferTo, null, servedElsewhere);
    }

    /** Under way to {@code target}, or back in its place here (null); it is not promoted while under way. */
    public Entry transferring(String target) {
        return new Entry(entryId, priority, ticket, status, joinedAt, number, heldUntil, attempts, orderKey,
                agingDue, details, target, admittedUntil, servedElsewhere);
    }
}
