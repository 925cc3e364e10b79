package io.ledgerline.command.api;

import io.ledgerline.command.messaging.submit.CommandSubmitter;
import io.ledgerline.command.messaging.submit.SubmittedCommand;
import io.ledgerline.queue.QueueCommand;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * A command ready to travel: named after the Idempotency-Key (or at random), stamped with who (the verified caller)
 * and when, and checked
 * against the domain's limits before anything is sent.
 */
record PreparedCommand<C extends QueueCommand>(String commandId, String actor, Instant at, C command) {

    static <C extends QueueCommand> PreparedCommand<C> of(String key, String actor, Clock clock,
                                                          Function<Instant, C> command) {
        Instant now = clock.instant();
        return new PreparedCommand<>(RequestChecks.commandId(key), actor, now,
                RequestChecks.wellFormed(command.apply(now)));
    }

    Uni<SubmittedCommand> submitTo(CommandSubmitter submitter) {
        return submitter.submit(commandId, actor, at, command);
    }
}
