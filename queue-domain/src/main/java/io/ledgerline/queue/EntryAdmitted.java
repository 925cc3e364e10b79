package io.ledgerline.queue;

import java.time.Instant;

/**
 * An automatic-admission queue let the entry in at {@code admittedAt}: it holds an admission (CALLED) until
 * {@code expiresAt}, or until it is completed earlier. {@code slot} is the moment of the rate this admission used up;
 * the next admission is due one interval after it, so a timer that fires a little late does not slow the rate.
 */
public record EntryAdmitted(String queueId, String entryId, Instant admittedAt, Instant expiresAt, String number,
                            Instant slot) implements QueueEvent {}
