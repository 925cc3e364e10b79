package io.ledgerline.queue;

/**
 * A person's service began or ended in one entry: what the owner of that queue tells every partition, so that the
 * person's entries elsewhere are held or come back ({@link PersonHolds}).
 *
 * @param started true when the entry was called or admitted, false when that service ended
 */
public record PersonService(String personRef, ServedElsewhere service, boolean started) {}
