package io.ledgerline.projection.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.projection.messaging.ProjectionRebuilder;
import io.ledgerline.projection.messaging.QueueEventMapper;
import io.ledgerline.projection.messaging.PositionUpdatePublisher;
import io.ledgerline.projection.model.LineUpdate;
import io.ledgerline.projection.model.ProjectedEvent;
import io.ledgerline.projection.model.WrittenBatch;
import io.ledgerline.projection.store.ProjectionWriter;
import io.ledgerline.projection.store.ReadModelDigests;
import io.ledgerline.projection.store.RedisKeys;
import io.ledgerline.projection.store.RedisPositionStore;
import io.ledgerline.queue.CallNext;
import io.ledgerline.queue.ChangePriority;
import io.ledgerline.queue.CompleteEntry;
import io.ledgerline.queue.CreateQueue;
import io.ledgerline.queue.Decision;
import io.ledgerline.queue.Entry;
import io.ledgerline.queue.EntryCalled;
import io.ledgerline.queue.EntryCompleted;
import io.ledgerline.queue.EntryFailed;
import io.ledgerline.queue.EntryJoined;
import io.ledgerline.queue.EntryLeft;
import io.ledgerline.queue.EntryPriorityChanged;
import io.ledgerline.queue.EntryPromoted;
import io.ledgerline.queue.EntryReleased;
import io.ledgerline.queue.EntryRequeued;
import io.ledgerline.queue.EntryStatus;
import io.ledgerline.queue.EntryBackFromServiceElsewhere;
import io.ledgerline.queue.EntryDetails;
import io.ledgerline.queue.EntryHeldForServiceElsewhere;
import io.ledgerline.queue.HoldForServiceElsewhere;
import io.ledgerline.queue.ReturnFromServiceElsewhere;
import io.ledgerline.queue.ServedElsewhere;
import io.ledgerline.queue.FailEntry;
import io.ledgerline.queue.JoinQueue;
import io.ledgerline.queue.LeaveQueue;
import io.ledgerline.queue.Ordering;
import io.ledgerline.queue.Priority;
import io.ledgerline.queue.PromoteAgedEntries;
import io.ledgerline.queue.QueueCommand;
import io.ledgerline.queue.QueueCreated;
import io.ledgerline.queue.QueueDecider;
import io.ledgerline.queue.QueueDigest;
import io.ledgerline.queue.QueueEvent;
import io.ledgerline.queue.QueueSettings;
import io.ledgerline.queue.QueueState;
import io.ledgerline.queue.ReleaseDueEntries;
import io.ledgerline.queue.RequeueEntry;
import io.ledgerline.queue.CommitLottery;
import io.ledgerline.queue.CutOffLottery;
import io.ledgerline.queue.DrawLottery;
import io.ledgerline.queue.EntriesReordered;
import io.ledgerline.queue.Lottery;
import io.ledgerline.queue.LotteryCommitted;
import io.ledgerline.queue.LotteryCutOff;
import io.ledgerline.queue.LotteryDrawn;
import io.ledgerline.queue.SettleTransfer;
import io.ledgerline.queue.TransferEntry;
import io.ledgerline.queue.EntryTransferReturned;
import io.ledgerline.queue.EntryTransferStarted;
import io.ledgerline.queue.EntryTransferredOut;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import ledgerline.queue.v1.QueueEventEnvelope;

/**
 * The projection's ranks are the domain's. Seeded random command sequences go through the real decider
 * ({@link QueueDecider#decide}, {@link QueueDecider#evolve}) of weighted and strict queues: joins of every priority
 * (some scheduled, so held), calls, leaves, completions, requeues, priority changes, failures with their releases, and
 * promotions of aged entries as time moves on, transfers that settle either way, and opening lotteries drawn. The accepted events become Avro envelopes with consecutive sequences,
 * go through the real {@link QueueEventMapper} and are applied, a few commands' worth at a time and several queues
 * in one batch, by the real {@link ProjectionWriter} (PostgreSQL, then the Redis script). After each batch the Redis
 * line, every entry's position, the kept keys and the PostgreSQL priorities and statuses must equal the domain's
 * state. Nothing here computes an order: the domain decides it, the projection must follow.
 *
 * <p>Runs in the application and read models of {@link BatchEventsTopicProfile}; these events go straight into the
 * stores and never reach a topic, on queue ids of their own.
 */
@QuarkusTest
@TestProfile(BatchEventsTopicProfile.class)
class DomainOrderIT {

    private static final Duration QUERY = Duration.ofSeconds(10);
    private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
    private static final Ordering WEIGHTED = new Ordering(
            Map.of(Priority.URGENT, 8, Priority.HIGH, 4, Priority.NORMAL, 2, Priority.LOW, 1),
            Map.of(Priority.LOW, Duration.ofSeconds(30)));
    /** Weighted, and every class below URGENT ages. */
    private static final Ordering WEIGHTED_AGING = new Ordering(
            Map.of(Priority.URGENT, 8, Priority.HIGH, 4, Priority.NORMAL, 2, Priority.LOW, 1),
            Map.of(Priority.LOW, Duration.ofSeconds(30), Priority.NORMAL, Duration.ofSeconds(45),
                    Priority.HIGH, Duration.ofSeconds(60)));
    /** Strict priority whose LOW entries age into NORMAL. */
    private static final Ordering STRICT_AGING = new Ordering(Map.of(), Map.of(Priority.LOW, Duration.ofSeconds(30)));
    /**
     * Entry ids are one of {@code FIRST}, maybe one of {@code THEN}, and a counter: entries with equal keys go by id,
     * in byte order ('-' < '.' < digits < ':' < upper case < '_' < lower case), not in the order they joined.
     */
    private static final String FIRST = "Aa0Zz9";
    private static final String THEN = "-._:";
    private static final int ROUNDS = 80;
    /** The people entries name, served elsewhere now and then. */
    private static final List<String> PEOPLE = List.of("pat", "sam", "kim", "lee", "max", "ada");

    @Inject
    QueueEventMapper mapper;

    @Inject
    ProjectionWriter writer;

    @Inject
    PositionUpdatePublisher publisher;

    @Inject
    RedisPositionStore positions;

    @Inject
    RedisDataSource redis;

    @Inject
    RedisKeys keys;

    @Inject
    ReadModelDigests digests;

    @Inject
    Pool pool;

    @Inject
    ProjectionConfig config;

    @Inject
    ProjectionRebuilder rebuilder;

    @Test
    void theProjectionRanksEveryEntryWhereTheDomainDoes() {
        // The first start of this application wipes its stores before it marks them: write only after that.
        await().atMost(Duration.ofSeconds(60)).until(rebuilder::markersAgree);
        List<DomainQueue> queues = List.of(
                new DomainQueue(WEIGHTED, 1),
                new DomainQueue(WEIGHTED, 2),
                new DomainQueue(WEIGHTED_AGING, 3),
                new DomainQueue(Ordering.STRICT, 4),
                new DomainQueue(STRICT_AGING, 5));
        Random rounds = new Random(42);
        Map<String, LineFollower> followers = new HashMap<>();
        queues.forEach(q -> followers.put(q.queueId, new LineFollower()));
        try (PositionUpdateReader updates = new PositionUpdateReader(followers)) {
            for (int round = 0; round < ROUNDS; round++) {
                List<QueueEventEnvelope> batch = new ArrayList<>();
                for (DomainQueue queue : queues) {
                    batch.addAll(queue.play(1 + rounds.nextInt(3)));
                }
                // A batch holds several queues' events, in the order they were decided, as a poll does.
                List<ProjectedEvent> projected = batch.stream().map(mapper::toProjected).toList();
                WrittenBatch written = writer.apply(projected).await().atMost(QUERY);
                publisher.publish(LineUpdate.of(projected, written)).await().atMost(QUERY);
                for (DomainQueue queue : queues) {
                    assertProjectionIsTheDomain(queue, round);
                }
                // A subscriber of the position updates, following deltas from its first snapshot, has the domain's line.
                assertThat(updates.pollUntil(() -> queues.stream().allMatch(
                        q -> followers.get(q.queueId).sequence() == q.sequence), QUERY))
                        .as("updates of round %d", round).isTrue();
                for (DomainQueue queue : queues) {
                    assertThat(followers.get(queue.queueId).line())
                            .as("%s followed after round %d", queue.queueId, round)
                            .containsExactlyElementsOf(queue.state.waitingInOrder().stream().map(Entry::entryId)
                                    .toList());
                }
            }
        }
        // One snapshot each to start from; from then on deltas carried every move.
        assertThat(followers.values()).allSatisfy(f -> {
            assertThat(f.snapshots).isEqualTo(1);
            assertThat(f.deltas).isGreaterThanOrEqualTo(ROUNDS / 2);
            assertThat(f.waitedForSnapshot).isZero();
        });

        int commands = queues.stream().mapToInt(q -> q.commands).sum();
        Map<String, Integer> events = new TreeMap<>();
        queues.forEach(q -> q.eventTypes.forEach((type, n) -> events.merge(type, n, Integer::sum)));
        System.out.printf("DomainOrderIT: %d commands, events %s, %d waiting lines with equal keys%n", commands,
                events, queues.stream().mapToInt(q -> q.linesWithTies).sum());
        // The run tried what it claims to: each kind of event, ties between keys, and held entries.
        assertThat(commands).isGreaterThanOrEqualTo(500);
        assertThat(events).containsKeys("EntryJoined", "EntryCalled", "EntryLeft", "EntryCompleted", "EntryRequeued",
                "EntryPriorityChanged", "EntryFailed", "EntryReleased", "EntryPromoted", "EntryTransferStarted",
                "EntryTransferReturned", "EntryTransferredOut", "LotteryDrawn", "EntriesReordered",
                "EntryHeldForServiceElsewhere", "EntryBackFromServiceElsewhere");
        assertThat(events.get("EntryPromoted")).isGreaterThanOrEqualTo(10);
        assertThat(events.get("EntryReleased")).isGreaterThanOrEqualTo(10);
        assertThat(queues.stream().mapToInt(q -> q.linesWithTies).sum()).isPositive();
        assertThat(queues.stream().mapToInt(q -> q.heldSeen).sum()).isPositive();
    }

    private void assertProjectionIsTheDomain(DomainQueue queue, int round) {
        QueueState state = queue.state;
        String where = queue.queueId + " (" + queue.ordering + ") after round " + round;
        List<String> line = state.waitingInOrder().stream().map(Entry::entryId).toList();

        assertThat(redis.sortedSet(String.class).zrange(keys.waiting(queue.queueId), 0, -1)).as(where)
                .containsExactlyElementsOf(line);

        // Every entry the queue ever had: the ones waiting at their domain rank, all others without a position.
        List<String> ids = List.copyOf(queue.everJoined);
        List<OptionalLong> ranked = Uni.join().all(ids.stream().map(id -> positions.position(queue.queueId, id))
                .toList()).andFailFast().await().atMost(QUERY);
        Map<String, OptionalLong> projected = new HashMap<>();
        Map<String, OptionalLong> expected = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            OptionalInt rank = state.rankOf(ids.get(i));
            projected.put(ids.get(i), ranked.get(i));
            expected.put(ids.get(i), rank.isPresent() ? OptionalLong.of(rank.getAsInt()) : OptionalLong.empty());
        }
        assertThat(projected).as(where).isEqualTo(expected);

        // Held and called entries keep their keys for their return to the line; waiting ones have theirs as scores.
        Map<String, Long> kept = KeptKeys.of(redis, keys, queue.queueId);
        Map<String, Long> domainKeys = new HashMap<>();
        state.activeEntries().forEach(e -> domainKeys.put(e.entryId(), e.orderKey()));
        assertThat(kept).as(where).isEqualTo(domainKeys);

        // PostgreSQL: promotions and priority changes moved the class; held entries are HELD.
        Map<String, String> rows = new HashMap<>();
        for (Row row : pool.preparedQuery("SELECT entry_id, priority, status FROM " + config.pgSchema()
                + ".entries WHERE queue_id = $1 AND status IN ('WAITING', 'HELD', 'CALLED', 'TRANSFERRING', 'SERVED_ELSEWHERE')")
                .execute(Tuple.of(queue.queueId)).await().atMost(QUERY)) {
            rows.put(row.getString("entry_id"), row.getString("priority") + " " + row.getString("status"));
        }
        Map<String, String> domainRows = new HashMap<>();
        state.activeEntries().forEach(e -> domainRows.put(e.entryId(), e.priority() + " "
                + (e.heldElsewhere() ? "SERVED_ELSEWHERE" : e.held() ? "HELD" : e.inTransfer() ? "TRANSFERRING"
                : e.status().name())));
        assertThat(rows).as(where).isEqualTo(domainRows);

        // What ops verify compares: the read models' digest, computed from both stores, is the domain's.
        assertThat(digests.of(queue.queueId).await().atMost(QUERY).orElseThrow().digest()).as(where)
                .isEqualTo(QueueDigest.of(state));
    }

    /** One queue of the domain: its state, the commands it is given, and its accepted events as envelopes. */
    private static final class DomainQueue {

        final String queueId = "it-order-" + UUID.randomUUID();
        final Ordering ordering;
        final Random random;
        final List<String> everJoined = new ArrayList<>();
        final Map<String, Integer> eventTypes = new TreeMap<>();
        final Map<String, List<ServedElsewhere>> servicesElsewhere = new HashMap<>();
        int lotteries;
        private final List<QueueEventEnvelope> pending = new ArrayList<>();
        QueueState state = QueueDecider.initialState();
        Instant now = START;
        long sequence;
        int commands;
        int linesWithTies;
        int heldSeen;

        DomainQueue(Ordering ordering, long seed) {
            this.ordering = ordering;
            this.random = new Random(seed);
            decide(new CreateQueue(queueId, "Domain order " + seed, 10_000,
                    QueueSettings.DEFAULT.withOrdering(ordering).holdingWhileServedElsewhere(true)), pending);
            assertThat(pending).hasSize(1);
        }

        /** {@code count} commands (or timer firings), and the envelopes of the events they were accepted with. */
        List<QueueEventEnvelope> play(int count) {
            List<QueueEventEnvelope> out = new ArrayList<>(pending);
            pending.clear();
            for (int i = 0; i < count; i++) {
                now = now.plusMillis(random.nextInt(8_000));
                // Timers fire on time most of the time; now and then late, when several are due at once.
                if (random.nextInt(4) != 0) {
                    fireDueTimers(out);
                }
                decide(nextCommand(), out);
            }
            long ties = state.waitingInOrder().stream().map(Entry::orderKey).distinct().count();
            if (ties < state.waitingCount()) {
                linesWithTies++;
            }
            heldSeen += state.heldCount();
            return out;
        }

        private String seed() {
            return "seed-" + queueId + "-" + lotteries;
        }

        private void fireDueTimers(List<QueueEventEnvelope> out) {
            Lottery lottery = state.lottery();
            if (lottery != null && !now.isBefore(lottery.drawAt())) {
                decide(new CutOffLottery(queueId, now), out);
                decide(new DrawLottery(queueId, lottery.lotteryId(), seed()), out);
            }
            boolean releaseFirst = random.nextBoolean();
            for (int i = 0; i < 2; i++) {
                if ((i == 0) == releaseFirst) {
                    if (state.nextRelease().filter(at -> !at.isAfter(now)).isPresent()) {
                        decide(new ReleaseDueEntries(queueId, now), out);
                    }
                } else if (state.nextPromotion().filter(at -> !at.isAfter(now)).isPresent()) {
                    decide(new PromoteAgedEntries(queueId, now), out);
                }
            }
        }

        private QueueCommand nextCommand() {
            if (state.lottery() == null && random.nextInt(40) == 0) {
                // An opening lottery drawn a little later, reordering whoever waits by then.
                lotteries++;
                return new CommitLottery(queueId, "draw-" + lotteries, Lottery.commitmentOf(seed()),
                        now.plusSeconds(20), now);
            }
            List<Entry> underWay = state.transferringInOrder();
            if (!underWay.isEmpty() && random.nextInt(3) == 0) {
                // The target's answer: taken (the entry leaves) or refused (it returns to the place it kept).
                Entry entry = pick(underWay);
                return new SettleTransfer(queueId, entry.entryId(), entry.transferTo(),
                        random.nextBoolean() ? null : "QUEUE_FULL: the annex holds its capacity");
            }
            if (random.nextInt(5) == 0) {
                // Its people served elsewhere, two places at once now and then: held, then back at their place.
                String person = PEOPLE.get(random.nextInt(PEOPLE.size()));
                List<ServedElsewhere> theirs = servicesElsewhere.computeIfAbsent(person, p -> new ArrayList<>());
                if (theirs.size() < 2 && (theirs.isEmpty() || random.nextInt(3) == 0)) {
                    ServedElsewhere service = new ServedElsewhere("clinic-" + random.nextInt(3), "visit-" + commands);
                    theirs.add(service);
                    return new HoldForServiceElsewhere(queueId, person, service);
                }
                return new ReturnFromServiceElsewhere(queueId, person, theirs.remove(random.nextInt(theirs.size())));
            }
            List<Entry> callable = state.waitingInOrder();
            if (!callable.isEmpty() && random.nextInt(12) == 0) {
                return new TransferEntry(queueId, pick(callable).entryId(), "annex", "shorter line");
            }
            List<Entry> active = state.activeEntries();
            List<Entry> waiting = active.stream().filter(e -> e.status() == EntryStatus.WAITING).toList();
            List<Entry> called = active.stream().filter(e -> e.status() == EntryStatus.CALLED).toList();
            // Joins keep some thirty to fifty entries active; the rest moves them.
            int joins = active.size() < 30 ? 8 : active.size() > 50 ? 1 : 4;
            int roll = random.nextInt(joins + 12) - joins;
            if (roll < 0) {
                return join();
            }
            if (roll < 4) {
                return new CallNext(queueId, now, "desk " + (1 + random.nextInt(4)));
            }
            if (roll < 6 && !waiting.isEmpty()) {
                // Held entries too: they take the new key and stay out of the line.
                Entry entry = pick(waiting);
                Priority to = Priority.values()[(entry.priority().ordinal() + 1 + random.nextInt(3)) % 4];
                return new ChangePriority(queueId, entry.entryId(), to, "staff override");
            }
            if (roll < 11 && !called.isEmpty()) {
                Entry entry = pick(called);
                return switch (random.nextInt(4)) {
                    case 0 -> new RequeueEntry(queueId, entry.entryId());
                    case 1 -> new FailEntry(queueId, entry.entryId(), "no answer", now);
                    case 2 -> new LeaveQueue(queueId, entry.entryId());
                    default -> new CompleteEntry(queueId, entry.entryId(), now);
                };
            }
            return waiting.isEmpty() ? new CallNext(queueId, now) : new LeaveQueue(queueId, pick(waiting).entryId());
        }

        private JoinQueue join() {
            String id = FIRST.charAt(random.nextInt(FIRST.length()))
                    + (random.nextBoolean() ? "" : String.valueOf(THEN.charAt(random.nextInt(THEN.length()))))
                    + Integer.toString(everJoined.size() + 1, 36);
            Priority priority = Priority.values()[random.nextInt(4)];
            // One in five is scheduled a little later: held until its release.
            Instant scheduledAt = random.nextInt(5) == 0 ? now.plusSeconds(5 + random.nextInt(90)) : null;
            // Most name one of a few people, who are now and then served elsewhere.
            EntryDetails person = random.nextInt(4) == 0 ? EntryDetails.NONE
                    : new EntryDetails(null, null, PEOPLE.get(random.nextInt(PEOPLE.size())), Map.of());
            return new JoinQueue(queueId, id, priority, now, scheduledAt, person);
        }

        private Entry pick(List<Entry> entries) {
            return entries.get(random.nextInt(entries.size()));
        }

        private void decide(QueueCommand command, List<QueueEventEnvelope> out) {
            commands++;
            if (QueueDecider.decide(command, state) instanceof Decision.Accepted accepted) {
                for (QueueEvent event : accepted.events()) {
                    state = QueueDecider.evolve(state, event);
                    Object payload = avro(event);
                    out.add(QueueEventEnvelope.newBuilder()
                            .setEventId(UUID.randomUUID().toString())
                            .setQueueId(queueId)
                            .setSequence(++sequence)
                            .setOccurredAt(now)
                            .setCausationCommandId(UUID.randomUUID().toString())
                            .setActor("position-projection-domain-order-it")
                            .setPayload(payload)
                            .build());
                    eventTypes.merge(payload.getClass().getSimpleName(), 1, Integer::sum);
                    if (event instanceof EntryJoined joined) {
                        everJoined.add(joined.entryId());
                    }
                }
            }
        }
    }

    /**
     * The domain's events as the command service writes them (its {@code EventMapper}), as far as this test's commands
     * produce them; details and settings, which the projection does not read, left out.
     */
    private static Object avro(QueueEvent event) {
        return switch (event) {
            case QueueCreated e -> new ledgerline.queue.v1.QueueCreated(e.name(), e.capacity(), null);
            case EntryJoined e -> ledgerline.queue.v1.EntryJoined.newBuilder().setEntryId(e.entryId())
                    .setPriority(avro(e.priority())).setTicket(e.ticket()).setJoinedAt(e.joinedAt())
                    .setNumber(e.number()).setHeldUntil(e.heldUntil()).setOrderKey(e.orderKey()).build();
            case EntryCalled e -> new ledgerline.queue.v1.EntryCalled(e.entryId(), e.calledAt(), e.number(),
                    e.counter());
            case EntryCompleted e -> new ledgerline.queue.v1.EntryCompleted(e.entryId(), e.completedAt());
            case EntryLeft e -> new ledgerline.queue.v1.EntryLeft(e.entryId());
            case EntryRequeued e -> new ledgerline.queue.v1.EntryRequeued(e.entryId());
            case EntryPriorityChanged e -> new ledgerline.queue.v1.EntryPriorityChanged(e.entryId(), avro(e.from()),
                    avro(e.to()), e.justification(), e.orderKey());
            case EntryPromoted e -> new ledgerline.queue.v1.EntryPromoted(e.entryId(), avro(e.from()), avro(e.to()),
                    e.orderKey(), e.promotedAt());
            case EntryFailed e -> new ledgerline.queue.v1.EntryFailed(e.entryId(), e.reason(), e.attempt(),
                    e.failedAt(), e.retryAt());
            case EntryReleased e -> new ledgerline.queue.v1.EntryReleased(e.entryId());
            case EntryTransferStarted e -> ledgerline.queue.v1.EntryTransferStarted.newBuilder()
                    .setEntryId(e.entryId()).setTargetQueueId(e.targetQueueId()).setPriority(avro(e.priority()))
                    .setJustification(e.justification()).build();
            case EntryTransferReturned e -> new ledgerline.queue.v1.EntryTransferReturned(e.entryId(),
                    e.targetQueueId(), e.reason());
            case EntryTransferredOut e -> new ledgerline.queue.v1.EntryTransferredOut(e.entryId(), e.targetQueueId(),
                    avro(e.priority()), e.justification());
            case LotteryCommitted e ->
                    new ledgerline.queue.v1.LotteryCommitted(e.lotteryId(), e.seedHash(), e.drawAt());
            case LotteryCutOff e -> new ledgerline.queue.v1.LotteryCutOff(e.lotteryId(), e.lastTicket(), e.cutOffAt());
            case LotteryDrawn e -> new ledgerline.queue.v1.LotteryDrawn(e.lotteryId(), e.seed(), e.participants());
            case EntriesReordered e -> new ledgerline.queue.v1.EntriesReordered(e.entryIds(), e.orderKeys());
            case EntryHeldForServiceElsewhere e -> new ledgerline.queue.v1.EntryHeldForServiceElsewhere(e.entryId(),
                    e.service().queueId(), e.service().entryId());
            case EntryBackFromServiceElsewhere e -> new ledgerline.queue.v1.EntryBackFromServiceElsewhere(e.entryId(),
                    e.service().queueId(), e.service().entryId(), e.stillServedElsewhere());
            default -> throw new IllegalArgumentException("this test's commands do not produce " + event);
        };
    }

    private static ledgerline.queue.v1.Priority avro(Priority priority) {
        return ledgerline.queue.v1.Priority.valueOf(priority.name());
    }
}
