package io.ledgerline.queue;

/** Holds a person's waiting entries, in every selected queue that holds while served elsewhere, for a service. */
public record HoldPersonEntries(String personRef, ServedElsewhere service) implements BulkCommand.ByPerson {}
