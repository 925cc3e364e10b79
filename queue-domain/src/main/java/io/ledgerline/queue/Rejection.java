package io.ledgerline.queue;

import java.util.Objects;

/** A refused command: a reason for machines and a detail for people. */
public record Rejection(RejectionReason reason, String detail) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
