package io.ledgerline.projection.messaging;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the projection stopped on a sequence gap; readiness reports it. */
@ApplicationScoped
public class ProjectionStatus {

    private final AtomicReference<String> haltReason = new AtomicReference<>();

    public void halt(String reason) {
        haltReason.compareAndSet(null, reason);
    }

    public Optional<String> haltReason() {
        return Optional.ofNullable(haltReason.get());
    }
}
