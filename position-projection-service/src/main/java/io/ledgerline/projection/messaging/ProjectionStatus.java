package io.ledgerline.projection.messaging;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the projection stopped on a sequence gap, or is retrying a store that fails; readiness reports both. */
@ApplicationScoped
public class ProjectionStatus {

    private final AtomicReference<String> haltReason = new AtomicReference<>();
    private final AtomicReference<String> storeFailure = new AtomicReference<>();

    public void halt(String reason) {
        haltReason.compareAndSet(null, reason);
    }

    public Optional<String> haltReason() {
        return Optional.ofNullable(haltReason.get());
    }

    /** A batch could not be written; it is being tried again. */
    public void storeFailing(String reason) {
        storeFailure.set(reason);
    }

    public void storeRecovered() {
        storeFailure.set(null);
    }

    public Optional<String> storeFailure() {
        return Optional.ofNullable(storeFailure.get());
    }
}
