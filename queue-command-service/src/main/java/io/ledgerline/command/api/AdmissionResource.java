package io.ledgerline.command.api;

import io.ledgerline.access.Permission;
import io.ledgerline.command.readside.Admissions;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;

/**
 * The way out of a waiting room: an admitted person exchanges their ticket for a signed admission, which the shop
 * behind the room verifies offline against the keys {@link PublishedKeysResource} publishes, so the room cannot be
 * skipped.
 */
@Path("/queues/{queueId}/entries/{entryId}/admission")
@Produces(MediaType.APPLICATION_JSON)
public class AdmissionResource {

    /** The admission, and when it expires (as its {@code exp} claim says). */
    public record AdmissionResponse(String queueId, String entryId, String admission, Instant expiresAt) {}

    private final Admissions admissions;
    private final PersonTokens tokens;
    private final Caller caller;
    private final Clock clock;

    public AdmissionResource(Admissions admissions, PersonTokens tokens, Caller caller, Clock clock) {
        this.admissions = admissions;
        this.tokens = tokens;
        this.caller = caller;
        this.clock = clock;
    }

    /** 200 with the admission while the entry is ADMITTED and its admission unexpired; 409 NOT_ADMITTED otherwise. */
    @POST
    public Uni<AdmissionResponse> admission(@PathParam("queueId") String queueId,
                                            @PathParam("entryId") String entryId) {
        caller.actor(Permission.READ, queueId, entryId);
        return admissions.admittedUntil(queueId, entryId, caller.bearerToken()).map(until -> {
            Instant expiresAt = until.filter(at -> at.isAfter(clock.instant()))
                    .orElseThrow(() -> new ProblemException(409, "NOT_ADMITTED", "entry " + entryId + " of queue "
                            + queueId + " holds no unexpired admission (yet: it may still be waiting)"));
            return new AdmissionResponse(queueId, entryId, tokens.admission(queueId, entryId, expiresAt), expiresAt);
        });
    }
}
