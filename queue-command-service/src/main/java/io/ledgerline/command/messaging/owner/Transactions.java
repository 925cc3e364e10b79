package io.ledgerline.command.messaging.owner;

import org.apache.kafka.clients.producer.KafkaProducer;

/** What every failed transaction of the owner does before its run starts over. */
final class Transactions {

    private Transactions() {}

    /**
     * Tries to abort, and never hides the original failure: after an indefinite error the producer may refuse to
     * abort, and the next run's initTransactions settles the transaction either way.
     */
    static void abortQuietly(KafkaProducer<String, byte[]> producer, RuntimeException cause) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException again) {
            cause.addSuppressed(again);
        }
    }
}
