package io.ledgerline.command.messaging.submit;

import io.ledgerline.command.model.Answer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * REST calls waiting for their command's result, by the requestId of the one record each call sent. Two calls with
 * the same Idempotency-Key (or the same key on two queues) send two records and wait on two requestIds, so each
 * receives the answer to its own command, checked against the queue and command it asked about.
 */
@ApplicationScoped
public class PendingResults {

    private record Waiting(String queueId, String commandId, CompletableFuture<SubmittedCommand> answer) {}

    private final ConcurrentMap<String, Waiting> waiting = new ConcurrentHashMap<>();

    public CompletableFuture<SubmittedCommand> expect(String requestId, String queueId, String commandId) {
        CompletableFuture<SubmittedCommand> future = new CompletableFuture<>();
        waiting.put(requestId, new Waiting(queueId, commandId, future));
        // Whatever ends the wait (result, failure, timeout) frees the slot.
        future.whenComplete((outcome, error) -> waiting.remove(requestId));
        return future;
    }

    public void complete(Answer answer) {
        if (answer.requestId() == null) {
            return; // an integrator's command: nobody waits here
        }
        Waiting call = waiting.get(answer.requestId());
        if (call != null && call.queueId().equals(answer.queueId()) && call.commandId().equals(answer.commandId())) {
            call.answer().complete(new SubmittedCommand(answer.outcome(), answer.repeated()));
        }
    }

    public void fail(String requestId, Throwable error) {
        Waiting call = waiting.get(requestId);
        if (call != null) {
            call.answer().completeExceptionally(error);
        }
    }
}
