import io.ledgerline.schemas.RegistryCodec;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import ledgerline.queue.v1.EntryJoined;
import ledgerline.queue.v1.EntryLeft;
import ledgerline.queue.v1.Priority;
import ledgerline.queue.v1.QueueCreated;
import ledgerline.queue.v1.QueueEventEnvelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts a long history on the events topic, fast, so that recovery can be measured "with 10 million events already
 * in the log" without hours of REST calls: {@code queues} queues, each created and then joined and left in turn
 * (about a hundred people waiting at any time), with gap-free sequences, exactly as the command service would have
 * written them.
 *
 * <p>Only while the command service is stopped: the events topic has one writer, and a running owner would not know
 * these events until it restores the partition. ./ledgerline bench fill does the stopping and starting.
 *
 * <p>Run with the command service's class path:
 * java -cp 'queue-command-service/target/quarkus-app/lib/main/*' bench/FillEventLog.java
 *      [events=10000000] [queues=1000] [bootstrap=127.0.0.1:9092] [registry=http://127.0.0.1:8085/apis/registry/v3]
 */
public class FillEventLog {

    private static final int WAITING = 100;

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int queues = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String bootstrap = args.length > 2 ? args[2] : "127.0.0.1:9092";
        String registry = args.length > 3 ? args[3] : "http://127.0.0.1:8085/apis/registry/v3";
        String topic = "ledgerline.queue-events.v1";
        String run = "fill-" + UUID.randomUUID().toString().substring(0, 8);

        RegistryCodec codec = new RegistryCodec(registry);
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long perQueue = Math.max(1, events / queues);
        long written = 0;
        long started = System.nanoTime();
        Instant now = Instant.now();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int q = 0; q < queues && written < events; q++) {
                String queueId = run + "-q" + q;
                long sequence = 0;
                producer.send(record(codec, topic, queueId, ++sequence, new QueueCreated("Filled " + q, 1_000_000, null), now));
                written++;
                for (long k = 0; sequence < perQueue && written < events; k++) {
                    producer.send(record(codec, topic, queueId, ++sequence,
                            new EntryJoined("e" + k, Priority.NORMAL, k + 1, now, null, null, null, null, null, java.util.Map.of(), null, null), now));
                    written++;
                    if (k >= WAITING && sequence < perQueue && written < events) {
                        producer.send(record(codec, topic, queueId, ++sequence, new EntryLeft("e" + (k - WAITING)), now));
                        written++;
                    }
                }
                if ((q + 1) % 100 == 0) {
                    System.out.printf("%d queues, %d events, %.0f events/s%n", q + 1, written,
                            written / ((System.nanoTime() - started) / 1e9));
                }
            }
            producer.flush();
        }
        System.out.printf("wrote %d events for %d queues of run %s in %.1f s%n", written, queues, run,
                (System.nanoTime() - started) / 1e9);
    }

    private static ProducerRecord<String, byte[]> record(RegistryCodec codec, String topic, String queueId,
                                                        long sequence, Object payload, Instant at) {
        return new ProducerRecord<>(topic, queueId, codec.encode(topic, QueueEventEnvelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setQueueId(queueId)
                .setSequence(sequence)
                .setOccurredAt(at)
                .setCausationCommandId("fill-" + sequence)
                .setActor("bench:fill")
                .setPayload(payload)
                .build()));
    }
}
