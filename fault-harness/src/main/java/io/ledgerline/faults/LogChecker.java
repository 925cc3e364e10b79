package io.ledgerline.faults;

import io.ledgerline.schemas.RegistryCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import ledgerline.queue.v1.CommandAccepted;
import ledgerline.queue.v1.CommandRejected;
import ledgerline.queue.v1.CommandResult;
import ledgerline.queue.v1.QueueEventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the whole events and results topics, as a read-committed reader sees them, and holds them to what was
 * promised:
 * <ul>
 *   <li>every queue's events are numbered 1, 2, 3, … once each: no gap, no duplicate, no fork (two events with one
 *       sequence);</li>
 *   <li>every event belongs to a command whose committed first result is accepted and covers its sequence: an
 *       event of an aborted transaction, visible to a read-committed reader, has none (an aborted read), and a
 *       transaction seen in part shows as a result without its events (a torn transaction);</li>
 *   <li>every (queue, commandId) has one first result, and every repeat of it answers the same;</li>
 *   <li>every command a client had acknowledged has exactly the outcome it was told: its events, once.</li>
 * </ul>
 */
final class LogChecker {

    record Event(String queueId, long sequence, String eventId, String causation, int partition, long offset) {}

    record Result(String queueId, String commandId, boolean repeated, boolean accepted, long first, long last,
                  String reason) {}

    record Findings(long events, long results, long abortedRecords, int queues, long acknowledged,
                    long acknowledgedAccepted, List<String> anomalies) {}

    private final List<String> anomalies = new ArrayList<>();

    private LogChecker() {}

    /** Reads the log of the broker at {@code bootstrap} and checks it. */
    static Findings check(String bootstrap, RegistryCodec codec, List<Acknowledged> acknowledged) {
        List<Event> events = new ArrayList<>();
        long committedEvents = read(bootstrap, "ledgerline.queue-events.v1", "read_committed", r -> {
            QueueEventEnvelope e = (QueueEventEnvelope) codec.decode(r.value());
            events.add(new Event(e.getQueueId(), e.getSequence(), e.getEventId(), e.getCausationCommandId(),
                    r.partition(), r.offset()));
        });
        List<Result> results = new ArrayList<>();
        long committedResults = read(bootstrap, "ledgerline.command-results.v1", "read_committed",
                r -> results.add(result((CommandResult) codec.decode(r.value()))));
        long uncommitted = read(bootstrap, "ledgerline.queue-events.v1", "read_uncommitted", r -> { })
                + read(bootstrap, "ledgerline.command-results.v1", "read_uncommitted", r -> { });
        return analyse(events, results, acknowledged, uncommitted - committedEvents - committedResults);
    }

    /** The checks themselves, on what was read: pure, so that they can be shown to catch each anomaly. */
    static Findings analyse(List<Event> events, List<Result> results, List<Acknowledged> acknowledged,
                            long abortedRecords) {
        return new LogChecker().findings(events, results, acknowledged, abortedRecords);
    }

    private Findings findings(List<Event> events, List<Result> results, List<Acknowledged> acknowledged,
                              long abortedRecords) {
        Map<String, List<Event>> byQueue = new HashMap<>();
        events.forEach(e -> byQueue.computeIfAbsent(e.queueId(), q -> new ArrayList<>()).add(e));
        byQueue.values().forEach(queue -> checkSequences(new ArrayList<>(queue)));
        Map<String, Result> firsts = firstResults(results);
        checkEventsHaveTheirResults(events, firsts);
        checkResultsHaveTheirEvents(firsts, byQueue);
        long accepted = checkAcknowledged(acknowledged, firsts);
        return new Findings(events.size(), results.size(), abortedRecords, byQueue.size(), acknowledged.size(),
                accepted, List.copyOf(anomalies));
    }

    private void checkSequences(List<Event> events) {
        events.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        Map<Long, Event> seen = new HashMap<>();
        long expected = 1;
        for (Event e : events) {
            Event earlier = seen.putIfAbsent(e.sequence(), e);
            if (earlier != null) {
                anomaly(earlier.eventId().equals(e.eventId())
                        ? "duplicate: event " + e.eventId() + " (" + e.queueId() + " #" + e.sequence() + ") twice"
                        : "fork: " + e.queueId() + " #" + e.sequence() + " is both " + earlier.eventId() + " and "
                        + e.eventId());
                continue;
            }
            if (e.partition() != events.get(0).partition()) {
                anomaly("queue " + e.queueId() + " has events on two partitions");
            }
            if (e.sequence() != expected) {
                anomaly("gap: " + e.queueId() + " expected #" + expected + ", found #" + e.sequence());
            }
            expected = e.sequence() + 1;
        }
    }

    private Map<String, Result> firstResults(List<Result> results) {
        Map<String, Result> firsts = new HashMap<>();
        for (Result r : results) {
            String key = r.queueId() + " " + r.commandId();
            if (!r.repeated()) {
                Result earlier = firsts.putIfAbsent(key, r);
                if (earlier != null) {
                    anomaly("two first outcomes for " + key + ": " + earlier + " and " + r);
                }
                continue;
            }
            Result first = firsts.get(key);
            if (first == null) {
                anomaly("a repeated outcome with no first one before it: " + r);
            } else if (!sameOutcome(first, r)) {
                anomaly("a repeat answered differently from the first outcome: " + first + " then " + r);
            }
        }
        return firsts;
    }

    private void checkEventsHaveTheirResults(List<Event> events, Map<String, Result> firsts) {
        for (Event e : events) {
            Result r = firsts.get(e.queueId() + " " + e.causation());
            if (r == null || !r.accepted() || e.sequence() < r.first() || e.sequence() > r.last()) {
                anomaly("event " + e.queueId() + " #" + e.sequence() + " of command " + e.causation()
                        + " has no committed result that accepted it (aborted read?): " + r);
            }
        }
    }

    private void checkResultsHaveTheirEvents(Map<String, Result> firsts, Map<String, List<Event>> byQueue) {
        for (Result r : firsts.values()) {
            if (!r.accepted()) {
                continue;
            }
            Map<Long, Event> events = new HashMap<>();
            byQueue.getOrDefault(r.queueId(), List.of()).forEach(e -> events.putIfAbsent(e.sequence(), e));
            for (long s = r.first(); s <= r.last(); s++) {
                Event e = events.get(s);
                if (e == null || !e.causation().equals(r.commandId())) {
                    anomaly("torn: command " + r.commandId() + " on " + r.queueId() + " accepted #" + r.first()
                            + "..#" + r.last() + " but #" + s + " is " + (e == null ? "missing" : "of " + e.causation()));
                }
            }
        }
    }

    private long checkAcknowledged(List<Acknowledged> acknowledged, Map<String, Result> firsts) {
        long accepted = 0;
        for (Acknowledged ack : acknowledged) {
            Result r = firsts.get(ack.queueId() + " " + ack.commandId());
            if (ack.accepted()) {
                accepted++;
                if (r == null || !r.accepted() || r.first() != ack.first() || r.last() != ack.last()) {
                    anomaly("lost: " + ack + " was acknowledged, the log says " + r);
                }
            } else if (ack.status() == 404 || ack.status() == 409) {
                if (r == null || r.accepted() || !r.reason().equals(ack.reason())) {
                    anomaly("refusal " + ack + " does not match the log: " + r);
                }
            } else {
                anomaly("unexpected answer " + ack);
            }
        }
        return accepted;
    }

    private static boolean sameOutcome(Result first, Result repeat) {
        return first.accepted() == repeat.accepted() && first.first() == repeat.first()
                && first.last() == repeat.last() && java.util.Objects.equals(first.reason(), repeat.reason());
    }

    private static Result result(CommandResult r) {
        return switch (r.getOutcome()) {
            case CommandAccepted a -> new Result(r.getQueueId(), r.getCommandId(), r.getRepeated(), true,
                    a.getFirstSequence(), a.getLastSequence(), null);
            case CommandRejected x -> new Result(r.getQueueId(), r.getCommandId(), r.getRepeated(), false, 0, 0,
                    x.getReason());
            default -> throw new IllegalStateException("unknown outcome in " + r);
        };
    }

    /** Reads a topic from its start to its end; answers how many records the reader was given. */
    private static long read(String bootstrap, String topic, String isolation,
                             Consumer<ConsumerRecord<String, byte[]>> each) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        long count = 0;
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    count++;
                    if (RegistryCodec.isFramed(record.value())) {
                        each.accept(record);
                    }
                }
            }
        }
        return count;
    }

    private void anomaly(String description) {
        anomalies.add(description);
    }
}
