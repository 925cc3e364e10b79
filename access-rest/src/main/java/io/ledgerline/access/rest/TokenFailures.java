package io.ledgerline.access.rest;

import io.ledgerline.schemas.ProblemTypes;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bearer token that does not verify (bad signature, expired, another issuer) is refused before any endpoint runs;
 * this gives that refusal the API's own shape: 401 problem+json with a Bearer challenge. The token is never echoed
 * or logged.
 */
@ApplicationScoped
public class TokenFailures {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.failure() instanceof AuthenticationFailedException && !context.response().ended()) {
                context.response().setStatusCode(401)
                        .putHeader("Content-Type", ProblemTypes.MEDIA_TYPE)
                        .putHeader("WWW-Authenticate", "Bearer")
                        .end(ProblemTypes.body(401, "UNAUTHENTICATED",
                                "the bearer token does not verify (signature, issuer or expiry)"));
            } else {
                context.next();
            }
        });
    }
}
