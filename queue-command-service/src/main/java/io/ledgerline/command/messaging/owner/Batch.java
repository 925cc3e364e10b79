package io.ledgerline.command.messaging.owner;

import io.ledgerline.command.model.QueueBook;
import io.ledgerline.command.model.RememberedOutcome;
import io.ledgerline.command.store.IdempotencyStore.OutcomeKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One polled batch of commands, decided in one Kafka transaction: the sends it makes, and the first outcomes it
 * decided, which the idempotency store takes only once the transaction has committed.
 */
final class Batch {

    private final QueueBook book;
    private final KafkaProducer<String, byte[]> producer;
    private final int partitionCount;
    private final String writerTerm;
    private final Map<OutcomeKey, RememberedOutcome> firstOutcomes = new LinkedHashMap<>();
    private final Map<Integer, Future<RecordMetadata>> lastEvent = new HashMap<>();
    private final Map<Integer, Future<RecordMetadata>> lastResult = new HashMap<>();

    Batch(QueueBook book, KafkaProducer<String, byte[]> producer, int partitionCount, String writerTerm) {
        this.book = book;
        this.producer = producer;
        this.partitionCount = partitionCount;
        this.writerTerm = writerTerm;
    }

    QueueBook book() {
        return book;
    }

    int partitionCount() {
        return partitionCount;
    }

    String writerTerm() {
        return writerTerm;
    }

    /** A first outcome decided earlier in this same batch: a duplicate within one poll is a repeat too. */
    Optional<RememberedOutcome> firstOutcome(OutcomeKey key) {
        return Optional.ofNullable(firstOutcomes.get(key));
    }

    void remember(OutcomeKey key, RememberedOutcome outcome) {
        firstOutcomes.put(key, outcome);
    }

    Map<OutcomeKey, RememberedOutcome> firstOutcomes() {
        return firstOutcomes;
    }

    void sendEvent(ProducerRecord<String, byte[]> record) {
        lastEvent.put(record.partition(), producer.send(record));
    }

    void sendResult(ProducerRecord<String, byte[]> record) {
        lastResult.put(record.partition(), producer.send(record));
    }

    void send(ProducerRecord<String, byte[]> record) {
        producer.send(record);
    }

    /** After the commit: per partition, the offset just past the last event this batch appended. */
    Map<Integer, Long> eventsEnd() {
        return endOffsets(lastEvent);
    }

    /** After the commit: per partition, the offset just past the last result this batch published. */
    Map<Integer, Long> resultsEnd() {
        return endOffsets(lastResult);
    }

    private static Map<Integer, Long> endOffsets(Map<Integer, Future<RecordMetadata>> last) {
        Map<Integer, Long> ends = new HashMap<>();
        try {
            for (Map.Entry<Integer, Future<RecordMetadata>> e : last.entrySet()) {
                ends.put(e.getKey(), e.getValue().get().offset() + 1); // done: the commit flushed every send
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a send of a committed transaction failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted after a commit", e);
        }
        return ends;
    }
}
