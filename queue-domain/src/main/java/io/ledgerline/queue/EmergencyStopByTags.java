package io.ledgerline.queue;

/** Emergency-stops every queue carrying all the selector's tags, for one audited reason. */
public record EmergencyStopByTags(TagSelector selector, String reason) implements BulkCommand.ByTags {}
