package io.ledgerline.command.messaging;

import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** A consumer's poll loop on its own named thread. Stopping wakes the consumer out of poll() and waits for the end. */
final class PollLoop {

    private final Thread thread;
    private volatile boolean running;
    private volatile KafkaConsumer<?, ?> consumer;

    PollLoop(String name, Runnable body) {
        this.thread = new Thread(body, name);
        // The Avro deserializer finds the generated classes through the context class loader.
        thread.setContextClassLoader(PollLoop.class.getClassLoader());
    }

    void start() {
        running = true;
        thread.start();
    }

    /** The consumer to wake when stopping; set by the loop once it has one. */
    void polls(KafkaConsumer<?, ?> consumer) {
        this.consumer = consumer;
    }

    boolean running() {
        return running;
    }

    boolean alive() {
        return thread.isAlive();
    }

    void stop(Duration atMost) throws InterruptedException {
        running = false;
        KafkaConsumer<?, ?> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.join(atMost);
    }
}
