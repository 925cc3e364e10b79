package io.ledgerline.command.messaging;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.ledgerline.command.config.CommandServiceConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import ledgerline.queue.v1.CommandResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads every partition of the results topic from its end and hands each result to the REST call waiting for it.
 * Every instance reads all partitions: the instance that took a REST call is rarely the one that decided it.
 */
@ApplicationScoped
public class ResultListener {

    private static final Logger LOG = Logger.getLogger(ResultListener.class);

    private final KafkaClients clients;
    private final ResultMapper mapper;
    private final PendingResults pending;
    private final String topic;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final PollLoop loop = new PollLoop("command-result-listener", this::run);

    public ResultListener(KafkaClients clients, ResultMapper mapper, PendingResults pending,
                          CommandServiceConfig config) {
        this.clients = clients;
        this.mapper = mapper;
        this.pending = pending;
        this.topic = config.topics().results();
    }

    void start(@Observes StartupEvent startup) throws InterruptedException {
        loop.start();
        // A command sent before the listener has its position could have its result slip past unseen.
        if (!positioned.await(30, TimeUnit.SECONDS)) {
            LOG.warn("results listener not positioned after 30 s; REST calls will wait until it is");
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop(Duration.ofSeconds(10));
    }

    public boolean ready() {
        return loop.running() && positioned.getCount() == 0 && loop.alive();
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> reader = clients.committedReader();
             AvroKafkaDeserializer<CommandResult> deserializer = clients.avroDeserializer()) {
            loop.polls(reader);
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            reader.assign(partitions);
            reader.seekToEnd(partitions);
            partitions.forEach(reader::position); // resolves the lazy seek now
            positioned.countDown();
            while (loop.running()) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(250))) {
                    deliver(record, deserializer);
                }
            }
        } catch (WakeupException e) {
            if (loop.running()) {
                LOG.error("results listener woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("results listener stopped; REST calls will time out", e);
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> record, AvroKafkaDeserializer<CommandResult> deserializer) {
        try {
            CommandResult result = deserializer.deserialize(record.topic(), record.headers(), record.value());
            pending.complete(result.getCommandId(), mapper.toDomain(result));
        } catch (RuntimeException e) {
            LOG.warnf(e, "skipping unreadable result at %s-%d@%d", record.topic(), record.partition(), record.offset());
        }
    }
}
