package io.ledgerline.projection.api;

import java.util.List;

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
 * A queue's audit trail: its own changes and the overrides of its entries, each with the actor and the why, in log
 * order, {@code limit} at a time after a sequence (the next page's link in {@code Link}). Staff of the queue read it.
 */
@Path("/queues/{queueId}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final PgAuditTrail trail;
    private final ProjectionConfig config;
    private final Caller caller;

    public AuditResource(PgAuditTrail trail, ProjectionConfig config, Caller caller) {
        this.trail = trail;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @RateLimited(RateLimited.READS)
    public Uni<Response> audit(@PathParam("queueId") String queueId, @QueryParam("after") @DefaultValue("0") String afterText,
            @QueryParam("limit") @DefaultValue("100") String limitText, @Context UriInfo uri) {
        caller.require(Permission.SERVE, queueId);
        int limit = Pages.limit(limitText, config);
        long after = Pages.sequenceAfter(afterText);
        return trail.audit(queueId, after, limit).map(steps -> Pages.of(steps, nextAfter(steps, limit), uri));
    }

    /** A full page's last sequence: the page after it may hold more. */
    static Long nextAfter(List<PgAuditTrail.Step> steps, int limit) {
        return steps.size() < limit ? null : steps.get(steps.size() - 1).sequence();
    }
}
