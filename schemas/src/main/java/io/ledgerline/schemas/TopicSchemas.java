package io.ledgerline.schemas;

import java.util.List;
import ledgerline.queue.v1.CommandResult;
import ledgerline.queue.v1.PositionUpdate;
import ledgerline.queue.v1.QueueCommandEnvelope;
import ledgerline.queue.v1.QueueEventEnvelope;
import ledgerline.queue.v1.QueueSnapshot;
import org.apache.avro.Schema;

/**
 * Which Avro schema is the value of which topic. The single place that ties topic names to schemas, used to register
 * them ({@link RegisterSchemas}) and to check their evolution (BackwardCompatibilityTest).
 */
public final class TopicSchemas {

    public static final String QUEUE_COMMANDS = "ledgerline.queue-commands.v1";
    public static final String QUEUE_EVENTS = "ledgerline.queue-events.v1";
    public static final String COMMAND_RESULTS = "ledgerline.command-results.v1";
    public static final String QUEUE_SNAPSHOTS = "ledgerline.queue-snapshots.v1";
    public static final String POSITION_UPDATES = "ledgerline.position-updates.v1";

    /** A topic and the schema of its record values. */
    public record TopicSchema(String topic, Schema valueSchema) {

        /** Registry subject (artifact id) of the value schema, by the topic-name strategy: {@code <prefix><topic>-value}. */
        public String valueSubject(String topicPrefix) {
            return topicPrefix + topic + "-value";
        }
    }

    private static final List<TopicSchema> ALL = List.of(
            new TopicSchema(QUEUE_COMMANDS, QueueCommandEnvelope.getClassSchema()),
            new TopicSchema(QUEUE_EVENTS, QueueEventEnvelope.getClassSchema()),
            new TopicSchema(COMMAND_RESULTS, CommandResult.getClassSchema()),
            new TopicSchema(QUEUE_SNAPSHOTS, QueueSnapshot.getClassSchema()),
            new TopicSchema(POSITION_UPDATES, PositionUpdate.getClassSchema()));

    private TopicSchemas() {
    }

    /** Every topic with an Avro value schema owned by this module, in a stable order. */
    public static List<TopicSchema> all() {
        return ALL;
    }

    /** The value schema of {@code topic} (without any test prefix). */
    public static Schema valueSchema(String topic) {
        return ALL.stream()
                .filter(t -> t.topic().equals(topic))
                .findFirst()
                .map(TopicSchema::valueSchema)
                .orElseThrow(() -> new IllegalArgumentException("No value schema for topic " + topic));
    }
}
