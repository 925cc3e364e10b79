package io.ledgerline.projection.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import io.ledgerline.schemas.RegistryCodec;
import ledgerline.queue.v1.PositionUpdate;

/**
 * Reads the test position-updates topic from where it ended when opened, and hands each queue's records to that
 * queue's follower, as a subscriber that starts now would.
 */
final class PositionUpdateReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final RegistryCodec codec = new RegistryCodec(
            ConfigProvider.getConfig().getValue("ledgerline.projection.registry-url", String.class));
    private final Map<String, LineFollower> followers;

    PositionUpdateReader(Map<String, LineFollower> followers) {
        this.followers = followers;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "position-updates-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        String topic = ConfigProvider.getConfig()
                .getValue("mp.messaging.outgoing.position-updates.topic", String.class);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, before anything is written
    }

    /** Polls until {@code done} holds or the time is up; answers whether it held. */
    boolean pollUntil(BooleanSupplier done, Duration limit) {
        long until = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                return false;
            }
            consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                LineFollower follower = followers.get(record.key());
                if (follower != null) {
                    follower.accept((PositionUpdate) codec.decode(record.value()));
                }
            });
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
