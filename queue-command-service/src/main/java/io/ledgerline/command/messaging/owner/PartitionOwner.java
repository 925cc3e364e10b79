package io.ledgerline.command.messaging.owner;

import io.ledgerline.command.messaging.PollLoop;
import io.ledgerline.command.model.QueueBook;
import io.ledgerline.command.store.IdempotencyStore;
import io.ledgerline.command.store.LastAssignment;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

/**
 * One run of the processor as owner of its partitions: it restores a partition when it is assigned, decides each
 * polled batch in one transaction, checkpoints a partition every N events and when it is given up. Any failure of a
 * transaction ends the run: the next one starts from what the log says, never from what this one believed.
 */
final class PartitionOwner implements ConsumerRebalanceListener {

    /** What the run needs from the service; the collaborators live as long as the application. */
    record Services(RecordDecider decider, PartitionRestore restore, CheckpointWriter checkpoints,
                    IdempotencyStore window, LastAssignment lastAssignment, int checkpointEveryEvents,
                    TimerFiring timers, Runnable onAssigned) {}

    private final Services services;
    private final QueueBook book;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final KafkaConsumer<String, byte[]> reader;
    private final PollLoop loop;
    private final int partitionCount;
    private final String eventsTopic;
    /** Per owned partition: the events offset just past everything the book reflects. */
    private final Map<Integer, Long> eventsEnd = new HashMap<>();
    /** The partitions restored ahead of the first assignment; null once that assignment has taken them. */
    private RestoreAhead ahead;

    /** The clients of one run; the run closes them. */
    record Clients(KafkaConsumer<String, byte[]> consumer, KafkaProducer<String, byte[]> producer, Admin admin,
                   KafkaConsumer<String, byte[]> reader) {}

    PartitionOwner(Services services, Clients clients, QueueBook book, RestoreAhead ahead, PollLoop loop,
                   int partitionCount, String eventsTopic) {
        this.services = services;
        this.book = book;
        this.ahead = ahead;
        this.consumer = clients.consumer();
        this.producer = clients.producer();
        this.admin = clients.admin();
        this.reader = clients.reader();
        this.loop = loop;
        this.partitionCount = partitionCount;
        this.eventsTopic = eventsTopic;
    }

    /** Decides a polled batch and commits its events, results and consumed offsets together. */
    void decide(ConsumerRecords<String, byte[]> records) {
        Batch batch = new Batch(book, producer, partitionCount, writerTerm());
        producer.beginTransaction();
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                services.decider().decide(record, batch);
            }
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            producer.commitTransaction();
        } catch (RuntimeException e) {
            Transactions.abortQuietly(producer, e);
            throw e;
        }
        services.window().remember(batch.firstOutcomes(), batch.resultsEnd());
        eventsEnd.putAll(batch.eventsEnd());
        records.partitions().forEach(tp -> checkpointIfDue(tp.partition()));
    }

    /** Sends the commands the owned queues' timers call for at {@code now}. */
    void fireTimers(Instant now) {
        services.timers().fire(book, producer, now);
    }

    /** On a clean stop: the next owner (most likely this instance again) replays nothing. */
    void checkpointAll() {
        for (int partition : book.partitions()) {
            checkpoint(partition);
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
        Map<TopicPartition, Long> restoredAhead = ahead == null ? Map.of() : ahead.restored();
        ahead = null;
        restoredAhead.keySet().stream().map(TopicPartition::partition).distinct().filter(p -> !numbers.contains(p))
                .forEach(book::forget);
        try {
            services.restore().restore(numbers, book, admin, reader, loop, restoredAhead).forEach((tp, offset) -> {
                if (tp.topic().equals(eventsTopic)) {
                    eventsEnd.put(tp.partition(), offset);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring " + partitions, e);
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("restoring " + partitions + " failed", e);
        }
        numbers.forEach(this::checkpointIfDue); // a long replay is done once, not after every restart
        services.lastAssignment().write(eventsEnd.keySet());
        services.onAssigned().run();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        partitions.forEach(tp -> checkpoint(tp.partition()));
        giveUp(partitions);
    }

    /** Taken away without notice (this instance was too slow or cut off): another owner has it; write nothing. */
    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        giveUp(partitions);
    }

    private void giveUp(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            book.forget(tp.partition());
            eventsEnd.remove(tp.partition());
        }
        services.lastAssignment().write(eventsEnd.keySet());
    }

    private void checkpointIfDue(int partition) {
        if (book.eventsSinceCheckpoint(partition) >= services.checkpointEveryEvents()) {
            checkpoint(partition);
        }
    }

    private void checkpoint(int partition) {
        Long end = eventsEnd.get(partition);
        if (end != null) {
            services.checkpoints().write(partition, book, producer, consumer, end);
        }
    }

    /** Who is writing now: the group member id is new at every join, the generation at every rebalance. */
    private String writerTerm() {
        var group = consumer.groupMetadata();
        return group.memberId() + "/" + group.generationId();
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : batch.partitions()) {
            List<ConsumerRecord<String, byte[]>> records = batch.records(tp);
            offsets.put(tp, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
        }
        return offsets;
    }
}
