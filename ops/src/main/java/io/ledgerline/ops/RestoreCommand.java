package io.ledgerline.ops;

import io.ledgerline.schemas.RegistryCodec;
import io.ledgerline.schemas.TopicSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "restore", description = "Write a backup into a fresh stack: its schemas into the registry (each"
        + " record then names the id the schema has there), its records into empty topics (created if missing, with"
        + " the partitions and settings they had), each on the partition it came from, in the same order. Start the"
        + " services afterwards: the command service replays the events into its state, the projection rebuilds.")
class RestoreCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--from", required = true, description = "a directory written by ops backup")
    Path dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        BackupArchive.Manifest manifest = BackupArchive.readManifest(dir);
        long started = System.nanoTime();
        try (Admin admin = connection.admin(); KafkaConsumer<String, byte[]> reader = connection.reader()) {
            for (BackupArchive.TopicCopy copy : manifest.topics()) {
                prepare(admin, reader, copy);
            }
        }
        RegistryCodec codec = connection.codec();
        long total = 0;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (BackupArchive.TopicCopy copy : manifest.topics()) {
                if (copy.content() != BackupArchive.Content.NONE) {
                    Map<Integer, Integer> ids = copy.content() == BackupArchive.Content.AVRO
                            ? registered(codec, copy, manifest) : Map.of();
                    total += restore(producer, copy, ids);
                }
            }
        }
        System.out.printf("restored %,d records of %d topics and %d schemas from %s in %.1f s%n", total,
                manifest.topics().size(), manifest.schemas().size(), dir, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /** The target topic exists with the backup's partitions (created if missing) and holds nothing yet. */
    private void prepare(Admin admin, KafkaConsumer<String, byte[]> reader, BackupArchive.TopicCopy copy)
            throws InterruptedException {
        String target = connection.topicPrefix + copy.topic();
        try {
            if (!admin.listTopics().names().get().contains(target)) {
                admin.createTopics(List.of(new NewTopic(target, Optional.of(copy.partitions()),
                        Optional.empty()).configs(copy.config()))).all().get();
                System.out.printf("created %s (%d partitions)%n", target, copy.partitions());
            }
            TopicDescription description = admin.describeTopics(List.of(target)).allTopicNames().get().get(target);
            if (description.partitions().size() != copy.partitions()) {
                throw new OpsFailure(target + " has " + description.partitions().size() + " partitions, the backup "
                        + copy.partitions() + ": each record must go back to its queue's partition");
            }
        } catch (ExecutionException e) {
            throw new OpsFailure("cannot prepare topic " + target + ": " + e.getCause().getMessage());
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < copy.partitions(); p++) {
            partitions.add(new TopicPartition(target, p));
        }
        Map<TopicPartition, Long> end = reader.endOffsets(partitions);
        Map<TopicPartition, Long> beginning = reader.beginningOffsets(partitions);
        for (TopicPartition tp : partitions) {
            if (end.get(tp) > beginning.get(tp)) {
                throw new OpsFailure(target + " is not empty: a restore goes into a fresh stack, never on top of a"
                        + " log (delete the topics, or restore with another --topic-prefix)");
            }
        }
    }

    /** Backup content id → the id the same schema has in this registry, under the target topic's artifact. */
    private Map<Integer, Integer> registered(RegistryCodec codec, BackupArchive.TopicCopy copy,
                                             BackupArchive.Manifest manifest) throws IOException {
        Map<Integer, Integer> ids = new HashMap<>();
        for (int id : manifest.schemas()) {
            Schema schema = new Schema.Parser().parse(Files.readString(BackupArchive.schemaFile(dir, id)));
            // A schema goes to the topic whose records it writes (the events' envelope, the results' record).
            if (TopicSchemas.valueSchema(copy.topic()).getFullName().equals(schema.getFullName())) {
                ids.put(id, codec.registerValueSchema(connection.topicPrefix + copy.topic(), schema));
            }
        }
        return ids;
    }

    private long restore(KafkaProducer<byte[], byte[]> producer, BackupArchive.TopicCopy copy,
                         Map<Integer, Integer> ids) throws IOException, InterruptedException {
        String target = connection.topicPrefix + copy.topic();
        long restored = 0;
        for (int p = 0; p < copy.partitions(); p++) {
            Progress progress = new Progress(System.out, copy.topic() + " #" + p);
            long expected = copy.records().get(p);
            long written = 0;
            Future<RecordMetadata> last = null;
            try (BackupArchive.RecordReader in = new BackupArchive.RecordReader(
                    BackupArchive.partitionFile(dir, copy.topic(), p))) {
                for (BackupArchive.CopiedRecord record = in.next(); record != null; record = in.next()) {
                    byte[] value = record.value();
                    if (copy.content() == BackupArchive.Content.AVRO && RegistryCodec.isFramed(value)) {
                        Integer id = ids.get(RegistryCodec.contentId(value));
                        if (id == null) {
                            throw new OpsFailure("a record of " + copy.topic() + " #" + p + " names schema "
                                    + RegistryCodec.contentId(value) + ", which the backup does not hold");
                        }
                        value = RegistryCodec.reframe(value, id);
                    }
                    last = producer.send(new ProducerRecord<>(target, p, record.timestamp(), record.key(), value,
                            record.headers()));
                    progress.show(++written, Math.max(expected, written));
                }
            }
            if (last != null) {
                try {
                    last.get();
                } catch (ExecutionException e) {
                    throw new OpsFailure("writing " + target + " #" + p + " failed: " + e.getCause().getMessage());
                }
            }
            progress.show(written, written);
            progress.done();
            if (written != expected) {
                throw new OpsFailure(copy.topic() + " #" + p + ": the backup's file holds " + written
                        + " records, its manifest says " + expected);
            }
            restored += written;
        }
        producer.flush();
        return restored;
    }

    /** Idempotent and in order: a partition's records arrive as they were, none twice. */
    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.CLIENT_ID_CONFIG, "ledgerline-ops-restore"));
    }
}
