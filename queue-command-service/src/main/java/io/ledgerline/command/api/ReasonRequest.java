package io.ledgerline.command.api;

/** Body of pause (optional), emergency-stop and fail (required there): why, for the audit trail. */
public record ReasonRequest(String reason) {}
