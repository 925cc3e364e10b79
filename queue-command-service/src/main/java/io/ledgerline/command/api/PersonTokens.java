package io.ledgerline.command.api;

import io.ledgerline.access.TokenIssuer;
import io.ledgerline.command.config.CommandServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The tokens a person holds, signed with the stack's private key: the ticket of the entry they joined with (read it,
 * leave with it) and, in a waiting room, the admission the shop behind it verifies against the published keys.
 */
@ApplicationScoped
public class PersonTokens {

    private final TokenIssuer issuer;
    private final Duration ticketTtl;
    private final Clock clock;

    public PersonTokens(CommandServiceConfig config, Clock clock) {
        try {
            this.issuer = TokenIssuer.fromPem(config.access().signingKey());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("no key to sign tickets with at " + config.access().signingKey()
                    + " (ledgerline.access.signing-key, LEDGERLINE_JWT_PRIVATE_KEY; ./ledgerline up generates it): "
                    + e.getMessage(), e);
        }
        this.ticketTtl = config.access().ticketTtl();
        this.clock = clock;
    }

    /** The ticket of {@code entryId}, valid for the configured time after the join or after its scheduled time. */
    String ticket(String queueId, String entryId, Instant scheduledAt) {
        Instant now = clock.instant();
        Instant from = scheduledAt != null && scheduledAt.isAfter(now) ? scheduledAt : now;
        return issuer.ticket(queueId, entryId, from.plus(ticketTtl), now);
    }

    /** The admission of {@code entryId}, expiring with it. */
    String admission(String queueId, String entryId, Instant expiresAt) {
        return issuer.admission(queueId, entryId, clock.instant(), expiresAt);
    }

    /** The public key set that verifies every token here (RFC 7517). */
    String publishedKeys() {
        return issuer.publishedKeys();
    }
}
