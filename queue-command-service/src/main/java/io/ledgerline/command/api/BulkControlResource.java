package io.ledgerline.command.api;

import static io.ledgerline.command.api.RequestChecks.KEY;

import io.ledgerline.access.Permission;
import io.ledgerline.command.messaging.submit.CommandSubmitter;
import io.ledgerline.command.messaging.submit.SubmittedCommand;
import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.queue.BulkCommand;
import io.ledgerline.queue.BulkControl;
import io.ledgerline.queue.EmergencyStopByTags;
import io.ledgerline.queue.ResumeByTags;
import io.ledgerline.queue.TagSelector;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Operations on every queue carrying some tags, wherever their partitions are owned: one command goes to each
 * partition of the commands topic, its owner decides it for the selected queues it holds, and the answers are gathered
 * into one. An {@code Idempotency-Key} makes a retry send the same commands; a queue already as asked is reported so,
 * and nothing is appended twice.
 */
@Path("/queues")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BulkControlResource {

    /** Room for the partition suffix within the id limit of the per-partition command ids. */
    private static final int KEY_MAX = 120;

    private final CommandSubmitter submitter;
    private final Clock clock;
    private final Caller caller;

    public BulkControlResource(CommandSubmitter submitter, Clock clock, Caller caller) {
        this.submitter = submitter;
        this.clock = clock;
        this.caller = caller;
    }

    @POST
    @Path("emergency-stop")
    public Uni<Map<String, Object>> emergencyStop(TagSelectorRequest request, @HeaderParam(KEY) String key) {
        String who = caller.actor(Permission.ADMINISTER, null);
        RequestChecks.body(request, "{\"tags\": [...], \"reason\"}");
        var command = new EmergencyStopByTags(selector(request), RequestChecks.trimmed(request.reason()));
        return send(command, key, who, "stopped", "alreadyStopped");
    }

    @POST
    @Path("resume")
    public Uni<Map<String, Object>> resume(TagSelectorRequest request, @HeaderParam(KEY) String key) {
        String who = caller.actor(Permission.ADMINISTER, null);
        RequestChecks.body(request, "{\"tags\": [...]}");
        return send(new ResumeByTags(selector(request)), key, who, "resumed", "notStopped");
    }

    private Uni<Map<String, Object>> send(BulkCommand.ByTags command, String key, String who, String changedName,
                                          String unchangedName) {
        String problem = BulkControl.problem(command);
        if (problem != null) {
            throw new ProblemException(400, "INVALID_REQUEST", problem);
        }
        String bulkId = RequestChecks.commandId(key);
        if (bulkId.length() > KEY_MAX) {
            throw new ProblemException(400, "INVALID_REQUEST", KEY + " of a bulk command is at most " + KEY_MAX
                    + " characters");
        }
        Instant now = clock.instant();
        long started = System.nanoTime();
        return Uni.createFrom().item(submitter::partitionCount)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(partitions -> Uni.join().all(IntStream.range(0, partitions)
                                .mapToObj(p -> submitter.submit(bulkId + ".p" + p, who, now, command, p)).toList())
                        .andFailFast())
                .map(answers -> answer(bulkId, command, answers, changedName, unchangedName,
                        (System.nanoTime() - started) / 1_000_000));
    }

    private static Map<String, Object> answer(String bulkId, BulkCommand.ByTags command, List<SubmittedCommand> answers,
                                              String changedName, String unchangedName, long tookMillis) {
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<CommandOutcome.QueueFailure> failed = new ArrayList<>();
        for (SubmittedCommand answer : answers) {
            switch (answer.outcome()) {
                case CommandOutcome.BulkApplied b -> {
                    changed.addAll(b.changed());
                    unchanged.addAll(b.unchanged());
                    failed.addAll(b.failed());
                }
                case CommandOutcome.Rejected r -> throw new ProblemException(OutcomeResponses.statusOf(r.reason()),
                        r.reason(), r.detail(), bulkId);
                case CommandOutcome.Accepted a -> throw new IllegalStateException("a bulk command answered for one queue");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", bulkId);
        body.put("tags", command.selector().tags());
        body.put(changedName, changed.stream().sorted().toList());
        body.put(unchangedName, unchanged.stream().sorted().toList());
        body.put("failed", failed);
        body.put("partitions", answers.size());
        body.put("tookMillis", tookMillis);
        return body;
    }

    private static TagSelector selector(TagSelectorRequest request) {
        return new TagSelector(RequestChecks.withoutNulls("tags", request.tags()));
    }
}
