package io.ledgerline.command.api;

import io.ledgerline.access.Permission;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A ticket for an entry that staff or an integrator joined (or one a person lost): handed to its person, it reads that
 * entry and leaves with it, nothing else. A ticket cannot issue tickets.
 */
@Path("/queues/{queueId}/entries/{entryId}/ticket")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    public record TicketResponse(String queueId, String entryId, String ticket) {}

    private final PersonTokens tokens;
    private final Caller caller;

    public TicketResource(PersonTokens tokens, Caller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @POST
    public TicketResponse issue(@PathParam("queueId") String queueId, @PathParam("entryId") String entryId) {
        caller.actor(Permission.JOIN, queueId);
        String problem = io.ledgerline.queue.FieldLimits.id("entryId", entryId);
        if (problem != null) {
            throw new ProblemException(400, "INVALID_REQUEST", problem);
        }
        return new TicketResponse(queueId, entryId, tokens.ticket(queueId, entryId, null));
    }
}
