package io.ledgerline.projection.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.ledgerline.projection.model.Change;
import io.ledgerline.projection.model.LegacyOrderKey;

/**
 * The Lua script that applies a run of events to one queue's waiting line, with its SHA-1 for EVALSHA, and the
 * arguments it takes for each change. Scores are the events' order keys as the domain decided them; neither this
 * class nor the script knows how a queue orders its entries (weights, aging, strict priority).
 */
final class RedisApplyScript {

    static final String RESOURCE = "lua/apply-events.lua";

    final String source;
    final String sha1;

    private RedisApplyScript(String source) {
        this.source = source;
        this.sha1 = sha1(source);
    }

    /** What the script does for one change, and the arguments it does it with (entry ids, an order key). */
    record Operation(String name, List<String> operands) {

        Operation(String name, String... operands) {
            this(name, List.of(operands));
        }
    }

    static Operation operation(Change change) {
        return switch (change) {
            // A held entry keeps its order key for the release, but has no place in the line until then.
            case Change.EntryJoined e -> new Operation(e.held() ? "JOIN_HELD" : "JOIN", e.entryId(),
                    Long.toString(e.orderKey()));
            case Change.EntryCalled e -> new Operation("CALL", e.entryId());
            case Change.EntryFinished e -> new Operation("FINISH", e.entryId());
            case Change.EntryFailed e -> new Operation(e.isFinal() ? "FINISH" : "HOLD", e.entryId());
            case Change.EntryRequeued e -> new Operation("REQUEUE", e.entryId());
            // Under way to another queue: out of the line, its key kept for a return, as for a call.
            case Change.EntryTransferring e -> new Operation("CALL", e.entryId());
            case Change.EntryAdmitted e -> new Operation("CALL", e.entryId());
            case Change.EntriesReordered e -> new Operation("REKEY", pairs(e));
            case Change.SequenceOnly c -> new Operation("NONE");
            case Change.EntryTransferReturned e -> new Operation("REQUEUE", e.entryId());
            case Change.EntryReleased e -> new Operation("RELEASE", e.entryId());
            case Change.EntryHeldForServiceElsewhere e -> new Operation("HOLD_ELSEWHERE", e.entryId());
            // Only the last service's end moves the entry; an earlier one leaves it out of the line as it is.
            case Change.EntryBackFromServiceElsewhere e -> e.back() ? new Operation("BACK", e.entryId())
                    : new Operation("NONE");
            case Change.EntryPriorityChanged e -> e.legacy() ? legacyPriority(e)
                    : new Operation("PRIORITY", e.entryId(), Long.toString(e.orderKey()));
            // A thousand ids are one operation: one ZREM and one HDEL, not a round trip or a script step each.
            case Change.QueueClosed c -> new Operation("CLOSE_OUT", c.closedOut().entryIds());
            case Change.EntriesClosedOut c -> new Operation("CLOSE_OUT", c.entryIds());
            case Change.QueueCreated c -> new Operation("NONE");
            case Change.QueueConfigured c -> new Operation("NONE");
            case Change.QueueStatusSet c -> new Operation("NONE");
            case Change.QueueScheduled c -> new Operation("NONE");
            case Change.ScheduleLapsed c -> new Operation("NONE");
            case Change.EntryOverflowed c -> new Operation("NONE");
        };
    }

    /**
     * A priority change written before keys existed means the legacy key of the new priority with the entry's ticket.
     * Only Redis knows that ticket here (in the score it keeps), so the script takes the class's legacy base and the
     * stride and adds the ticket of the kept score; no newer event needs this.
     */
    private static Operation legacyPriority(Change.EntryPriorityChanged e) {
        return new Operation("PRIORITY_LEGACY", e.entryId(), Long.toString(LegacyOrderKey.classBase(e.priority())),
                Long.toString(LegacyOrderKey.STRIDE));
    }

    /** id, key, id, key, ...: a draw of a thousand entries is one operation. */
    private static List<String> pairs(Change.EntriesReordered reordered) {
        List<String> operands = new java.util.ArrayList<>(2 * reordered.entryIds().size());
        for (int i = 0; i < reordered.entryIds().size(); i++) {
            operands.add(reordered.entryIds().get(i));
            operands.add(Long.toString(reordered.orderKeys().get(i)));
        }
        return operands;
    }

    static RedisApplyScript load() {
        return new RedisApplyScript(source(RESOURCE));
    }

    /** A Lua script of this module's resources, as text. */
    static String source(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
