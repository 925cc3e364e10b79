package io.ledgerline.command.model;

/** The events log of a queue skips a sequence number: the log was not written by this service's rules. */
public final class SequenceGapException extends IllegalStateException {

    public SequenceGapException(String queueId, long expected, long found) {
        super("queue " + queueId + ": expected event sequence " + expected + " but found " + found);
    }
}
