package io.ledgerline.command.api;

import io.ledgerline.access.Permission;
import io.ledgerline.access.TokenGrant;
import io.ledgerline.access.TokenIssuer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified bearer token: whether they may take an action on a queue, and the name the
 * audit trail records for them. Nothing a caller says about itself (a header, a field) is taken as its name.
 */
@RequestScoped
public class Caller {

    /** The name the audit trail records for someone who joined a public queue without credentials. */
    static final String ANYONE = "public";

    @Inject
    JsonWebToken token;

    /**
     * The caller's name for the events, once their token allows {@code permission} on {@code queueId} (null: an action
     * on no one queue). No token: 401; a token that does not allow it: 403.
     */
    String actor(Permission permission, String queueId) {
        return actor(permission, queueId, null); // no entry: what no ticket may do
    }

    /** As {@link #actor(Permission, String)}, for an action on one entry: a person's ticket may act on its own. */
    String actor(Permission permission, String queueId, String entryId) {
        TokenGrant grant = grant();
        if (!grant.allows(permission, queueId, entryId)) {
            throw new ProblemException(403, "FORBIDDEN", grant.refusal(permission, queueId));
        }
        return token.getSubject();
    }

    /** Whether the call came without credentials: on a queue that takes public joins, anyone may join. */
    boolean isAnonymous() {
        return token == null || token.getRawToken() == null;
    }

    private TokenGrant grant() {
        if (isAnonymous()) {
            throw new ProblemException(401, "UNAUTHENTICATED", "this needs a bearer token (Authorization: Bearer ...;"
                    + " ./ledgerline token ROLE issues one; joining a queue returns a ticket for the entry)");
        }
        return TokenGrant.fromClaims(token.getGroups(), token.getClaim(TokenIssuer.QUEUES_CLAIM),
                token.getClaim(TokenIssuer.ENTRY_CLAIM));
    }

    /** The caller's token as it came, to read on their behalf from the projection. */
    String bearerToken() {
        return token.getRawToken();
    }
}
