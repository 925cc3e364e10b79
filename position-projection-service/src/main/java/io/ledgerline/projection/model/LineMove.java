package io.ledgerline.projection.model;

/**
 * One change of a waiting line's ranks, as the Redis script reports it: an entry left the line from {@code rank},
 * entered it at {@code rank} (1-based, in the line after it entered), or the whole line emptied or was reshuffled
 * (no entry, rank 0).
 */
public record LineMove(Kind kind, String entryId, long rank) {

    public enum Kind {
        LEFT,
        ENTERED,
        /** Every entry left the line (a closing). */
        CLEARED,
        /** More entries moved than a list of moves should carry (a large draw, a partial close-out). */
        RESHUFFLED;

        static Kind ofScript(String code) {
            return switch (code) {
                case "L" -> LEFT;
                case "E" -> ENTERED;
                case "C" -> CLEARED;
                case "R" -> RESHUFFLED;
                default -> throw new IllegalArgumentException("unknown line move " + code);
            };
        }
    }

    /** A move as the script writes it: a one-letter kind, the entry ('' for none) and the rank. */
    public static LineMove ofScript(String code, String entryId, long rank) {
        return new LineMove(Kind.ofScript(code), entryId.isEmpty() ? null : entryId, rank);
    }
}
