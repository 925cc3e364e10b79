package io.ledgerline.command.model;

import java.util.List;

/** What became of one command: the answer its caller (REST or an integrator) reads from the results topic. */
public sealed interface CommandOutcome {

    /**
     * Events {@code firstSequence..lastSequence} were appended; {@code entryId} names the entry concerned, if any, and
     * {@code entryNumber} is the number people see for it. {@code redirectedTo} is the overflow queue a join
     * that found its queue full was forwarded to, null otherwise.
     */
    record Accepted(long firstSequence, long lastSequence, String entryId, String entryNumber, String redirectedTo)
            implements CommandOutcome {

        public Accepted(long firstSequence, long lastSequence, String entryId, String entryNumber) {
            this(firstSequence, lastSequence, entryId, entryNumber, null);
        }
    }

    /** Nothing was appended; {@code reason} is machine-readable (a rejection reason or a message-level problem). */
    record Rejected(String reason, String detail) implements CommandOutcome {}

    /**
     * A command about every selected queue of one partition was decided queue by queue: the queues it changed, those
     * already as asked, and those it could not change.
     */
    record BulkApplied(List<String> changed, List<String> unchanged, List<QueueFailure> failed)
            implements CommandOutcome {

        public BulkApplied {
            changed = List.copyOf(changed);
            unchanged = List.copyOf(unchanged);
            failed = List.copyOf(failed);
        }
    }

    /** One selected queue a bulk command could not change, and why. */
    record QueueFailure(String queueId, String reason, String detail) {}
}
