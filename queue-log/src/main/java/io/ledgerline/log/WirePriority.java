package io.ledgerline.log;

import io.ledgerline.queue.Priority;

/** A priority between the domain's enum and the Avro enum of the same names. */
public final class WirePriority {

    private WirePriority() {}

    public static Priority priority(ledgerline.queue.v1.Priority priority) {
        return Priority.valueOf(priority.name());
    }

    public static ledgerline.queue.v1.Priority avro(Priority priority) {
        return ledgerline.queue.v1.Priority.valueOf(priority.name());
    }
}
