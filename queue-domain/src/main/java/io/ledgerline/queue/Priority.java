package io.ledgerline.queue;

/** Service classes of an entry. Strict order: every URGENT entry is called before any HIGH one, and so on. */
public enum Priority {
    URGENT,
    HIGH,
    NORMAL,
    LOW
}
