package io.ledgerline.command.messaging;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.command.model.Handling;
import io.ledgerline.command.model.QueueBook;
import io.ledgerline.command.model.SequencedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ledgerline.queue.v1.QueueCommandEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The single writer of each partition's queues. It polls a batch of commands, decides each against the in-memory
 * book, and appends the events, the results and the consumed offsets in ONE Kafka transaction per batch, so that
 * throughput grows with load while a crash can never leave events without their offsets or the reverse.
 */
@ApplicationScoped
public class CommandProcessor {

    private static final Logger LOG = Logger.getLogger(CommandProcessor.class);

    private final CommandServiceConfig config;
    private final KafkaClients clients;
    private final CommandMapper commands;
    private final EventMapper events;
    private final ResultMapper results;
    private final DeadLetters deadLetters;
    private final EventLogReplay replay;
    private final MeterRegistry registry;
    private final Timer batchTimer;

    private final QueueBook book;
    private final PollLoop loop = new PollLoop("command-processor", this::run);
    private volatile boolean assigned;
    private volatile Throwable failure;
    private int partitionCount;

    public CommandProcessor(CommandServiceConfig config, KafkaClients clients, CommandMapper commands,
                            EventMapper events, ResultMapper results, DeadLetters deadLetters, EventLogReplay replay,
                            MeterRegistry registry) {
        this.config = config;
        this.clients = clients;
        this.commands = commands;
        this.events = events;
        this.results = results;
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.registry = registry;
        this.batchTimer = Timer.builder("ledgerline.command.batch").description("one transaction: decide and append")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.book = new QueueBook(config.command().rememberedResultsPerQueue());
    }

    void start(@Observes StartupEvent startup) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop(Duration.ofSeconds(15));
    }

    /** Ready once partitions are assigned and their queues rebuilt, and as long as the loop has not failed. */
    public boolean ready() {
        return loop.running() && assigned && failure == null;
    }

    public Throwable failure() {
        return failure;
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> consumer = clients.commandConsumer();
             KafkaProducer<String, Object> producer = clients.transactionalProducer();
             AvroKafkaDeserializer<QueueCommandEnvelope> deserializer = clients.avroDeserializer()) {
            loop.polls(consumer);
            partitionCount = checkCoPartitioned(consumer);
            producer.initTransactions();
            consumer.subscribe(List.of(config.topics().commands()), new Ownership());
            while (loop.running()) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(250));
                if (!batch.isEmpty()) {
                    processInTransaction(batch, consumer, producer, deserializer);
                }
            }
        } catch (WakeupException e) {
            if (loop.running()) {
                fail(e);
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void processInTransaction(ConsumerRecords<String, byte[]> batch, KafkaConsumer<String, byte[]> consumer,
                                      KafkaProducer<String, Object> producer,
                                      AvroKafkaDeserializer<QueueCommandEnvelope> deserializer) {
        long started = System.nanoTime();
        producer.beginTransaction();
        try {
            for (ConsumerRecord<String, byte[]> record : batch) {
                process(record, producer, deserializer);
            }
            producer.sendOffsetsToTransaction(nextOffsets(batch), consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            throw e; // fatal for this producer: the loop stops and readiness turns DOWN
        } catch (KafkaException e) {
            LOG.warnf(e, "transaction aborted; rewinding %d partitions to their committed offsets", consumer.assignment().size());
            producer.abortTransaction();
            pause(Duration.ofSeconds(1)); // whatever failed gets a moment before the same batch is tried again
            rewind(consumer);
        }
        batchTimer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private void process(ConsumerRecord<String, byte[]> record, KafkaProducer<String, Object> producer,
                         AvroKafkaDeserializer<QueueCommandEnvelope> deserializer) {
        QueueCommandEnvelope envelope;
        try {
            envelope = deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (RecordFraming.isRegistryFramedAvro(record.value()) && RecordFraming.isTransient(e)) {
                throw new RetriableReadException("schema registry unreachable while reading a command", e);
            }
            deadLetter(record, "not a readable command envelope", e, producer);
            return;
        }
        if (envelope == null || envelope.getQueueId() == null || envelope.getCommandId() == null) {
            deadLetter(record, "empty record or command without queueId/commandId", null, producer);
            return;
        }
        int owner = QueuePartitioner.partitionOf(envelope.getQueueId(), partitionCount);
        if (owner != record.partition()) {
            // A record on the wrong partition would give its queue a second writer: hand it to the owner instead.
            producer.send(new ProducerRecord<>(record.topic(), owner, envelope.getQueueId(), record.value(),
                    record.headers()));
            return;
        }
        Handling handling;
        try {
            handling = book.handle(record.partition(), envelope.getCommandId(), commands.toDomain(envelope));
        } catch (MalformedCommandException e) {
            handling = book.refuse(record.partition(), envelope.getQueueId(), envelope.getCommandId(),
                    "MALFORMED_COMMAND", e.getMessage());
        } catch (RuntimeException e) {
            // A command that breaks the decider must not stop every other queue of the partition.
            deadLetter(record, "deciding the command failed", e, producer);
            handling = book.refuse(record.partition(), envelope.getQueueId(), envelope.getCommandId(),
                    "PROCESSING_FAILED", "the command could not be decided and was moved to the dead-letter topic");
        }
        append(record.partition(), envelope, handling, producer);
    }

    private void append(int partition, QueueCommandEnvelope command, Handling handling,
                        KafkaProducer<String, Object> producer) {
        Instant now = Instant.now();
        for (SequencedEvent event : handling.events()) {
            producer.send(new ProducerRecord<>(config.topics().events(), partition, command.getQueueId(),
                    events.toAvro(event, command.getCommandId(), command.getActor(), now)));
        }
        producer.send(new ProducerRecord<>(config.topics().results(), command.getCommandId(),
                results.toAvro(command.getCommandId(), command.getQueueId(), handling.outcome())));
        registry.counter("ledgerline.commands", "type", typeOf(command), "outcome", outcomeTag(handling)).increment();
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, Throwable cause,
                            KafkaProducer<String, Object> producer) {
        LOG.warnf("dead-lettering %s-%d@%d: %s (%s)", record.topic(), record.partition(), record.offset(), reason, cause);
        producer.send(deadLetters.of(record, reason, cause));
        registry.counter("ledgerline.commands.dead-lettered").increment();
    }

    private void rewind(KafkaConsumer<String, byte[]> consumer) {
        Collection<TopicPartition> owned = consumer.assignment();
        owned.forEach(tp -> book.forget(tp.partition()));
        replay.rebuild(owned.stream().map(TopicPartition::partition).toList(), book);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(java.util.Set.copyOf(owned));
        for (TopicPartition tp : owned) {
            OffsetAndMetadata offset = committed.get(tp);
            if (offset == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, offset);
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int checkCoPartitioned(KafkaConsumer<String, byte[]> consumer) {
        int commandPartitions = consumer.partitionsFor(config.topics().commands()).size();
        int eventPartitions = consumer.partitionsFor(config.topics().events()).size();
        if (commandPartitions != eventPartitions) {
            throw new IllegalStateException("topics " + config.topics().commands() + " (" + commandPartitions
                    + " partitions) and " + config.topics().events() + " (" + eventPartitions
                    + ") must have the same partition count: a queue's commands and events share a partition");
        }
        return commandPartitions;
    }

    private void fail(Throwable e) {
        failure = e;
        LOG.error("command processor stopped; this instance no longer decides commands", e);
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : batch.partitions()) {
            List<ConsumerRecord<String, byte[]>> records = batch.records(tp);
            offsets.put(tp, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private static String typeOf(QueueCommandEnvelope command) {
        return command.getPayload() == null ? "none" : command.getPayload().getClass().getSimpleName();
    }

    private static String outcomeTag(Handling handling) {
        if (handling.repeated()) {
            return "repeated";
        }
        return handling.outcome() instanceof CommandOutcome.Accepted ? "accepted" : "rejected";
    }

    /** Rebuilds newly owned queues before their first command, and forgets the ones handed to another instance. */
    private final class Ownership implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> book.forget(tp.partition()));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            replay.rebuild(partitions.stream().map(TopicPartition::partition).toList(), book);
            assigned = true;
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }
}
