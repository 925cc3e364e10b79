package io.ledgerline.queue;

/** Machine-readable reason a command was refused. The names are part of the wire contract (CommandRejected.reason). */
public enum RejectionReason {
    QUEUE_NOT_FOUND,
    QUEUE_ALREADY_EXISTS,
    INVALID_COMMAND,
    ENTRY_NOT_FOUND,
    DUPLICATE_ENTRY,
    QUEUE_FULL,
    QUEUE_PAUSED,
    QUEUE_SLEEPING,
    QUEUE_CLOSED,
    QUEUE_EMERGENCY_STOPPED,
    QUEUE_EMPTY,
    ENTRY_NOT_WAITING,
    ENTRY_NOT_CALLED,
    MAX_CONCURRENT_REACHED,
    OUTSIDE_HOURS,
    /** An anonymous join on a queue that does not take public joins: it needs a token. */
    TOKEN_REQUIRED
}
