package io.ledgerline.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.log.PartitionScan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rebuild", description = "Rebuilds a read model from the beginning of the log, then follows it until"
        + " it has caught up with the log as it was when the rebuild began, with its rate and the time left.")
class RebuildCommand implements Callable<Integer> {

    enum Projection { positions, history }

    @Mixin
    Connection connection;

    @Option(names = "--projection", required = true, description = "positions or history (one service keeps both:"
            + " either name rebuilds both)")
    Projection projection;

    @Option(names = "--no-wait", description = "start the rebuild and return")
    boolean noWait;

    @Option(names = "--timeout", defaultValue = "PT30M", description = "how long to follow it (default: PT30M)")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = connection.admin()) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(connection.eventsTopic())).allTopicNames()
                    .get().get(connection.eventsTopic()).partitions().stream()
                    .map(p -> new TopicPartition(connection.eventsTopic(), p.partition())).toList();
            Map<TopicPartition, Long> beginning = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> target = pastLastRecords(partitions);
            JsonNode answer = connection.projectionApi().rebuild();
            System.out.printf("%s: %s%n", answer.path("state").asText(), answer.path("detail").asText());
            if (noWait || !"REPLAYING".equals(answer.path("state").asText())) {
                return 0;
            }
            long total = target.values().stream().mapToLong(Long::longValue).sum()
                    - beginning.values().stream().mapToLong(Long::longValue).sum();
            Progress progress = new Progress(System.out, "rebuilding " + projection);
            long started = System.nanoTime();
            long deadline = started + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                long done = applied(admin, partitions, beginning, target);
                progress.show(done, total);
                if (done >= total) {
                    progress.done();
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("rebuilt: %,d events in %.1f s (%,.0f events/s)%n", total, seconds,
                            total / Math.max(seconds, 1e-3));
                    return 0;
                }
                Thread.sleep(200);
            }
            progress.done();
            System.out.println("still rebuilding after " + timeout + "; it carries on in the projection");
            return 1;
        }
    }

    /** Events the projection's group has committed since the beginning, each partition counted up to its target. */
    private long applied(Admin admin, List<TopicPartition> partitions, Map<TopicPartition, Long> beginning,
                         Map<TopicPartition, Long> target) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets(connection.projectionGroup()).partitionsToOffsetAndMetadata().get();
        long done = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata at = committed.get(p);
            long offset = at == null ? beginning.get(p) : at.offset();
            done += Math.max(0, Math.min(offset, target.get(p)) - beginning.get(p));
        }
        return done;
    }

    /**
     * Per partition, the offset just past its last committed record: what the projection commits once it has applied
     * everything. The log's end is further on (transaction markers, aborted records), and a consumer never commits it.
     */
    private Map<TopicPartition, Long> pastLastRecords(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> past = new java.util.HashMap<>();
        try (KafkaConsumer<String, byte[]> reader = connection.reader()) {
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            Map<TopicPartition, Long> starts = reader.beginningOffsets(partitions);
            for (TopicPartition p : partitions) {
                long start = starts.get(p);
                long end = ends.get(p);
                long[] last = {start};
                for (long window = 64; ; window *= 4) {
                    long from = Math.max(start, end - window);
                    PartitionScan.read(reader, p, from, end, record -> {
                        last[0] = Math.max(last[0], record.offset() + 1);
                        return true;
                    });
                    if (last[0] > start || from == start) {
                        break;
                    }
                }
                past.put(p, last[0]);
            }
        }
        return past;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all().get();
        return found.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
