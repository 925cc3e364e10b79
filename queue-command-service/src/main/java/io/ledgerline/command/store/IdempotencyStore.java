package io.ledgerline.command.store;

import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.command.model.RememberedOutcome;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jboss.logging.Logger;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.IndexType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.TtlDB;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * The idempotency window of the queues this instance decides, on local disk (RocksDB): the first outcome of every
 * (queueId, commandId) of the last 24 hours, far more than a heap could hold (170 million keys a day at 2,000
 * commands a second). It is a cache of the results topic, which has every outcome: for each partition the store
 * remembers up to which results offset it holds them all, and a new owner reads the rest back from the topic.
 *
 * <p>Memory is bounded by one block cache that also holds the memtables, indexes and Bloom filters; entries older than
 * the window plus an hour are dropped by compaction (a TTL database), and a lookup ignores anything past the window.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);
    /** Checkpoint keys start with a byte no id can start with (ids start with a letter or digit). */
    private static final String CHECKPOINT_PREFIX = "\u0001results-offset:";
    private static final Duration GRACE = Duration.ofHours(1);

    private final Path directory;
    private final Duration window;
    private final long memoryBytes;
    private LRUCache cache;
    private WriteBufferManager writeBuffers;
    private Options options;
    private WriteOptions writeOptions;
    private volatile TtlDB db;
    /** Calls share the read lock; close() takes the write lock, so it never frees what a call is using. */
    private final ReentrantReadWriteLock guard = new ReentrantReadWriteLock();

    @Inject
    public IdempotencyStore(CommandServiceConfig config) {
        this(config.command().instanceDir().resolve("idempotency"),
                config.command().idempotencyWindow(), config.command().idempotencyMemory().asLongValue());
    }

    /** A store in {@code directory}; call {@link #open()} before use (the application does it on first use). */
    public IdempotencyStore(Path directory, Duration window, long memoryBytes) {
        this.directory = directory;
        this.window = window;
        this.memoryBytes = memoryBytes;
    }

    @PostConstruct
    public void open() {
        RocksDB.loadLibrary();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the idempotency store directory " + directory, e);
        }
        cache = new LRUCache(memoryBytes);
        writeBuffers = new WriteBufferManager(memoryBytes / 2, cache);
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(cache)
                .setCacheIndexAndFilterBlocks(true)
                .setPinTopLevelIndexAndFilter(true)
                .setIndexType(IndexType.kTwoLevelIndexSearch)
                .setPartitionFilters(true)
                .setFilterPolicy(new BloomFilter(10)); // most lookups are misses: new commands
        options = new Options()
                .setCreateIfMissing(true)
                .setWriteBufferManager(writeBuffers)
                .setWriteBufferSize(Math.min(16L << 20, memoryBytes / 4))
                .setMaxWriteBufferNumber(2)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setTableFormatConfig(table)
                .setMaxOpenFiles(256);
        writeOptions = new WriteOptions(); // the write-ahead log survives a killed process; a lost one is re-read
        try {
            db = TtlDB.open(options, directory.toString(), (int) window.plus(GRACE).toSeconds(), false);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot open the idempotency store in " + directory
                    + " (is another instance with the same instance id running?): " + e.getMessage(), e);
        }
        LOG.infof("idempotency store open in %s: window %s, memory %d MB, about %s keys", directory, window,
                memoryBytes >> 20, property("rocksdb.estimate-num-keys"));
    }

    /**
     * Closes the database once every call in progress has returned; later calls fail with IllegalStateException
     * instead of touching freed native memory. The processor closes it after its loop has stopped.
     */
    public void close() {
        guard.writeLock().lock();
        try {
            if (db != null) {
                db.close();
                writeOptions.close();
                options.close();
                writeBuffers.close();
                cache.close();
                db = null;
            }
        } finally {
            guard.writeLock().unlock();
        }
    }

    /** The first outcome under this key, if it was decided within the window before {@code now}. */
    public Optional<RememberedOutcome> find(String queueId, String commandId, Instant now) {
        byte[] value = call("read", db -> db.get(OutcomeCodec.key(queueId, commandId)));
        if (value == null) {
            return Optional.empty();
        }
        RememberedOutcome remembered = OutcomeCodec.decode(value);
        return remembered.within(window, now) ? Optional.of(remembered) : Optional.empty();
    }

    /**
     * Remembers first outcomes and, in the same atomic write, the results offset up to which each partition's outcomes
     * are all here: after a crash the store holds either both or neither.
     */
    public void remember(Map<OutcomeKey, RememberedOutcome> outcomes, Map<Integer, Long> resultsOffsets) {
        call("write", db -> {
            try (WriteBatch batch = new WriteBatch()) {
                for (Map.Entry<OutcomeKey, RememberedOutcome> e : outcomes.entrySet()) {
                    batch.put(OutcomeCodec.key(e.getKey().queueId(), e.getKey().commandId()),
                            OutcomeCodec.encode(e.getValue()));
                }
                for (Map.Entry<Integer, Long> e : resultsOffsets.entrySet()) {
                    batch.put(checkpointKey(e.getKey()), ByteBuffer.allocate(Long.BYTES).putLong(e.getValue()).array());
                }
                db.write(writeOptions, batch);
            }
            return null;
        });
    }

    /** The results offset from which partition {@code partition}'s outcomes may be missing here. */
    public OptionalLong resultsOffset(int partition) {
        byte[] value = call("read", db -> db.get(checkpointKey(partition)));
        return value == null ? OptionalLong.empty() : OptionalLong.of(ByteBuffer.wrap(value).getLong());
    }

    /** Writes the memtables out to files now, for the on-disk figures of the footprint benchmark. */
    public void flush() {
        call("flush", db -> {
            try (FlushOptions wait = new FlushOptions().setWaitForFlush(true)) {
                db.flush(wait);
            }
            return null;
        });
    }

    /** A RocksDB property (e.g. {@code rocksdb.estimate-num-keys}), for metrics and the footprint benchmark. */
    public String property(String name) {
        try {
            return call("read", db -> db.getProperty(name));
        } catch (IllegalStateException e) {
            return "?";
        }
    }

    /** One call on the open database, under the read lock, so that close() never frees what it uses. */
    private <T> T call(String what, DbCall<T> call) {
        guard.readLock().lock();
        try {
            TtlDB current = db;
            if (current == null) {
                throw new IllegalStateException("the idempotency store is closed");
            }
            return call.on(current);
        } catch (RocksDBException e) {
            throw new IllegalStateException("idempotency store " + what + " failed", e);
        } finally {
            guard.readLock().unlock();
        }
    }

    @FunctionalInterface
    private interface DbCall<T> {
        T on(TtlDB db) throws RocksDBException;
    }

    public Path directory() {
        return directory;
    }

    private static byte[] checkpointKey(int partition) {
        return (CHECKPOINT_PREFIX + partition).getBytes(StandardCharsets.UTF_8);
    }

    /** The idempotency key: the same commandId on two queues names two commands. */
    public record OutcomeKey(String queueId, String commandId) {}
}
