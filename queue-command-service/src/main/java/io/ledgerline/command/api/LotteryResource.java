package io.ledgerline.command.api;

import static io.ledgerline.command.api.RequestChecks.KEY;
import static io.ledgerline.command.api.RequestChecks.body;

import io.ledgerline.access.Permission;
import io.ledgerline.command.messaging.submit.CommandSubmitter;
import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.command.model.LotterySeeds;
import io.ledgerline.queue.CommitLottery;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/**
 * Commits a queue to an opening lottery. Its id comes from the Idempotency-Key, so a retry is the same request; its
 * seed from this service's lottery key ({@link LotterySeeds}), so it is stored nowhere and revealed only at the draw.
 */
@Path("/queues/{queueId}/lottery")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LotteryResource {

    private final CommandSubmitter submitter;
    private final LotterySeeds seeds;
    private final Clock clock;
    private final Caller caller;

    public LotteryResource(CommandSubmitter submitter, LotterySeeds seeds, Clock clock, Caller caller) {
        this.submitter = submitter;
        this.seeds = seeds;
        this.clock = clock;
        this.caller = caller;
    }

    @POST
    public Uni<Response> commit(@PathParam("queueId") String queueId, LotteryRequest request,
                                @HeaderParam(KEY) String key) {
        String actor = caller.actor(Permission.OPERATE, queueId);
        body(request, "{\"drawAt\": an ISO-8601 instant}");
        String lotteryId = "lottery-" + RequestChecks.idFromKey(queueId, key);
        String commitment = seeds.commitmentFor(queueId, lotteryId).orElseThrow(() -> new ProblemException(503,
                "LOTTERY_UNAVAILABLE", "this instance has no lottery key (LEDGERLINE_LOTTERY_KEY);"
                        + " ./ledgerline up generates one"));
        PreparedCommand<CommitLottery> prepared = PreparedCommand.of(key, actor, clock,
                now -> new CommitLottery(queueId, lotteryId, commitment, request.drawAt(), now));
        return prepared.submitTo(submitter).map(submitted -> {
            if (!(submitted.outcome() instanceof CommandOutcome.Accepted accepted)) {
                return OutcomeResponses.ok(prepared.commandId(), queueId, submitted); // the refusal, as a problem
            }
            return Response.ok(new LotteryResponse(prepared.commandId(), queueId, lotteryId, commitment,
                    request.drawAt(), accepted.lastSequence())).build();
        });
    }
}
