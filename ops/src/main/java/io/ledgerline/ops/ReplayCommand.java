package io.ledgerline.ops;

import io.ledgerline.log.HistoryPoint;
import io.ledgerline.log.QueueHistory;
import io.ledgerline.queue.Entry;
import io.ledgerline.queue.QueueDigest;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "replay", description = "A queue's state at a point of its past, replayed from the log by the domain:"
        + " from the newest checkpoint before that point, plus the events after it.")
class ReplayCommand implements Callable<Integer> {

    static class Point {
        @Option(names = "--at-sequence", description = "just after the queue's event with this sequence")
        Long sequence;
        @Option(names = "--at-time", description = "just after the queue's last event at or before this ISO-8601"
                + " instant, e.g. 2026-11-24T09:30:00Z")
        Instant time;
    }

    @Mixin
    Connection connection;

    @Option(names = "--queue", required = true, description = "the queue's id")
    String queueId;

    @ArgGroup(exclusive = true)
    Point point;

    @Option(names = "--limit", defaultValue = "20", description = "places of the line to print (default: 20)")
    int limit;

    @Override
    public Integer call() {
        HistoryPoint at = point == null ? HistoryPoint.NOW
                : point.sequence != null ? HistoryPoint.atSequence(point.sequence) : HistoryPoint.atTime(point.time);
        try (KafkaConsumer<String, byte[]> reader = connection.reader()) {
            QueueHistory.Replayed replayed = new QueueHistory(reader, connection.codec(), connection.eventsTopic(),
                    connection.snapshotsTopic()).replay(queueId, at);
            print(replayed, at, limit, System.out);
            return replayed.exists() ? 0 : 1;
        }
    }

    static void print(QueueHistory.Replayed replayed, HistoryPoint at, int limit, PrintStream out) {
        out.printf("queue %s at %s%n", replayed.queueId(), at);
        out.printf("  replayed  %,d events from %s (%,d records read) in %d ms%n", replayed.eventsApplied(),
                replayed.checkpointSequence() > 0 ? "the checkpoint at sequence " + replayed.checkpointSequence()
                        : "the beginning", replayed.recordsRead(), replayed.took().toMillis());
        if (!replayed.exists()) {
            out.println("  the queue did not exist then");
            return;
        }
        List<Entry> line = replayed.state().waitingInOrder();
        out.printf("  status    %s at sequence %d (last event %s)%n", replayed.state().status(), replayed.sequence(),
                replayed.lastEventAt());
        out.printf("  waiting   %,d%n", line.size());
        for (int i = 0; i < Math.min(limit, line.size()); i++) {
            Entry e = line.get(i);
            out.printf("  %6d  %-10s %-40s %-7s joined %s%n", i + 1, e.number(), e.entryId(), e.priority(),
                    e.joinedAt());
        }
        if (line.size() > limit) {
            out.printf("  … %,d more%n", line.size() - limit);
        }
        replayed.state().activeEntries().stream().filter(e -> !e.callable()).limit(limit).forEach(e ->
                out.printf("       -  %-10s %-40s %-7s %s%n", e.number(), e.entryId(), e.priority(),
                        QueueDigest.visibleStatus(e)));
    }
}
