package io.ledgerline.command.messaging;

import io.ledgerline.command.config.CommandServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

/**
 * The actor of a command is who the command service verified (a REST caller's token, its own timers and process
 * steps), or else nobody known. Every command this service writes carries a seal, an HMAC of its id and actor under
 * a key the instances share; the owner keeps the actor of a record whose seal verifies and records any other as
 * {@link #UNAUTHENTICATED} (or as the one principal the topic's ACLs let write it): a record an integrator put on the
 * topic never names someone unchecked, and one carrying a forged seal is set aside as unauthorised.
 */
@ApplicationScoped
public class ActorSeal {

    /** The actor of a command whose record carries no seal this service made. */
    public static final String UNAUTHENTICATED = "topic:unauthenticated";
    static final String HEADER = "ledgerline-actor-seal";

    private static final Logger LOG = Logger.getLogger(ActorSeal.class);

    private final SecretKeySpec key;
    private final boolean shared;
    private final String unsealed;

    public ActorSeal(CommandServiceConfig config) {
        this.shared = config.command().actorSealKey().filter(k -> !k.isBlank()).isPresent();
        this.unsealed = config.command().topicPrincipal().filter(p -> !p.isBlank()).map(p -> "kafka:" + p.strip())
                .orElse(UNAUTHENTICATED);
        byte[] secret = config.command().actorSealKey().filter(k -> !k.isBlank())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
                    LOG.warn("no LEDGERLINE_ACTOR_SEAL_KEY: this instance seals with a key of its own, so commands"
                            + " another instance wrote will name their actor " + UNAUTHENTICATED);
                    byte[] made = new byte[32];
                    new SecureRandom().nextBytes(made);
                    return made;
                });
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public Header header(String commandId, String actor) {
        return new RecordHeader(HEADER, mac(commandId, actor));
    }

    /**
     * The actor to record: the one claimed when the record's seal is ours for it; for a record without a seal, the
     * principal that alone may write the topic when one is configured (SASL with ACLs), else {@link #UNAUTHENTICATED}.
     * Empty for a record whose seal does not verify under the instances' shared key: it claims to be ours and is not.
     */
    public Optional<String> actorOf(Headers headers, String commandId, String claimed) {
        Header seal = headers.lastHeader(HEADER);
        if (seal == null) {
            return Optional.of(unsealed);
        }
        if (claimed != null && MessageDigest.isEqual(seal.value(), mac(commandId, claimed))) {
            return Optional.of(claimed);
        }
        // Without a shared key another instance's seals cannot verify here: such records are ours, merely unproven.
        return shared ? Optional.empty() : Optional.of(UNAUTHENTICATED);
    }

    private byte[] mac(String commandId, String actor) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((commandId + '\n' + actor).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
