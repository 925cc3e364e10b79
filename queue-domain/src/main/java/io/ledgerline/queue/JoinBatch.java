package io.ledgerline.queue;

import java.util.List;

/**
 * Joins many entries in one command (a campaign's schedule, a back office's import), accepted or rejected whole:
 * each join is decided in order against the state the previous ones leave, and the first refusal refuses them all.
 */
public record JoinBatch(String queueId, List<JoinQueue> entries) implements QueueCommand {

    /** Keeps the command, and its events, well under a Kafka record's 1 MB. */
    public static final int MAX_ENTRIES = 200;

    /** At three UTF-8 bytes a character at worst, the details of a whole batch stay under 750 KB. */
    public static final int MAX_DETAIL_CHARACTERS = 250_000;

    public JoinBatch {
        entries = entries == null ? null : List.copyOf(entries);
    }
}
