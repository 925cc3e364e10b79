package io.ledgerline.projection.model;

/** A waiting entry's place: 1 is served next. */
public record WaitingRank(String entryId, long position) {
}
