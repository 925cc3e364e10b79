import io.ledgerline.command.messaging.EventMapper;
import io.ledgerline.queue.EntriesReordered;
import io.ledgerline.queue.Entry;
import io.ledgerline.queue.LotteryCommitted;
import io.ledgerline.queue.LotteryCutOff;
import io.ledgerline.queue.LotteryDrawn;
import io.ledgerline.queue.QueueDecider;
import io.ledgerline.queue.QueueEvent;
import io.ledgerline.queue.QueueState;
import io.ledgerline.schemas.RegistryCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ledgerline.queue.v1.QueueEventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Checks a queue's last opening lottery from the events topic alone, as anyone with read access could: the revealed
 * seed matches the commitment made before anyone could know it, and the published order is the documented shuffle of
 * exactly the entries that were waiting at the cut-off. The shuffle is written out here from its description, not
 * taken from the service's code.
 *
 * <p>Usage: {@code LotteryCheck <queueId> <bootstrap> <registryUrl> [eventsTopic]}; exit status 0 when the draw checks.
 */
public class LotteryCheck {

    public static void main(String[] args) throws Exception {
        String queueId = args[0];
        String topic = args.length > 3 ? args[3] : "ledgerline.queue-events.v1";
        List<QueueEvent> log = readQueue(queueId, args[1], new RegistryCodec(args[2]), topic);
        int drawAt = -1;
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i) instanceof LotteryDrawn) {
                drawAt = i;
            }
        }
        if (drawAt < 0) {
            System.out.println("queue " + queueId + " has drawn no lottery (" + log.size() + " events read)");
            System.exit(2);
        }
        LotteryDrawn drawn = (LotteryDrawn) log.get(drawAt);
        LotteryCommitted commitment = last(log.subList(0, drawAt), LotteryCommitted.class);
        LotteryCutOff cutOff = last(log.subList(0, drawAt), LotteryCutOff.class);
        QueueState before = QueueDecider.replay(log.subList(0, drawAt));
        List<String> participants = before.activeEntries().stream()
                .filter(entry -> entry.inLine() && entry.ticket() <= cutOff.lastTicket())
                .map(Entry::entryId).toList();
        List<String> published = new ArrayList<>();
        for (QueueEvent event : log.subList(drawAt + 1, log.size())) {
            if (!(event instanceof EntriesReordered reordered)) {
                break;
            }
            published.addAll(reordered.entryIds());
        }

        boolean seedMatches = hex(sha256(drawn.seed())).equals(commitment.seedHash());
        boolean orderMatches = published.equals(shuffle(drawn.seed(), participants));
        System.out.printf("lottery %s of queue %s%n", drawn.lotteryId(), queueId);
        System.out.printf("  committed  seedHash %s, to draw at %s%n", commitment.seedHash(), commitment.drawAt());
        System.out.printf("  cut off    at ticket %d (%s): %d entries in the draw%n", cutOff.lastTicket(),
                cutOff.cutOffAt(), participants.size());
        System.out.printf("  revealed   seed %s: SHA-256 %s the commitment%n", drawn.seed(),
                seedMatches ? "matches" : "DOES NOT MATCH");
        System.out.printf("  drawn      %s%n", published.size() <= 10 ? published
                : published.subList(0, 10) + " … (" + published.size() + ")");
        System.out.printf("  re-derived %s%n", orderMatches ? "the same order from the seed: the draw checks"
                : "A DIFFERENT ORDER: " + shuffle(drawn.seed(), participants));
        System.exit(seedMatches && orderMatches ? 0 : 1);
    }

    /** Fisher-Yates from the end; j = (first 8 bytes of SHA-256(seed + ":" + i), unsigned) mod (i + 1). */
    static List<String> shuffle(String seed, List<String> inTicketOrder) throws Exception {
        List<String> p = new ArrayList<>(inTicketOrder);
        for (int i = p.size() - 1; i >= 1; i--) {
            long u = ByteBuffer.wrap(sha256(seed + ":" + i), 0, 8).getLong();
            int j = (int) Long.remainderUnsigned(u, i + 1L);
            String swap = p.get(i);
            p.set(i, p.get(j));
            p.set(j, swap);
        }
        return p;
    }

    private static List<QueueEvent> readQueue(String queueId, String bootstrap, RegistryCodec codec, String topic) {
        Map<Long, QueueEvent> bySequence = new TreeMap<>();
        EventMapper mapper = new EventMapper();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            // A queue's events are keyed by its id, so they are all in the partition the default partitioner gives it.
            int count = consumer.partitionsFor(topic).size();
            int partition = Utils.toPositive(Utils.murmur2(queueId.getBytes(StandardCharsets.UTF_8))) % count;
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, partition));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (queueId.equals(record.key())) {
                        QueueEventEnvelope envelope = (QueueEventEnvelope) codec.decode(record.value());
                        bySequence.put(envelope.getSequence(), mapper.toDomain(envelope));
                    }
                }
            }
        }
        return List.copyOf(bySequence.values());
    }

    private static <T> T last(List<QueueEvent> log, Class<T> type) {
        T found = null;
        for (QueueEvent event : log) {
            if (type.isInstance(event)) {
                found = type.cast(event);
            }
        }
        if (found == null) {
            throw new IllegalStateException("the log has no " + type.getSimpleName() + " before the draw");
        }
        return found;
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
