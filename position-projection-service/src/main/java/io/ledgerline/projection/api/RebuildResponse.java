package io.ledgerline.projection.api;

/** @param state REPLAYING (stores wiped, consumer replaying) or WIPED_RESTART_REQUIRED (consumer was stopped) */
public record RebuildResponse(String state, String epoch, String detail) {
}
