package io.ledgerline.ops;

import io.ledgerline.log.PartitionScan;
import io.ledgerline.schemas.RegistryCodec;
import io.ledgerline.schemas.TopicSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backup", description = "Copy the log to a directory: the events, the command results (the"
        + " idempotency window) and the dead letters, every committed record of each partition, and the registry's"
        + " schemas those records were written with. Checkpoints are left out: they name offsets a restore does not"
        + " keep, and the command service makes new ones from the events.")
class BackupCommand implements Callable<Integer> {

    /**
     * The topics a stack cannot be rebuilt without, and what of each is kept. Commands are not: one not decided yet
     * has had no answer, and its sender retries it (by its command id, idempotently) against the restored stack.
     */
    static final Map<String, BackupArchive.Content> TOPICS = Map.of(
            TopicSchemas.QUEUE_EVENTS, BackupArchive.Content.AVRO,
            TopicSchemas.COMMAND_RESULTS, BackupArchive.Content.AVRO,
            "ledgerline.dead-letter.v1", BackupArchive.Content.BYTES,
            TopicSchemas.QUEUE_SNAPSHOTS, BackupArchive.Content.NONE);

    @Mixin
    Connection connection;

    @Option(names = "--to", required = true, description = "directory to write (new, or empty)")
    Path dir;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(dir) && (!Files.isDirectory(dir) || Files.list(dir).findAny().isPresent())) {
            throw new OpsFailure(dir + " exists and is not an empty directory");
        }
        Files.createDirectories(dir);
        long started = System.nanoTime();
        Set<Integer> contentIds = new TreeSet<>();
        List<BackupArchive.TopicCopy> copies = new ArrayList<>();
        long total = 0;
        try (Admin admin = connection.admin(); KafkaConsumer<String, byte[]> reader = connection.reader()) {
            for (String topic : new TreeSet<>(TOPICS.keySet())) {
                BackupArchive.TopicCopy copy = copy(admin, reader, topic, TOPICS.get(topic), contentIds);
                copies.add(copy);
                total += copy.records().stream().mapToLong(Long::longValue).sum();
            }
        }
        RegistryCodec codec = connection.codec();
        Files.createDirectories(dir.resolve("schemas"));
        for (int id : contentIds) {
            Files.writeString(BackupArchive.schemaFile(dir, id), codec.writerSchema(id).toString(true));
        }
        BackupArchive.writeManifest(dir, new BackupArchive.Manifest(BackupArchive.FORMAT, Instant.now().toString(),
                connection.topicPrefix, copies, List.copyOf(contentIds)));
        System.out.printf("backed up %,d records of %d topics and %d schemas to %s in %.1f s%n", total,
                copies.size(), contentIds.size(), dir, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private BackupArchive.TopicCopy copy(Admin admin, KafkaConsumer<String, byte[]> reader, String topic,
                                         BackupArchive.Content content, Set<Integer> contentIds) throws IOException {
        String source = connection.topicPrefix + topic;
        TopicDescription description;
        Config config;
        try {
            description = admin.describeTopics(List.of(source)).allTopicNames().get().get(source);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, source);
            config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        } catch (ExecutionException e) {
            throw new OpsFailure("cannot describe topic " + source + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsFailure("interrupted");
        }
        Map<String, String> settings = new TreeMap<>();
        for (ConfigEntry entry : config.entries()) {
            if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                settings.put(entry.name(), entry.value());
            }
        }
        int partitions = description.partitions().size();
        List<Long> counts = new ArrayList<>();
        for (int p = 0; p < partitions && content == BackupArchive.Content.NONE; p++) {
            counts.add(0L);
        }
        for (int p = 0; p < partitions && content != BackupArchive.Content.NONE; p++) {
            TopicPartition partition = new TopicPartition(source, p);
            long size = PartitionScan.end(reader, partition) - PartitionScan.beginning(reader, partition);
            Progress progress = new Progress(System.out, topic + " #" + p);
            long[] written = {0};
            try (BackupArchive.RecordWriter out = new BackupArchive.RecordWriter(
                    BackupArchive.partitionFile(dir, topic, p))) {
                PartitionScan.readToEnd(reader, partition, 0, record -> {
                    try {
                        out.write(record.key(), record.value(), record.timestamp(), record.headers());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (content == BackupArchive.Content.AVRO && RegistryCodec.isFramed(record.value())) {
                        contentIds.add(RegistryCodec.contentId(record.value()));
                    }
                    progress.show(++written[0], Math.max(size, written[0]));
                    return true;
                });
            }
            progress.show(written[0], written[0]);
            progress.done();
            counts.add(written[0]);
        }
        return new BackupArchive.TopicCopy(topic, partitions, settings, counts, content);
    }
}
