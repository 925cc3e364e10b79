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
import io.ledgerline.projection.model.PositionScore;

/**
 * The Lua script that applies a run of events to one queue's waiting line, with its SHA-1 for EVALSHA, and the
 * arguments it takes for each change.
 */
final class RedisApplyScript {

    static final String RESOURCE = "lua/apply-events.lua";

    final String source;
    final String sha1;

    private RedisApplyScript(String source) {
        this.source = source;
        this.sha1 = sha1(source);
    }

    /** What the script does for one change, and the arguments it does it with (entry ids, a score, a priority). */
    record Operation(String name, List<String> operands) {

        Operation(String name, String... operands) {
            this(name, List.of(operands));
        }
    }

    static Operation operation(Change change) {
        return switch (change) {
            // A held entry keeps its score (its ticket) for the release, but has no place in the line until then.
            case Change.EntryJoined e -> new Operation(e.held() ? "JOIN_HELD" : "JOIN", e.entryId(),
                    Long.toString(PositionScore.of(e.priority(), e.ticket())));
            case Change.EntryCalled e -> new Operation("CALL", e.entryId());
            case Change.EntryFinished e -> new Operation("FINISH", e.entryId());
            case Change.EntryFailed e -> new Operation(e.isFinal() ? "FINISH" : "HOLD", e.entryId());
            case Change.EntryRequeued e -> new Operation("REQUEUE", e.entryId());
            case Change.EntryReleased e -> new Operation("RELEASE", e.entryId());
            case Change.EntryPriorityChanged e -> new Operation("PRIORITY", e.entryId(),
                    Integer.toString(e.priority().index()));
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

    static RedisApplyScript load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new RedisApplyScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
