package io.ledgerline.command.messaging.submit;

import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.command.messaging.KafkaClients;
import io.ledgerline.command.messaging.PollLoop;
import io.ledgerline.command.messaging.ResultMapper;
import io.ledgerline.schemas.RegistryCodec;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    private final RegistryCodec codec;
    private final PendingResults pending;
    private final String topic;
    private final CompletableFuture<Void> firstPositioned = new CompletableFuture<>();
    private final PollLoop loop = new PollLoop("command-result-listener");
    private volatile boolean positioned;

    public ResultListener(KafkaClients clients, ResultMapper mapper, RegistryCodec codec, PendingResults pending,
                          CommandServiceConfig config) {
        this.clients = clients;
        this.mapper = mapper;
        this.codec = codec;
        this.pending = pending;
        this.topic = config.topics().results();
    }

    void start(@Observes StartupEvent startup) {
        loop.start(this::run);
    }

    /**
     * Completes once the listener has its position on every partition: a command sent before that could have its
     * result slip past unseen, so the submitter sends nothing until then (without holding up the start-up).
     */
    public CompletableFuture<Void> positioned() {
        return firstPositioned;
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop(Duration.ofSeconds(10));
    }

    public boolean ready() {
        return loop.running() && positioned && loop.lastFailure() == null;
    }

    public PollLoop loop() {
        return loop;
    }

    private void run() {
        positioned = false;
        try (KafkaConsumer<String, byte[]> reader = clients.committedReader()) {
            loop.polls(reader);
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            reader.assign(partitions);
            // After a restart of the loop, results published meanwhile are lost to their callers; they time out and
            // retry with their key, which answers them from the idempotency window.
            reader.seekToEnd(partitions);
            partitions.forEach(reader::position); // resolves the lazy seek now
            positioned = true;
            loop.recovered();
            firstPositioned.complete(null);
            while (loop.running()) {
                loop.beat();
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(250))) {
                    deliver(record);
                }
            }
        } catch (WakeupException e) {
            if (loop.running()) {
                throw e;
            }
        } finally {
            positioned = false;
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> record) {
        try {
            pending.complete(mapper.toDomain((CommandResult) codec.decode(record.value())));
        } catch (RuntimeException e) {
            LOG.warnf(e, "skipping unreadable result at %s-%d@%d", record.topic(), record.partition(), record.offset());
        }
    }
}
