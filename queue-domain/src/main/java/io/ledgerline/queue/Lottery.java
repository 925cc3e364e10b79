package io.ledgerline.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A queue's opening lottery, committed and not yet drawn: everyone who joined before the cut-off gets a random place,
 * later arrivals go behind them in order. The queue commits to {@code seedHash} first; the seed itself stays with the
 * command service until the draw, so nobody (staff included) can know the order while they can still join or leave.
 *
 * <p>The draw is checkable by anyone from the log alone, with this documented algorithm:
 * <ol>
 * <li>{@code seedHash} = lowercase hex of SHA-256 over the seed's UTF-8 bytes; the revealed seed must match it.</li>
 * <li>The participants are the entries in the line ({@link Entry#inLine}: WAITING, neither scheduled for later nor in
 * transfer; one held while its person is served elsewhere keeps its chance) whose ticket is at most
 * {@code cutOffTicket}, in ticket order: p[0], p[1], ... p[n-1].</li>
 * <li>Fisher-Yates from the end: for i = n-1 down to 1, j = u(i) mod (i + 1), where u(i) is the first 8 bytes, as an
 * unsigned big-endian number, of SHA-256 over the UTF-8 bytes of {@code seed + ":" + i}; swap p[i] and p[j]. (The
 * modulo's bias is below (i + 1) / 2^64: nil for any real line.)</li>
 * <li>The participants' order keys, sorted ascending, are handed out in the shuffled order: the first drawn gets the
 * smallest. Later arrivals keep theirs, so they stay behind the drawn entries of their class.</li>
 * </ol>
 *
 * @param lotteryId    names this lottery (the command service derives the seed from it and its own key)
 * @param seedHash     the commitment: SHA-256 of the seed, lowercase hex
 * @param drawAt       when the entries joined so far are cut off and drawn
 * @param cutOffTicket the last ticket in the draw, once cut off; null before
 */
public record Lottery(String lotteryId, String seedHash, Instant drawAt, Long cutOffTicket) {

    static final int SEED_MAX = 128;

    public boolean cutOff() {
        return cutOffTicket != null;
    }

    Lottery cutAt(long lastTicket) {
        return new Lottery(lotteryId, seedHash, drawAt, lastTicket);
    }

    /** The commitment to {@code seed}: lowercase hex of its SHA-256. */
    public static String commitmentOf(String seed) {
        return HexFormat.of().formatHex(sha256(seed));
    }

    /** The participants (in ticket order) in the order the seed draws them. */
    public static <T> List<T> draw(String seed, List<T> participantsInTicketOrder) {
        List<T> drawn = new ArrayList<>(participantsInTicketOrder);
        for (int i = drawn.size() - 1; i >= 1; i--) {
            int j = (int) Long.remainderUnsigned(firstLong(sha256(seed + ":" + i)), i + 1L);
            T swap = drawn.get(i);
            drawn.set(i, drawn.get(j));
            drawn.set(j, swap);
        }
        return drawn;
    }

    private static long firstLong(byte[] bytes) {
        long value = 0;
        for (int k = 0; k < 8; k++) {
            value = (value << 8) | (bytes[k] & 0xFF);
        }
        return value;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
