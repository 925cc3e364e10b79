package io.ledgerline.projection.api;

import io.ledgerline.access.Permission;
import io.ledgerline.access.TokenGrant;
import io.ledgerline.access.TokenIssuer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified bearer token: whether they may read a queue or run the projection's admin.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    /**
     * Passes when the caller's token allows {@code permission} on {@code queueId} (null: an action on no one queue).
     * No token: 401; a token that does not allow it: 403.
     */
    void require(Permission permission, String queueId) {
        require(permission, queueId, null); // no entry: what no ticket may do
    }

    /** As {@link #require(Permission, String)}, for one entry: a person's ticket passes for its own entry. */
    void require(Permission permission, String queueId, String entryId) {
        TokenGrant grant = grant();
        if (!grant.allows(permission, queueId, entryId)) {
            throw ProblemException.forbidden(grant.refusal(permission, queueId));
        }
    }

    private TokenGrant grant() {
        if (token == null || token.getRawToken() == null) {
            throw ProblemException.unauthenticated("this needs a bearer token (Authorization: Bearer ...;"
                    + " ./ledgerline token ROLE issues one; joining a queue returns a ticket for the entry)");
        }
        return TokenGrant.fromClaims(token.getGroups(), token.getClaim(TokenIssuer.QUEUES_CLAIM),
                token.getClaim(TokenIssuer.ENTRY_CLAIM));
    }
}
