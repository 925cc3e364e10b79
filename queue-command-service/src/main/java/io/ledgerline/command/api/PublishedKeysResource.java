package io.ledgerline.command.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The keys that verify our tokens, tickets and admissions, as a JSON Web Key Set (RFC 7517): public, as keys to verify
 * with are, so that a shop behind a waiting room checks admissions offline.
 */
@Path("/.well-known/jwks.json")
public class PublishedKeysResource {

    private final PersonTokens tokens;

    public PublishedKeysResource(PersonTokens tokens) {
        this.tokens = tokens;
    }

    @GET
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    public String publishedKeys() {
        return tokens.publishedKeys();
    }
}
