package io.ledgerline.projection.messaging;

import io.ledgerline.projection.model.ProjectedEvent;

/** What the bytes of one events-topic record turned out to be. */
sealed interface DecodedRecord {

    record Event(ProjectedEvent event) implements DecodedRecord {
    }

    /**
     * Not a usable event: set it aside on the dead-letter topic.
     *
     * @param value what the dead letter carries: the original bytes, or the envelope as Avro JSON
     * @param type the metric tag: the payload's type, or {@code undeserializable}
     */
    record Poison(byte[] value, String type, String reason, String cause) implements DecodedRecord {
    }

    /** Could not be read because the schema registry did not answer: a real event, never poison. */
    record Outage(String cause) implements DecodedRecord {
    }
}
