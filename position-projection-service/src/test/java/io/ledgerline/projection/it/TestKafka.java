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

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.config.SerdeConfig;
import ledgerline.queue.v1.QueueEventEnvelope;

/**
 * Plain Kafka clients for the tests, configured from the running application's own settings so they talk to the
 * same broker, registry and topics (the test profile's {@code test.} topics).
 */
final class TestKafka {

    private TestKafka() {
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
                .getValue("mp.messaging.connector.smallrye-kafka.apicurio.registry.url", String.class);
    }

    /** Sends the events in order (key = queueId) and waits for the broker's acknowledgement of each. */
    static void send(QueueEventEnvelope... events) {
        try (KafkaProducer<String, QueueEventEnvelope> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class.getName(),
                SerdeConfig.REGISTRY_URL, registry(),
                SerdeConfig.AUTO_REGISTER_ARTIFACT, "true",
                // One subject for every test topic (the throw-away gap topic included): no artifact per test run.
                SerdeConfig.EXPLICIT_ARTIFACT_ID, "test.ledgerline.queue-events.v1-value"))) {
            for (QueueEventEnvelope event : events) {
                producer.send(new ProducerRecord<>(eventsTopic(), event.getQueueId(), event)).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send test events", e);
        }
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
