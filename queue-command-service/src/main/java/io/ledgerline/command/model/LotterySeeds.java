package io.ledgerline.command.model;

import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.queue.Lottery;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seeds of opening lotteries, derived, never stored: HMAC-SHA256 of {@code queueId + "\n" + lotteryId} under the
 * instances' shared lottery key. The REST side commits to a seed's hash; whichever instance owns the queue at the draw
 * derives the same seed and reveals it. Until then only holders of the key can know it.
 */
@ApplicationScoped
public class LotterySeeds {

    private final Optional<String> key;

    public LotterySeeds(CommandServiceConfig config) {
        this.key = config.command().lotteryKey().filter(k -> !k.isBlank());
    }

    /** The seed of lottery {@code lotteryId} of {@code queueId}; empty when this instance has no lottery key. */
    public Optional<String> seedFor(String queueId, String lotteryId) {
        return key.map(secret -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal((queueId + "\n" + lotteryId)
                        .getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JDK has HmacSHA256", e);
            }
        });
    }

    /** The commitment to that seed. */
    public Optional<String> commitmentFor(String queueId, String lotteryId) {
        return seedFor(queueId, lotteryId).map(Lottery::commitmentOf);
    }
}
