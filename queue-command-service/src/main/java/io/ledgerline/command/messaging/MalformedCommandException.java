package io.ledgerline.command.messaging;

import io.ledgerline.log.MalformedRecordException;

/** A record on the commands topic decoded as Avro but does not make a command: its sender gets a rejection. */
public final class MalformedCommandException extends MalformedRecordException {

    public MalformedCommandException(String message) {
        super(message);
    }
}
