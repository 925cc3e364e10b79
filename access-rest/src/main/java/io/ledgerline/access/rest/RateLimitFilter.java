package io.ledgerline.access.rest;

import io.ledgerline.access.Role;
import io.ledgerline.schemas.ProblemTypes;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces {@link RateLimited}: the client is the token's subject, else the caller's address (behind a proxy, set
 * {@code quarkus.http.proxy.proxy-address-forwarding}); over its limit it is answered 429 problem+json with
 * {@code Retry-After}, before the endpoint runs. Runs after authentication, so a bad token is a 401 first.
 */
public class RateLimitFilter {

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimitSettings settings;

    @Inject
    JsonWebToken token;

    @Inject
    MeterRegistry meters;

    @ServerRequestFilter
    public Uni<Response> limit(ResourceInfo resource, ContainerRequestContext request, HttpServerRequest http) {
        RateLimited limited = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            return Uni.createFrom().nullItem();
        }
        var path = request.getUriInfo().getPathParameters();
        String queueId = path.containsKey("queueId") ? path.getFirst("queueId") : path.getFirst("groupId");
        boolean anonymous = token == null || token.getRawToken() == null;
        boolean person = anonymous || token.getGroups().contains(Role.TICKET.claim());
        String client = anonymous ? "address:" + http.remoteAddress().hostAddress() : "subject:" + token.getSubject();
        var limit = settings.limitFor(limited.value(), queueId, person);
        return limiter.retryAfter(limited.value(), limit, queueId, client).map(wait -> {
            if (wait == 0) {
                return null;
            }
            meters.counter("ledgerline.rate.limited", "kind", limited.value()).increment();
            return Response.status(429).type(ProblemTypes.MEDIA_TYPE).header("Retry-After", wait)
                    .entity(ProblemTypes.body(429, "RATE_LIMITED", "more than " + limit.limit() + " "
                            + limited.value() + " in " + limit.window() + " on " + queueId + " from this client;"
                            + " retry after " + wait + " s"))
                    .build();
        });
    }
}
