package io.ledgerline.projection.messaging;

/** A queue's events arrived with a hole in their sequence: the read model can no longer be trusted. */
public class ProjectionGapException extends RuntimeException {

    public ProjectionGapException(String message) {
        super(message, null, false, false);
    }
}
