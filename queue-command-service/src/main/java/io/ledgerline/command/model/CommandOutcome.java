package io.ledgerline.command.model;

/** What became of one command: the answer its caller (REST or an integrator) reads from the results topic. */
public sealed interface CommandOutcome {

    /**
     * Events {@code firstSequence..lastSequence} were appended; {@code entryId} names the entry concerned, if any, and
     * {@code entryNumber} is the number people see for it.
     */
    record Accepted(long firstSequence, long lastSequence, String entryId, String entryNumber)
            implements CommandOutcome {}

    /** Nothing was appended; {@code reason} is machine-readable (a rejection reason or a message-level problem). */
    record Rejected(String reason, String detail) implements CommandOutcome {}
}
