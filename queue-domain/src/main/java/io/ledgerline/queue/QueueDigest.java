package io.ledgerline.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A checksum of what a queue shows: its status, its waiting line in calling order, and every other active entry with
 * the status a reader sees. The domain computes it from a replayed {@link QueueState} and each read model from its
 * own stores, through this one builder, so two equal digests mean the two agree at that sequence.
 *
 * <p>It is a two-level hash tree: the line is cut into leaves of {@value #LEAF_LINES} places, each hashed on its own,
 * and the root hashes the leaves. When roots differ, comparing leaves names the stretch of the line that differs
 * without shipping the whole line; only that leaf's lines need to be compared.
 */
public final class QueueDigest {

    public static final int LEAF_LINES = 1024;

    /**
     * @param section {@code queue}, {@code line} or {@code others}
     * @param from    the first place (1-based) of the line the leaf covers; 1 for the other sections
     * @param lines   how many lines it hashes
     */
    public record Leaf(String section, int from, int lines, String hash) {}

    public record Digest(String root, List<Leaf> leaves) {}

    /** The status a reader sees of an active entry: the domain's WAITING and CALLED, told apart as read models do. */
    public static String visibleStatus(Entry entry) {
        if (entry.status() == EntryStatus.CALLED) {
            return entry.admittedUntil() != null ? "ADMITTED" : "CALLED";
        }
        if (entry.heldElsewhere()) {
            return "SERVED_ELSEWHERE";
        }
        if (entry.inTransfer()) {
            return "TRANSFERRING";
        }
        return entry.held() ? "HELD" : "WAITING";
    }

    public static Digest of(QueueState state) {
        return linesOf(state).build();
    }

    /** The lines of one leaf of {@link #of(QueueState)}, to show where two digests differ. */
    public static List<String> leafLines(QueueState state, Leaf leaf) {
        return linesOf(state).linesOf(leaf);
    }

    private static Builder linesOf(QueueState state) {
        Builder digest = new Builder(state.status() == null ? "NONE" : state.status().name());
        state.waitingInOrder().forEach(e -> digest.waiting(e.entryId(), e.priority().name()));
        state.activeEntries().stream().filter(e -> !e.callable())
                .forEach(e -> digest.other(e.entryId(), visibleStatus(e), e.priority().name()));
        return digest;
    }

    /** Collects a queue's lines: the waiting line in calling order, the other active entries in any order. */
    public static final class Builder {
        private final String queueStatus;
        private final List<String> line = new ArrayList<>();
        private final List<String> others = new ArrayList<>();

        /** @param queueStatus the queue's status name, {@code NONE} for a queue that does not exist */
        public Builder(String queueStatus) {
            this.queueStatus = queueStatus;
        }

        public Builder waiting(String entryId, String priority) {
            line.add(entryId + '\t' + priority);
            return this;
        }

        public Builder other(String entryId, String status, String priority) {
            others.add(entryId + '\t' + status + '\t' + priority);
            return this;
        }

        public Digest build() {
            others.sort(Comparator.naturalOrder());
            List<Leaf> leaves = new ArrayList<>();
            leaves.add(new Leaf("queue", 1, 1, hash(List.of(queueStatus))));
            for (int from = 0; from < line.size(); from += LEAF_LINES) {
                List<String> slice = line.subList(from, Math.min(line.size(), from + LEAF_LINES));
                leaves.add(new Leaf("line", from + 1, slice.size(), hash(slice)));
            }
            leaves.add(new Leaf("others", 1, others.size(), hash(others)));
            List<String> hashes = leaves.stream().map(l -> l.section() + ':' + l.from() + ':' + l.hash()).toList();
            return new Digest(hash(hashes), List.copyOf(leaves));
        }

        public List<String> linesOf(Leaf leaf) {
            others.sort(Comparator.naturalOrder());
            return switch (leaf.section()) {
                case "queue" -> List.of(queueStatus);
                case "line" -> List.copyOf(line.subList(Math.min(line.size(), leaf.from() - 1),
                        Math.min(line.size(), leaf.from() - 1 + LEAF_LINES)));
                default -> List.copyOf(others);
            };
        }
    }

    private static String hash(List<String> lines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                sha.update(l.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private QueueDigest() {}
}
