import io.ledgerline.command.model.CommandOutcome;
import io.ledgerline.command.model.RememberedOutcome;
import io.ledgerline.command.store.IdempotencyStore;
import io.ledgerline.command.store.IdempotencyStore.OutcomeKey;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Memory and disk of the idempotency window per million keys, as the command service keeps it: RocksDB on local
 * disk, one atomic write per 500 outcomes (a transaction's worth), 1,000 queues, commandIds that are UUIDs, outcomes
 * of accepted joins naming a UUID entry. Lookup times for keys that are there and keys that are not (most commands
 * are new). Same-run baseline: the same outcomes in an on-heap map, as the window was kept before (a count per
 * queue, in memory), in bytes per key.
 *
 * <p>Process memory is read as RSS growth after the store opened; the heap is fixed and touched at start
 * (-Xms = -Xmx, -XX:+AlwaysPreTouch) so that the growth is the store's native memory, not the heap filling in.
 *
 * <p>Run with the command service's class path (./ledgerline bench idempotency does it):
 * java -cp 'queue-command-service/target/quarkus-app/lib/boot/*:queue-command-service/target/quarkus-app/lib/main/*:queue-command-service/target/quarkus-app/app/*'
 *      bench/IdempotencyFootprint.java [millions=5] [memory-MB=64] [dir=target/idempotency-footprint]
 */
public class IdempotencyFootprint {

    private static final int QUEUES = 1000;
    private static final int BATCH = 500;
    private static final String FINGERPRINT = "00112233445566778899aabbccddeeff";

    public static void main(String[] args) throws Exception {
        int millions = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long memory = (args.length > 1 ? Long.parseLong(args[1]) : 64) << 20;
        Path dir = Path.of(args.length > 2 ? args[2] : "target/idempotency-footprint");
        delete(dir);

        double heapPerKey = heapBaseline(1_000_000);
        System.out.printf("baseline: the same outcomes in an on-heap map take %.0f bytes of heap per key%n%n", heapPerKey);

        IdempotencyStore store = new IdempotencyStore(dir, Duration.ofHours(24), memory);
        store.open();
        long rssStart = rss();
        Instant now = Instant.now();
        Random random = new Random(42);
        long started = System.nanoTime();
        String[] sampleHits = new String[100_000];
        for (int m = 1; m <= millions; m++) {
            for (int i = 0; i < 1_000_000; i += BATCH) {
                Map<OutcomeKey, RememberedOutcome> batch = new LinkedHashMap<>();
                for (int j = 0; j < BATCH; j++) {
                    String queue = "queue-" + random.nextInt(QUEUES);
                    String command = UUID.randomUUID().toString();
                    long sequence = (long) m * 1_000_000 + i + j;
                    batch.put(new OutcomeKey(queue, command), new RememberedOutcome(FINGERPRINT, now,
                            new CommandOutcome.Accepted(sequence, sequence, UUID.randomUUID().toString())));
                    if (random.nextInt(1_000_000 * millions / sampleHits.length) == 0) {
                        sampleHits[random.nextInt(sampleHits.length)] = queue + '\n' + command;
                    }
                }
                store.remember(batch, Map.of(0, (long) m * 1_000_000 + i));
            }
            store.flush();
            System.out.printf("%d M keys: %.0f keys/s written; disk %.1f MB (%.0f B/key); process RSS +%.0f MB;"
                            + " block cache %.0f MB, memtables %.0f MB, table readers %.0f MB%n",
                    m, m * 1e6 / ((System.nanoTime() - started) / 1e9), size(dir) / 1e6, (double) size(dir) / (m * 1e6),
                    (rss() - rssStart) / 1e6, mb(store, "rocksdb.block-cache-usage"),
                    mb(store, "rocksdb.cur-size-all-mem-tables"), mb(store, "rocksdb.estimate-table-readers-mem"));
        }
        lookups(store, sampleHits, now);
        store.close();
        System.out.printf("%nper million keys: disk %.0f MB, memory bounded by the store's %d MB whatever the count;"
                        + " an on-heap map would need %.0f MB of heap%n",
                size(dir) / 1e6 / millions, memory >> 20, heapPerKey);
        delete(dir);
    }

    private static double mb(IdempotencyStore store, String property) {
        return Double.parseDouble(store.property(property)) / 1e6;
    }

    private static void lookups(IdempotencyStore store, String[] hits, Instant now) {
        String[] present = Arrays.stream(hits).filter(h -> h != null).toArray(String[]::new);
        long[] hitNanos = new long[present.length];
        for (int i = 0; i < present.length; i++) {
            String[] key = present[i].split("\n");
            long t = System.nanoTime();
            if (store.find(key[0], key[1], now).isEmpty()) {
                throw new IllegalStateException("lost a key: " + present[i]);
            }
            hitNanos[i] = System.nanoTime() - t;
        }
        long[] missNanos = new long[100_000];
        for (int i = 0; i < missNanos.length; i++) {
            String queue = "queue-" + (i % QUEUES);
            String command = UUID.randomUUID().toString();
            long t = System.nanoTime();
            store.find(queue, command, now);
            missNanos[i] = System.nanoTime() - t;
        }
        System.out.printf("lookups: %d keys there p50 %.1f us p99 %.1f us | %d keys not there p50 %.1f us p99 %.1f us%n",
                present.length, pct(hitNanos, 50), pct(hitNanos, 99), missNanos.length, pct(missNanos, 50),
                pct(missNanos, 99));
    }

    /** Heap taken by n outcomes in a map, the way the window was held before: String key to outcome. */
    private static double heapBaseline(int n) {
        var bean = ManagementFactory.getMemoryMXBean();
        gc();
        long before = bean.getHeapMemoryUsage().getUsed();
        Map<String, CommandOutcome> map = new HashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(UUID.randomUUID().toString(), new CommandOutcome.Accepted(i, i, UUID.randomUUID().toString()));
        }
        gc();
        long after = bean.getHeapMemoryUsage().getUsed();
        if (map.size() != n) {
            throw new IllegalStateException();
        }
        return (after - before) / (double) n;
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    private static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1000.0;
    }
}
