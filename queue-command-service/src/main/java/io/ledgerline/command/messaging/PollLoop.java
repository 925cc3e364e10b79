package io.ledgerline.command.messaging;

import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jboss.logging.Logger;

/**
 * A consumer's poll loop on its own named thread, kept alive: when the body fails (a broker that went away, a fenced
 * producer, a registry outage, even an {@link Error}), the failure is recorded and the body starts over from scratch
 * after a backoff that doubles up to 30 s, and resets once a run has lasted a minute. Stopping wakes the consumer
 * out of poll() and waits for the end.
 */
public final class PollLoop {

    private static final Logger LOG = Logger.getLogger(PollLoop.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration HEALTHY_RUN = Duration.ofMinutes(1);

    /** One run of the loop; it returns when {@link #running()} turns false, and throws when it cannot go on. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private final String name;
    private final Thread thread;
    private volatile Body body;
    private volatile boolean running;
    private volatile KafkaConsumer<?, ?> consumer;
    private volatile long lastBeatNanos = System.nanoTime();
    private volatile boolean backingOff;
    private volatile Throwable lastFailure;
    private volatile int restarts;

    public PollLoop(String name) {
        this.name = name;
        this.thread = new Thread(this::supervise, name);
        // The Avro deserializer finds the generated classes through the context class loader.
        thread.setContextClassLoader(PollLoop.class.getClassLoader());
    }

    public void start(Body body) {
        this.body = body;
        running = true;
        thread.start();
    }

    /** The consumer to wake when stopping; set by each run once it has one. */
    public void polls(KafkaConsumer<?, ?> consumer) {
        this.consumer = consumer;
    }

    /** Called by the body whenever it makes progress (a poll, a chunk of a restore): the liveness signal. */
    public void beat() {
        lastBeatNanos = System.nanoTime();
    }

    public boolean running() {
        return running;
    }

    /** The thread is there, and either making progress or waiting out a backoff before the next run. */
    public boolean live(Duration stallLimit) {
        return thread.isAlive() && (backingOff || System.nanoTime() - lastBeatNanos < stallLimit.toNanos());
    }

    /** The failure that ended the last run, until a run reports itself healthy with {@link #recovered()}. */
    public Throwable lastFailure() {
        return lastFailure;
    }

    public void recovered() {
        lastFailure = null;
    }

    public int restarts() {
        return restarts;
    }

    public void stop(Duration atMost) throws InterruptedException {
        running = false;
        KafkaConsumer<?, ?> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        synchronized (this) {
            notifyAll(); // ends a backoff; a poll in progress ends through wakeup()
        }
        thread.join(atMost.toMillis());
    }

    private void supervise() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            long started = System.nanoTime();
            beat();
            try {
                body.run();
            } catch (Throwable e) {
                if (!running) {
                    break; // stop() woke or interrupted the run: whatever it threw is the way out
                }
                fail(e);
            } finally {
                consumer = null;
            }
            if (!running) {
                break;
            }
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(HEALTHY_RUN) > 0) {
                backoff = FIRST_BACKOFF;
            }
            LOG.warnf("%s starts over in %d ms (restart %d)", name, backoff.toMillis(), restarts + 1);
            sleep(backoff);
            restarts++;
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void fail(Throwable e) {
        lastFailure = e;
        LOG.errorf(e, "%s failed", name);
    }

    private synchronized void sleep(Duration duration) {
        backingOff = true;
        try {
            if (running) {
                wait(duration.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            backingOff = false;
        }
    }
}
