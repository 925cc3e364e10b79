package io.ledgerline.command.model;

import io.ledgerline.queue.FieldLimits;
import io.ledgerline.queue.PersonService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ids of the commands a partition owner sends to other queues as a step of something it decided: the join a full
 * queue forwards to its overflow queue, the join a transfer sends to its target, and the target's settlement back to
 * the source. Each is made from its cause's id, so that a repeat of the cause (which appends nothing) sends nothing,
 * and the REST call that caused it can name the step's command to learn its outcome.
 */
public final class ForwardedCommand {

    private ForwardedCommand() {
    }

    public static String overflow(String causeId, String entryId) {
        return idFor(causeId, "overflow", entryId);
    }

    public static String transfer(String causeId, String entryId) {
        return idFor(causeId, "transfer", entryId);
    }

    public static String settle(String causeId, String entryId) {
        return idFor(causeId, "settle", entryId);
    }

    /** The part, for one partition, of the hold or return of a person's entries that a service began or ended. */
    public static String personService(String causeId, PersonService service, int partition) {
        return idFor(causeId, service.started() ? "hold" : "return",
                service.service().entryId() + ".p" + partition);
    }

    /** The join a group join tries in one of the group's queues. */
    public static String groupJoin(String causeId, String queueId) {
        return idFor(causeId, "group", queueId);
    }

    /** {@code <causeId>.<step>.<entryId>}, or a digest of all three where that would pass the 128 characters of an id. */
    private static String idFor(String causeId, String step, String entryId) {
        String id = causeId + '.' + step + '.' + entryId;
        if (id.length() <= FieldLimits.ID_MAX) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((causeId + '\u0000' + step + '\u0000' + entryId).getBytes(StandardCharsets.UTF_8));
            return step + "." + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
