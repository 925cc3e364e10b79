package io.ledgerline.projection.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Counts rebuilds in this JVM. The Kafka interceptor stamps every polled record with the generation current at poll
 * time; a rebuild moves to the next generation on the polling thread right before it seeks, so records polled before
 * the seek (still buffered downstream) are recognisably stale and are not applied to the wiped stores.
 * Static because Kafka instantiates the interceptor itself; one projection consumer per JVM.
 */
public final class ReplayGeneration {

    public static final String HEADER = "ll-projection-generation";

    private static final AtomicLong CURRENT = new AtomicLong();

    private ReplayGeneration() {
    }

    public static long current() {
        return CURRENT.get();
    }

    static long next() {
        return CURRENT.incrementAndGet();
    }

    static void stamp(Headers headers) {
        headers.remove(HEADER);
        headers.add(HEADER, Long.toString(current()).getBytes(StandardCharsets.UTF_8));
    }

    /** The generation a record was polled in; records without a stamp count as current. */
    static long of(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        return header == null ? current() : Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
    }
}
