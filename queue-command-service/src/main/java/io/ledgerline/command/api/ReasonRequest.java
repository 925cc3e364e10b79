package io.ledgerline.command.api;

/** Optional body of pause and emergency-stop: why, for the audit trail. */
public record ReasonRequest(String reason) {}
