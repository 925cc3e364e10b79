package io.ledgerline.command.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Every setting of the command service, under the one prefix {@code ledgerline}. */
@ConfigMapping(prefix = "ledgerline")
public interface CommandServiceConfig {

    Kafka kafka();

    Topics topics();

    Command command();

    interface Kafka {
        /** Kafka bootstrap servers, {@code host:port[,host:port]}. */
        String bootstrapServers();

        /** Apicurio Registry v3 API base URL used by the Avro serdes. */
        String registryUrl();
    }

    interface Topics {
        /** Commands from REST callers and integrators, keyed by queueId. */
        String commands();

        /** The source of truth, keyed by queueId; written only by this service. */
        String events();

        /** One result per command, keyed by commandId, on its queue's partition; the idempotency window's log. */
        String results();

        /** Checkpoints of the queues, compacted, on their queue's partition. */
        String snapshots();

        /** Records that could not be read, with the reason in headers. */
        String deadLetter();
    }

    interface Command {
        /** Consumer group of the command processors: one owner per commands partition. */
        String groupId();

        /**
         * This instance's stable name. A restarted instance must come back with the same one: it is its static group
         * membership (it gets its partitions back without a rebalance) and its transactional id (its unfinished
         * transaction is aborted at once instead of blocking readers until it times out). Two live instances must
         * never share it.
         */
        String instanceId();

        /** Where the instance keeps its local state (the idempotency store), under {@code <state-dir>/<instance-id>}. */
        String stateDir();

        /** This instance's own directory under the state directory. */
        default Path instanceDir() {
            return Path.of(stateDir(), instanceId());
        }

        /** How long a REST call waits for its command's result before answering 504. */
        @WithDefault("10s")
        Duration resultTimeout();

        /** Most commands one poll takes; a transaction decides one or two polls (see batchLinger). */
        @WithDefault("500")
        int maxBatch();

        /**
         * Under load (commands already waiting when the processor comes back from a commit), how long a second poll
         * may wait for the commands that arrived during that commit, so they join this transaction instead of the
         * next. Zero turns it off.
         */
        @WithDefault("2ms")
        Duration batchLinger();

        /**
         * How long the owner's producer keeps a transaction's records before sending them; the commit sends whatever
         * is left at once. Longer: fewer, bigger produce requests; zero: records leave while the batch is decided.
         */
        @WithDefault("1s")
        Duration transactionLinger();

        /** How long a repeated (queueId, commandId) gets its first outcome back instead of being decided again. */
        @WithDefault("24h")
        Duration idempotencyWindow();

        /** Memory of the idempotency store: block cache, indexes, filters and write buffers together. */
        @WithDefault("64M")
        MemorySize idempotencyMemory();

        /** A partition's queues are checkpointed to the snapshots topic after this many of its events. */
        @WithDefault("10000")
        int checkpointEveryEvents();

        /** Most entries in one snapshot record; bigger queues are split in parts. */
        @WithDefault("2000")
        int snapshotPartEntries();

        /** REST commands waiting for their result beyond which new ones are refused with 503 at once. */
        @WithDefault("1000")
        int maxInFlight();

        /** How soon the group gives a silent instance's partitions to another one. */
        @WithDefault("10s")
        Duration sessionTimeout();

        /** How soon the broker aborts a transaction its writer abandoned (a crashed instance that is not restarted). */
        @WithDefault("10s")
        Duration transactionTimeout();
    }
}
