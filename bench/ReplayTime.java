import io.ledgerline.log.HistoryPoint;
import io.ledgerline.log.QueueHistory;
import io.ledgerline.schemas.RegistryCodec;
import io.ledgerline.schemas.TopicSchemas;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * What replaying one queue to a point of its past costs, on whatever the log holds (./ledgerline bench fill first for
 * a long one): the queue with the most events is replayed to its middle (by sequence and by time) and to now, with
 * {@code QueueHistory} (newest checkpoint before the point, plus the events after it), against replaying the same
 * queue from the partition's beginning in the same JVM and round (the baseline a log without checkpoints offers).
 * Medians over rounds, after one warm-up round.
 *
 * <p>Run: ./ledgerline bench replay [rounds=5]
 */
public class ReplayTime {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        String registry = System.getenv().getOrDefault("APICURIO_REGISTRY_URL", "http://127.0.0.1:8085/apis/registry/v3");
        String events = TopicSchemas.QUEUE_EVENTS;
        RegistryCodec codec = new RegistryCodec(registry);
        try (KafkaConsumer<String, byte[]> reader = QueueHistory.newReader(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024))) {
            Map<String, Long> perQueue = new HashMap<>();
            long total = countByQueue(reader, events, perQueue);
            String queue = Collections.max(perQueue.entrySet(), Map.Entry.comparingByValue()).getKey();
            QueueHistory history = new QueueHistory(reader, codec, events, TopicSchemas.QUEUE_SNAPSHOTS);
            QueueHistory.Replayed now = history.replay(queue, HistoryPoint.NOW);
            long middle = now.sequence() / 2;
            Instant middleTime = history.replay(queue, HistoryPoint.atSequence(middle)).lastEventAt();
            System.out.printf("log: %,d events in %d partitions; queue %s: %,d events, sequence %d, %,d waiting now%n",
                    total, reader.partitionsFor(events).size(), queue, perQueue.get(queue), now.sequence(),
                    now.state().waitingCount());

            Map<String, List<Double>> millis = new java.util.LinkedHashMap<>();
            Map<String, QueueHistory.Replayed> last = new HashMap<>();
            for (int round = 0; round <= rounds; round++) {
                measure(round, "at-sequence " + middle, millis, last,
                        () -> history.replay(queue, HistoryPoint.atSequence(middle)));
                measure(round, "at-time " + middleTime, millis, last,
                        () -> history.replay(queue, HistoryPoint.atTime(middleTime)));
                measure(round, "now", millis, last, () -> history.replay(queue, HistoryPoint.NOW));
                measure(round, "baseline: now from the partition's start", millis, last,
                        () -> history.replayEveryEvent(queue, HistoryPoint.NOW, (e, ev, b, a) -> { }));
            }
            double baseline = median(millis.get("baseline: now from the partition's start"));
            System.out.printf("%-48s %10s %14s %12s %10s%n", "replay", "median ms", "records read", "from seq",
                    "vs base");
            millis.forEach((name, times) -> {
                QueueHistory.Replayed r = last.get(name);
                System.out.printf("%-48s %10.1f %,14d %12d %9.3fx%n", name, median(times), r.recordsRead(),
                        r.checkpointSequence(), median(times) / baseline);
            });
        }
    }

    interface Replay {
        QueueHistory.Replayed run();
    }

    private static void measure(int round, String name, Map<String, List<Double>> millis,
                                Map<String, QueueHistory.Replayed> last, Replay replay) {
        long started = System.nanoTime();
        QueueHistory.Replayed replayed = replay.run();
        double took = (System.nanoTime() - started) / 1e6;
        if (round > 0) { // round 0 warms the JVM and the codec's schema cache
            millis.computeIfAbsent(name, n -> new ArrayList<>()).add(took);
            last.put(name, replayed);
        }
    }

    private static long countByQueue(KafkaConsumer<String, byte[]> reader, String topic, Map<String, Long> perQueue) {
        List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        long total = 0;
        while (partitions.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                if (record.key() != null) {
                    perQueue.merge(record.key(), 1L, Long::sum);
                    total++;
                }
            }
        }
        return total;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
