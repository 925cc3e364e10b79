package io.ledgerline.projection.api;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.ledgerline.access.Permission;
import io.ledgerline.access.rest.RateLimited;
import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.projection.store.PgQueueFigures;
import io.smallrye.mutiny.Uni;

/**
 * Every queue with its status and tags, in id order, {@code limit} at a time (the next page's link in {@code Link});
 * {@code ?tag=a&tag=b} keeps those carrying every tag named. Needs a token for every queue.
 */
@Path("/queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueueListResource {

    private final PgQueueFigures figures;
    private final ProjectionConfig config;
    private final Caller caller;

    public QueueListResource(PgQueueFigures figures, ProjectionConfig config, Caller caller) {
        this.figures = figures;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @RateLimited(RateLimited.READS)
    public Uni<Response> queues(@QueryParam("tag") List<String> tags, @QueryParam("after") @DefaultValue("") String after,
            @QueryParam("limit") @DefaultValue("100") String limitText, @jakarta.ws.rs.core.Context UriInfo uri) {
        caller.require(Permission.READ, null);
        int limit = Pages.limit(limitText, config);
        return figures.queues(tags == null ? List.of() : tags, after, limit).map(page -> Pages.of(page,
                page.size() < limit ? null : page.get(page.size() - 1).queueId(), uri));
    }
}
