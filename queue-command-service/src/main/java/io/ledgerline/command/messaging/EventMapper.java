package io.ledgerline.command.messaging;

import io.ledgerline.command.model.SequencedEvent;
import io.ledgerline.log.EventPayloads;
import io.ledgerline.queue.QueueEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import ledgerline.queue.v1.QueueEventEnvelope;

/** Wraps the domain's events in the Avro envelope this service appends to the events topic. */
@ApplicationScoped
public class EventMapper {

    /** @param writerTerm who appends the event: the owner's group membership, unique to one owner at one time */
    public QueueEventEnvelope toAvro(SequencedEvent sequenced, String causationCommandId, String actor, Instant at,
                                     String writerTerm) {
        QueueEvent event = sequenced.event();
        return QueueEventEnvelope.newBuilder()
                .setEventId(eventId(writerTerm, event.queueId(), sequenced.sequence()))
                .setQueueId(event.queueId())
                .setSequence(sequenced.sequence())
                .setOccurredAt(at)
                .setCausationCommandId(causationCommandId)
                .setActor(actor)
                .setPayload(EventPayloads.toAvro(event))
                .build();
    }

    /**
     * Unique to the writer's term as well as to the queue and sequence: if two owners ever appended the same sequence
     * of a queue (a fork), their events would carry different ids, and any reader comparing them would see it.
     */
    static String eventId(String writerTerm, String queueId, long sequence) {
        return UUID.nameUUIDFromBytes((writerTerm + '\n' + queueId + '\n' + sequence).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
