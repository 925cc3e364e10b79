package io.ledgerline.command.messaging;

import org.apache.kafka.common.errors.RetriableException;

/** A record could not be read for a passing reason; the batch is aborted and read again later. */
public final class RetriableReadException extends RetriableException {

    public RetriableReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
