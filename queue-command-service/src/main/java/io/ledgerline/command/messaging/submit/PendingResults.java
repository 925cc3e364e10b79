package io.ledgerline.command.messaging;

import io.ledgerline.command.model.CommandOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * REST calls waiting for their command's result, by commandId. Two calls with the same Idempotency-Key share one
 * wait, and both get the first result.
 */
@ApplicationScoped
public class PendingResults {

    private final ConcurrentMap<String, CompletableFuture<CommandOutcome>> waiting = new ConcurrentHashMap<>();

    public CompletableFuture<CommandOutcome> expect(String commandId) {
        CompletableFuture<CommandOutcome> future = waiting.computeIfAbsent(commandId, id -> new CompletableFuture<>());
        // Whatever ends the wait (result, failure, timeout) frees the slot.
        future.whenComplete((outcome, error) -> waiting.remove(commandId, future));
        return future;
    }

    public void complete(String commandId, CommandOutcome outcome) {
        CompletableFuture<CommandOutcome> future = waiting.get(commandId);
        if (future != null) {
            future.complete(outcome);
        }
    }

    public void fail(String commandId, Throwable error) {
        CompletableFuture<CommandOutcome> future = waiting.get(commandId);
        if (future != null) {
            future.completeExceptionally(error);
        }
    }
}
