package io.ledgerline.projection.api;

import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.ledgerline.access.Permission;
import io.ledgerline.projection.store.PgPersonalDetails;
import io.smallrye.mutiny.Uni;

/**
 * A person's details (a name to call out, a phone number to ring), kept by the opaque {@code personRef} that their
 * entries carry and out of the events, which are kept forever. Erasing the person deletes them here, the only place
 * they are: the log, its replays and every position stay as they were.
 */
@Path("/people/{personRef}")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    /** The same alphabet and length as every id of the events, so a reference is usable as an entry's personRef. */
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final int MAX_FIELDS = 20;
    private static final int MAX_VALUE = 500;

    public record PersonResponse(String personRef, Map<String, String> details) {}

    private final PgPersonalDetails store;
    private final Caller caller;
    private final Clock clock = Clock.systemUTC();

    public PeopleResource(PgPersonalDetails store, Caller caller) {
        this.store = store;
        this.caller = caller;
    }

    /** Those who join people to queues record their details: {@code {"name": "…", "phone": "…"}}. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> put(@PathParam("personRef") String personRef, Map<String, String> details) {
        caller.require(Permission.JOIN, null);
        checked(personRef);
        if (details == null || details.size() > MAX_FIELDS || details.values().stream()
                .anyMatch(v -> v == null || v.length() > MAX_VALUE) || details.keySet().stream()
                .anyMatch(k -> !REF.matcher(k).matches() || k.length() > 64)) {
            throw ProblemException.invalidRequest("details are a JSON object of at most " + MAX_FIELDS + " text"
                    + " fields, names of letters, digits and ._:- (at most 64), values of at most " + MAX_VALUE);
        }
        return store.put(personRef, details, clock.instant()).replaceWith(Response.noContent().build());
    }

    /** Staff who serve people read them (a token not limited to some queues: a person is not one queue's). */
    @GET
    public Uni<PersonResponse> get(@PathParam("personRef") String personRef) {
        caller.require(Permission.SERVE, null);
        checked(personRef);
        return store.get(personRef).map(found -> new PersonResponse(personRef, found.orElseThrow(
                () -> ProblemException.notFound("PERSON_NOT_FOUND", "no details of " + personRef
                        + " (never recorded, or erased)"))));
    }

    /** The erasure a person may ask for: their details are deleted; what the log holds is only the reference. */
    @DELETE
    public Uni<Response> erase(@PathParam("personRef") String personRef) {
        caller.require(Permission.ADMINISTER, null);
        checked(personRef);
        return store.erase(personRef).map(erased -> Response.noContent().build());
    }

    private static void checked(String personRef) {
        if (!REF.matcher(personRef).matches()) {
            throw ProblemException.invalidRequest("a personRef is 1 to 128 letters, digits and ._:-, starting with a"
                    + " letter or digit");
        }
    }
}
