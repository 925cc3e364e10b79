package io.ledgerline.queue;

/** Brings back a person's entries that a service held, in every queue, whatever its setting is now. */
public record ReturnPersonEntries(String personRef, ServedElsewhere service) implements BulkCommand.ByPerson {}
