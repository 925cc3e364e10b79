package io.ledgerline.queue;

/**
 * Staff changed a waiting entry's priority; {@code orderKey} is its place from now on (null in events written before
 * keys existed: its strict key in the new class).
 */
public record EntryPriorityChanged(String queueId, String entryId, Priority from, Priority to, String justification,
                                   Long orderKey) implements QueueEvent {

    public EntryPriorityChanged(String queueId, String entryId, Priority from, Priority to, String justification) {
        this(queueId, entryId, from, to, justification, null);
    }
}
