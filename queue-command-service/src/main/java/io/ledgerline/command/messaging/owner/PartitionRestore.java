package io.ledgerline.command.messaging;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.command.model.QueueBook;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import ledgerline.queue.v1.QueueEventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Rebuilds the queues of newly owned partitions by reading the events topic from its start up to the last committed
 * record. Commands and events are co-partitioned, so commands partition p owns exactly the queues of events
 * partition p.
 */
@ApplicationScoped
public class EventLogReplay {

    private static final Logger LOG = Logger.getLogger(EventLogReplay.class);
    private static final int MAX_ATTEMPTS = 8;

    private final KafkaClients clients;
    private final EventMapper mapper;
    private final String eventsTopic;

    public EventLogReplay(KafkaClients clients, EventMapper mapper, CommandServiceConfig config) {
        this.clients = clients;
        this.mapper = mapper;
        this.eventsTopic = config.topics().events();
    }

    /**
     * Rebuilds the partitions, retrying while the registry or broker is unreachable: a partition owner that gave up
     * would leave its queues without a writer, one that guessed would fork their history.
     */
    public void rebuild(Collection<Integer> partitions, QueueBook book) {
        Duration backoff = Duration.ofMillis(500);
        for (int attempt = 1; ; attempt++) {
            try {
                replay(partitions, book);
                return;
            } catch (RuntimeException e) {
                if (!RecordFraming.isTransient(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("rebuilding partitions %s failed (%s); attempt %d of %d in %d ms", partitions, e.getMessage(),
                        attempt + 1, MAX_ATTEMPTS, backoff.toMillis());
                partitions.forEach(book::forget);
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private void replay(Collection<Integer> partitions, QueueBook book) {
        if (partitions.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<TopicPartition> topicPartitions = partitions.stream()
                .map(p -> new TopicPartition(eventsTopic, p)).toList();
        long events = 0;
        try (KafkaConsumer<String, byte[]> reader = clients.committedReader();
             AvroKafkaDeserializer<QueueEventEnvelope> deserializer = clients.avroDeserializer()) {
            reader.assign(topicPartitions);
            reader.seekToBeginning(topicPartitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(topicPartitions);
            while (!reachedEnd(reader, ends)) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (!RecordFraming.isRegistryFramedAvro(record.value())) {
                        // Not written by this service; a real event lost this way would still show as a gap.
                        LOG.warnf("skipping a record that is not a registry-framed event at %s-%d@%d",
                                record.topic(), record.partition(), record.offset());
                        continue;
                    }
                    QueueEventEnvelope envelope = deserializer.deserialize(record.topic(), record.headers(), record.value());
                    book.replay(record.partition(), envelope.getSequence(), mapper.toDomain(envelope),
                            envelope.getCausationCommandId());
                    events++;
                }
            }
        }
        LOG.infof("rebuilt %d queues of partitions %s from %d events in %d ms", book.queueCount(), partitions, events,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding", e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> reader.position(end.getKey()) >= end.getValue());
    }
}
