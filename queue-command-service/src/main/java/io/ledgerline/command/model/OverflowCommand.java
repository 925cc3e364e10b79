package io.ledgerline.command.model;

import io.ledgerline.queue.FieldLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id of the join a full queue forwards to its overflow queue, made from its cause's so that the partition owner
 * (which forwards it) and the REST call (which asks for its outcome) name the same command.
 */
public final class OverflowCommand {

    private OverflowCommand() {
    }

    /** {@code <causeId>.overflow.<entryId>}, or a digest of both where that would pass the 128 characters of an id. */
    public static String idFor(String causeId, String entryId) {
        String id = causeId + ".overflow." + entryId;
        if (id.length() <= FieldLimits.ID_MAX) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((causeId + '\u0000' + entryId).getBytes(StandardCharsets.UTF_8));
            return "overflow." + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
