package io.ledgerline.command.messaging.submit;

/** Too many commands are already waiting for their results: this one is refused before it is sent. */
public final class OverloadedException extends RuntimeException {

    public OverloadedException(int inFlight) {
        super(inFlight + " commands are waiting for their results already; retry shortly");
    }
}
