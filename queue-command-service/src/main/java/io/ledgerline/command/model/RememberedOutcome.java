package io.ledgerline.command.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The first outcome of a command under its idempotency key (queueId and commandId), remembered for the idempotency
 * window: a retry with the same fingerprint gets it back, another payload under the same key is refused.
 */
public record RememberedOutcome(String fingerprint, Instant decidedAt, CommandOutcome outcome) {

    public boolean within(Duration window, Instant now) {
        return decidedAt.plus(window).isAfter(now);
    }

    /** The answer to a later command under the same key. */
    public CommandOutcome answerTo(String otherFingerprint) {
        return fingerprint.equals(otherFingerprint)
                ? outcome
                : new CommandOutcome.Rejected(IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key (commandId) was first used on this queue, at " + decidedAt
                                + ", with another request; send a new key for a new request");
    }

    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
}
