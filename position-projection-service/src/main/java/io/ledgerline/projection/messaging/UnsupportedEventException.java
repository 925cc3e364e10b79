package io.ledgerline.projection.messaging;

/** A record that decoded as an event envelope but whose payload this projection cannot interpret. */
public class UnsupportedEventException extends RuntimeException {

    public UnsupportedEventException(String message) {
        super(message);
    }
}
