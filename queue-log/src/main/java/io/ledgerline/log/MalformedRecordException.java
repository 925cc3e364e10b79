package io.ledgerline.log;

/** A record decoded as Avro that does not make a domain value: a sender's mistake, never a reason to stop reading. */
public class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(String message) {
        super(message);
    }
}
