package io.ledgerline.projection.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.ledgerline.access.Permission;
import io.ledgerline.access.rest.RateLimited;
import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.projection.store.PgAuditTrail;
import io.smallrye.mutiny.Uni;

/**
 * An entry's journey: every change that moved it other than the line advancing (joined, called, requeued, priority
 * changed, held, transferred, finished...), with its status and priority after it, the actor and the why; paged by
 * sequence like the audit trail. Its ticket may read it too.
 */
@Path("/queues/{queueId}/entries/{entryId}/history")
@Produces(MediaType.APPLICATION_JSON)
public class EntryJourneyResource {

    private final PgAuditTrail trail;
    private final ProjectionConfig config;
    private final Caller caller;

    public EntryJourneyResource(PgAuditTrail trail, ProjectionConfig config, Caller caller) {
        this.trail = trail;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @RateLimited(RateLimited.READS)
    public Uni<Response> journey(@PathParam("queueId") String queueId, @PathParam("entryId") String entryId,
            @QueryParam("after") @DefaultValue("0") String afterText, @QueryParam("limit") @DefaultValue("100") String limitText,
            @Context UriInfo uri) {
        caller.require(Permission.READ, queueId, entryId);
        int limit = Pages.limit(limitText, config);
        long after = Pages.sequenceAfter(afterText);
        return trail.journey(queueId, entryId, after, limit)
                .map(steps -> Pages.of(steps, AuditResource.nextAfter(steps, limit), uri));
    }
}
