package io.ledgerline.queue;

import java.util.Comparator;
import java.util.Objects;

/** A service of a person in one entry of one queue: what holds that person's entries in queues that wait for it. */
public record ServedElsewhere(String queueId, String entryId) {

    static final Comparator<ServedElsewhere> ORDER =
            Comparator.comparing(ServedElsewhere::queueId).thenComparing(ServedElsewhere::entryId);

    public ServedElsewhere {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(entryId, "entryId");
    }

    /** The first problem with the reference, or null. */
    String problem() {
        String queue = FieldLimits.id("servedQueueId", queueId);
        return queue != null ? queue : FieldLimits.id("servedEntryId", entryId);
    }

    @Override
    public String toString() {
        return queueId + "/" + entryId;
    }
}
