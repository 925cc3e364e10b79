package io.ledgerline.command.messaging;

import io.ledgerline.command.config.CommandServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds the Kafka clients of the service. They move raw bytes: the service encodes and decodes Avro itself with its
 * {@link io.ledgerline.schemas.RegistryCodec}, so that a record that is not valid Avro can be moved to the
 * dead-letter topic instead of stopping the poll loop, and a dead letter keeps exactly the bytes it arrived with.
 */
@ApplicationScoped
public class KafkaClients {

    /** Kafka calls give up well within the REST result timeout, so a stopped broker ends a run instead of hanging it. */
    private static final int CALL_TIMEOUT_MS = 10_000;

    private final CommandServiceConfig config;

    public KafkaClients(CommandServiceConfig config) {
        this.config = config;
    }

    /**
     * The consumer of the commands topic: one owner per partition, offsets committed only inside transactions.
     * Static membership (the instance id) lets a restarted instance take its partitions back without a rebalance;
     * the cooperative assignor moves only the partitions that change owner when an instance comes or goes.
     */
    public KafkaConsumer<String, byte[]> commandConsumer() {
        Map<String, Object> props = common();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.command().groupId());
        props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, config.command().instanceId());
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.command().sessionTimeout().toMillis());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) config.command().sessionTimeout().toMillis() / 5);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.command().maxBatch());
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A group-less reader of committed records, for restoring partitions and for reading results. */
    public KafkaConsumer<String, byte[]> committedReader() {
        Map<String, Object> props = common();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        // A position that retention deleted meanwhile restarts at the oldest record, never silently at the end.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The processor's producer. Its transactional id is the instance's own, stable across restarts: a restarted
     * instance's first call (initTransactions) aborts whatever the crashed process left open, at once. Zombies of
     * another instance are fenced through the consumer group generation sent with the offsets (KIP-447), and a
     * transaction abandoned by a crashed instance that does not come back is aborted by the broker after the
     * transaction timeout.
     */
    public KafkaProducer<String, byte[]> transactionalProducer() {
        Map<String, Object> props = common();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId());
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) config.command().transactionTimeout().toMillis());
        // Records wait in the buffer until the commit flushes them: one produce request per partition and
        // transaction instead of one per record, each a wake-up of the sender thread and a request for the broker.
        props.put(ProducerConfig.LINGER_MS_CONFIG, (int) config.command().transactionLinger().toMillis());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, CALL_TIMEOUT_MS);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 << 20); // a snapshot part of long ids stays below this
        // A transaction begun right after a commit often finds the coordinator still writing the last one's markers
        // (CONCURRENT_TRANSACTIONS), which clears within a millisecond or two. The default first backoff of 100 ms
        // parked such a transaction, and every command of its batch, for 100 ms; the backoff still doubles from 2 ms.
        props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 2);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    public String transactionalId() {
        return config.command().groupId() + "-" + config.command().instanceId();
    }

    /** The REST side's producer of commands: idempotent, not transactional, sent as soon as possible. */
    public KafkaProducer<String, byte[]> commandProducer() {
        Map<String, Object> props = common();
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A REST caller waits at most the result timeout anyway; fail the send well before that.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** For the offsets of a partition as a read-committed and a read-uncommitted reader see them. */
    public Admin admin() {
        Map<String, Object> props = common();
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return Admin.create(props);
    }

    private Map<String, Object> common() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        return props;
    }
}
