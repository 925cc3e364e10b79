package io.ledgerline.projection.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import io.ledgerline.schemas.RegistryCodec;
import ledgerline.queue.v1.QueueEventEnvelope;

/**
 * Plain Kafka clients for the tests, configured from the running application's own settings so they talk to the
 * same broker, registry and topics (the test profile's {@code test.} topics).
 */
final class TestKafka {

    private TestKafka() {
    }

    /** One codec per test JVM, made on first use (the application's config is there by then), as a service has. */
    private static final class Codec {
        static final RegistryCodec INSTANCE = new RegistryCodec(registry());
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static String eventsTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.queue-events.topic", String.class);
    }

    static String deadLetterTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.outgoing.dead-letter.topic", String.class);
    }

    private static String registry() {
        return ConfigProvider.getConfig()
                .getValue("ledgerline.projection.registry-url", String.class);
    }

    /** Sends the events in order (key = queueId) and waits for the broker's acknowledgement of each. */
    static void send(QueueEventEnvelope... events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producer(Map.of()))) {
            for (QueueEventEnvelope event : events) {
                producer.send(new ProducerRecord<>(eventsTopic(), event.getQueueId(), encode(event))).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send test events", e);
        }
    }

    /**
     * Sends the events in order in one producer transaction: the projection (read_committed) sees none of them until
     * all are written, then polls them in full batches instead of a few at a time as they trickle in.
     */
    static void sendInOneTransaction(List<QueueEventEnvelope> events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producer(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "position-projection-it-" + UUID.randomUUID())))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (QueueEventEnvelope event : events) {
                producer.send(new ProducerRecord<>(eventsTopic(), event.getQueueId(), encode(event)));
            }
            producer.commitTransaction();
        }
    }

    /**
     * Registry-framed Avro, as the command service writes it. One artifact for every test topic (the throw-away
     * ones included): no artifact per test run.
     */
    private static byte[] encode(QueueEventEnvelope event) {
        return Codec.INSTANCE.encode("test.ledgerline.queue-events.v1", event);
    }

    private static Map<String, Object> producer(Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        config.putAll(extra);
        return config;
    }

    /** Sends bytes that are no Avro envelope to the events topic. */
    static void sendRaw(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(eventsTopic(), key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send test bytes", e);
        }
    }

    /** Dead letters whose key is {@code key}, read from the beginning of the dead-letter topic. */
    static List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "position-projection-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new java.util.ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
            return found;
        }
    }

    static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8),
                        (first, second) -> second));
    }

    static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        return Optional.ofNullable(headers(record).get(name));
    }
}
