package io.ledgerline.projection.messaging;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets a rebuild and the event processing take turns: a record is applied only if it belongs to the current
 * generation, and a rebuild waits for the batch being applied before it wipes the stores.
 */
@ApplicationScoped
public class ReplayGate {

    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    /** A slot to complete when the batch is done, or empty when its records were polled before the last rebuild. */
    public synchronized Optional<CompletableFuture<Void>> enter(long recordGeneration) {
        if (recordGeneration < ReplayGeneration.current()) {
            return Optional.empty();
        }
        inFlight = new CompletableFuture<>();
        return Optional.of(inFlight);
    }

    /** Starts a new generation; returns the completion of the batch being applied, if any. */
    public synchronized CompletableFuture<Void> nextGeneration() {
        ReplayGeneration.next();
        return inFlight;
    }
}
