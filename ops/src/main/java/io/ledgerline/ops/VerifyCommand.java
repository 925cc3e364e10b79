package io.ledgerline.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.log.HistoryPoint;
import io.ledgerline.log.QueueHistory;
import io.ledgerline.queue.QueueDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", description = "Replays the log with the domain and compares the read models with it, queue"
        + " by queue, by digest at the sequence the read models reflect. Exit status 1 when any queue differs.")
class VerifyCommand implements Callable<Integer> {

    private static final int SHOWN_LINES = 5;

    @Mixin
    Connection connection;

    @Option(names = "--queue", description = "verify this queue (repeatable; default: every queue of the log and of"
            + " the read models)")
    List<String> queueIds;

    @Override
    public Integer call() {
        ProjectionApi projection = connection.projectionApi();
        try (KafkaConsumer<String, byte[]> reader = connection.reader()) {
            Set<String> queues = new TreeSet<>();
            if (queueIds != null && !queueIds.isEmpty()) {
                queues.addAll(queueIds);
            } else {
                queues.addAll(QueueIds.inLog(reader, connection.eventsTopic()));
                queues.addAll(projection.queueIds());
            }
            QueueHistory history = new QueueHistory(reader, connection.codec(), connection.eventsTopic(),
                    connection.snapshotsTopic());
            List<String> differing = new ArrayList<>();
            Progress progress = new Progress(System.err, "verifying queues");
            int done = 0;
            for (String queue : queues) {
                Optional<String> difference = verify(queue, history, projection);
                progress.show(++done, queues.size());
                difference.ifPresent(d -> {
                    differing.add(queue);
                    System.out.println();
                    System.out.println(d);
                });
            }
            progress.done();
            System.out.printf("%d queues verified: %s%n", queues.size(), differing.isEmpty()
                    ? "the read models agree with the log"
                    : differing.size() + " differ: " + String.join(", ", differing));
            return differing.isEmpty() ? 0 : 1;
        }
    }

    /** The difference between the read models and the log for one queue, if any. */
    private static Optional<String> verify(String queue, QueueHistory history, ProjectionApi projection) {
        Optional<JsonNode> digest = projection.digest(queue, null);
        if (digest.isEmpty()) {
            QueueHistory.Replayed replayed = history.replay(queue, HistoryPoint.NOW);
            return replayed.exists() ? Optional.of("DIFFERS  queue " + queue + ": the read models do not know it;"
                    + " the log has it at sequence " + replayed.sequence()) : Optional.empty();
        }
        long sequence = digest.get().get("sequence").asLong();
        QueueHistory.Replayed replayed = history.replay(queue, HistoryPoint.atSequence(sequence));
        if (replayed.sequence() != sequence) {
            return Optional.of("DIFFERS  queue " + queue + ": the read models reflect sequence " + sequence
                    + " but the log ends at " + replayed.sequence());
        }
        QueueDigest.Digest expected = QueueDigest.of(replayed.state());
        if (expected.root().equals(digest.get().get("root").asText())) {
            return Optional.empty();
        }
        StringBuilder report = new StringBuilder("DIFFERS  queue " + queue + " at sequence " + sequence);
        JsonNode leaves = digest.get().get("leaves");
        for (int i = 0; i < Math.max(expected.leaves().size(), leaves.size()); i++) {
            QueueDigest.Leaf mine = i < expected.leaves().size() ? expected.leaves().get(i) : null;
            JsonNode theirs = i < leaves.size() ? leaves.get(i) : null;
            if (mine != null && theirs != null && mine.section().equals(theirs.get("section").asText())
                    && mine.from() == theirs.get("from").asInt() && mine.hash().equals(theirs.get("hash").asText())) {
                continue;
            }
            QueueDigest.Leaf leaf = mine != null ? mine : new QueueDigest.Leaf(theirs.get("section").asText(),
                    theirs.get("from").asInt(), theirs.get("lines").asInt(), theirs.get("hash").asText());
            report.append("\n  ").append(describe(leaf));
            List<String> logLines = mine == null ? List.of() : QueueDigest.leafLines(replayed.state(), mine);
            List<String> modelLines = new ArrayList<>();
            projection.digest(queue, i).ifPresent(d -> d.get("lines").forEach(l -> modelLines.add(l.asText())));
            report.append(lineDifferences(leaf, logLines, modelLines));
            break; // the first differing leaf names the place; the operator rebuilds the queue's read model anyway
        }
        return Optional.of(report.toString());
    }

    private static String describe(QueueDigest.Leaf leaf) {
        return switch (leaf.section()) {
            case "queue" -> "the queue's status differs";
            case "line" -> "the waiting line differs within places " + leaf.from() + "-"
                    + (leaf.from() + QueueDigest.LEAF_LINES - 1);
            default -> "the entries outside the line (called, held, admitted, ...) differ";
        };
    }

    private static String lineDifferences(QueueDigest.Leaf leaf, List<String> log, List<String> model) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.max(log.size(), model.size()) && shown < SHOWN_LINES; i++) {
            String expected = i < log.size() ? log.get(i) : "<nothing>";
            String actual = i < model.size() ? model.get(i) : "<nothing>";
            if (!expected.equals(actual)) {
                String where = leaf.section().equals("line") ? "place " + (leaf.from() + i) : "line " + (i + 1);
                out.append("\n    ").append(where).append(": log says ").append(expected.replace('\t', ' '))
                        .append(", read model says ").append(actual.replace('\t', ' '));
                shown++;
            }
        }
        return out.toString();
    }
}
