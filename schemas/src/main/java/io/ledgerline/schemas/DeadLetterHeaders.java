package io.ledgerline.schemas;

/**
 * Headers of every record on {@code ledgerline.dead-letter.v1}, whichever service put it there, so that one tool can
 * read, explain and replay them all. The record keeps the original key and, where it had them, the original bytes.
 */
public final class DeadLetterHeaders {

    /** Why the record was set aside, in a sentence. */
    public static final String REASON = "dead-letter-reason";
    /** The exception behind it, when there was one. */
    public static final String CAUSE = "dead-letter-cause";
    /** Where the record was read from: topic, partition, offset. */
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** Which service set it aside. */
    public static final String CONSUMER = "dead-letter-consumer";

    private DeadLetterHeaders() {}
}
