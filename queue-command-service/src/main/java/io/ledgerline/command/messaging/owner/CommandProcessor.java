package io.ledgerline.command.messaging.owner;

import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.command.messaging.KafkaClients;
import io.ledgerline.command.messaging.PollLoop;
import io.ledgerline.command.model.QueueBook;
import io.ledgerline.command.store.IdempotencyStore;
import io.ledgerline.command.store.LastAssignment;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The single writer of each partition's queues. It polls a batch of commands, decides each against the in-memory
 * book, and appends the events, the results and the consumed offsets in ONE Kafka transaction per batch, so that
 * throughput grows with load while a crash can never leave events without their offsets or the reverse.
 *
 * <p>A run that fails for any reason is started over by its {@link PollLoop} with new clients: initTransactions
 * settles whatever the old producer left open, and the partitions are restored from the log.
 */
@ApplicationScoped
public class CommandProcessor {

    private static final Logger LOG = Logger.getLogger(CommandProcessor.class);

    private final CommandServiceConfig config;
    private final KafkaClients clients;
    private final RecordDecider decider;
    private final PartitionRestore restore;
    private final CheckpointWriter checkpoints;
    private final IdempotencyStore window;
    private final LastAssignment lastAssignment;
    private final TimerFiring timers;
    private final Clock clock;
    private final Timer batchTimer;
    private final DistributionSummary batchSize;
    private final PollLoop loop = new PollLoop("command-processor");
    private volatile boolean assigned;

    public CommandProcessor(CommandServiceConfig config, KafkaClients clients, RecordDecider decider,
                            PartitionRestore restore, CheckpointWriter checkpoints, IdempotencyStore window,
                            LastAssignment lastAssignment, TimerFiring timers, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.clients = clients;
        this.decider = decider;
        this.restore = restore;
        this.checkpoints = checkpoints;
        this.window = window;
        this.lastAssignment = lastAssignment;
        this.timers = timers;
        this.clock = clock;
        this.batchTimer = Timer.builder("ledgerline.command.batch").description("one transaction: decide and append")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.batchSize = DistributionSummary.builder("ledgerline.command.batch.commands")
                .description("commands decided in one transaction").publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("ledgerline.command.processor.restarts", loop, PollLoop::restarts);
    }

    void start(@Observes StartupEvent startup) {
        loop.start(this::run);
        // Opening the store (loading RocksDB, replaying its write-ahead log) overlaps with joining the group.
        Thread.ofPlatform().name("idempotency-store-open").daemon().start(window::directory);
    }

    /** The loop first (it checkpoints on its way out), then the store it was using. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop(Duration.ofSeconds(15));
        window.close();
    }

    /** Deciding: partitions assigned and restored in the current run, and that run has not failed. */
    public boolean ready() {
        return loop.running() && assigned && loop.lastFailure() == null;
    }

    public PollLoop loop() {
        return loop;
    }

    private void run() throws Exception {
        assigned = false;
        QueueBook book = new QueueBook();
        try (Admin admin = clients.admin();
             KafkaConsumer<String, byte[]> reader = clients.committedReader()) {
            // First of all: restore what this instance owned last, while the rest of the run gets ready.
            RestoreAhead ahead = RestoreAhead.start(lastAssignment.read(), restore, book, admin, reader, loop);
            try {
                own(book, ahead, admin, reader);
            } finally {
                ahead.finish();
            }
        } finally {
            assigned = false;
        }
    }

    private void own(QueueBook book, RestoreAhead ahead, Admin admin, KafkaConsumer<String, byte[]> reader)
            throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = clients.commandConsumer();
             KafkaProducer<String, byte[]> producer = clients.transactionalProducer()) {
            loop.polls(consumer);
            int partitionCount = checkCoPartitioned(admin);
            var services = new PartitionOwner.Services(decider, restore, checkpoints, window, lastAssignment,
                    config.command().checkpointEveryEvents(), timers, this::assigned);
            var runClients = new PartitionOwner.Clients(consumer, producer, admin, reader);
            PartitionOwner owner = new PartitionOwner(services, runClients, book, ahead, loop, partitionCount,
                    config.topics().events());
            producer.initTransactions(); // aborts (or completes) what this instance left open before a crash
            consumer.subscribe(List.of(config.topics().commands()), owner);
            BatchPoll polls = new BatchPoll(consumer, config.command().batchLinger(), config.command().maxBatch());
            while (loop.running()) {
                loop.beat();
                ConsumerRecords<String, byte[]> batch;
                try {
                    batch = polls.next(Duration.ofMillis(250));
                } catch (WakeupException e) {
                    if (loop.running()) {
                        throw e;
                    }
                    break; // stopping: checkpoint below, so the next start replays nothing
                }
                if (!batch.isEmpty()) {
                    long started = System.nanoTime();
                    owner.decide(batch);
                    batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    batchSize.record(batch.count());
                }
                owner.fireTimers(clock.instant()); // at most one poll late: a poll waits 250 ms at the most
            }
            owner.checkpointAll();
        }
    }

    private void assigned() {
        assigned = true;
        loop.recovered();
    }

    private int checkCoPartitioned(Admin admin) throws Exception {
        var topics = config.topics();
        Map<String, TopicDescription> described = admin.describeTopics(
                List.of(topics.commands(), topics.events(), topics.results(), topics.snapshots())).allTopicNames().get();
        int commandPartitions = described.get(topics.commands()).partitions().size();
        for (String topic : List.of(topics.events(), topics.results(), topics.snapshots())) {
            int partitions = described.get(topic).partitions().size();
            if (partitions != commandPartitions) {
                throw new IllegalStateException("topics " + config.topics().commands() + " (" + commandPartitions
                        + " partitions) and " + topic + " (" + partitions + ") must have the same partition count:"
                        + " a queue's commands, events, results and checkpoints share a partition number");
            }
        }
        LOG.debugf("%d partitions, transactional id %s", commandPartitions, clients.transactionalId());
        return commandPartitions;
    }
}
