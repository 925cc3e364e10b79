package io.ledgerline.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.log.HistoryPoint;
import io.ledgerline.log.QueueHistory;
import io.ledgerline.queue.AdmissionExpired;
import io.ledgerline.queue.EntriesClosedOut;
import io.ledgerline.queue.EntryCompleted;
import io.ledgerline.queue.EntryFailed;
import io.ledgerline.queue.EntryLeft;
import io.ledgerline.queue.EntryMarkedNoShow;
import io.ledgerline.queue.EntryTransferredOut;
import io.ledgerline.queue.EntriesReordered;
import io.ledgerline.queue.QueueClosed;
import io.ledgerline.queue.QueueDigest;
import io.ledgerline.queue.QueueEvent;
import io.ledgerline.queue.QueueState;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import ledgerline.queue.v1.QueueEventEnvelope;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", description = "A queue's entry-level history for analysts: one row per entry an event"
        + " touched, with the entry's status and rank just after it, and who acted.")
class ExportCommand implements Callable<Integer> {

    enum Format { csv, jsonl }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HEADER = "sequence,occurred_at,event,entry_id,status,rank,priority,actor";

    @Mixin
    Connection connection;

    @Option(names = "--queue", required = true, description = "the queue's id")
    String queueId;

    @Option(names = "--format", defaultValue = "csv", description = "csv or jsonl (default: csv)")
    Format format;

    @Option(names = "--out", description = "file to write (default: standard output)")
    Path out;

    @Override
    public Integer call() throws IOException {
        try (Writer writer = out == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(out);
             KafkaConsumer<String, byte[]> reader = connection.reader()) {
            if (format == Format.csv) {
                writer.write(HEADER + "\n");
            }
            QueueHistory.Replayed replayed = new QueueHistory(reader, connection.codec(), connection.eventsTopic(),
                    connection.snapshotsTopic()).replayEveryEvent(queueId, HistoryPoint.NOW,
                    (envelope, event, before, after) -> rows(envelope, event, before, after, writer));
            writer.flush();
            System.err.printf("%,d events of queue %s exported%n", replayed.eventsApplied(), queueId);
            return replayed.exists() ? 0 : 1;
        }
    }

    private void rows(QueueEventEnvelope envelope, QueueEvent event, QueueState before, QueueState after,
                      Writer writer) {
        List<String> touched = entriesOf(event);
        if (touched.isEmpty()) {
            row(envelope, event, null, after.status() == null ? "" : after.status().name(), OptionalInt.empty(), "",
                    writer);
        }
        for (String entryId : touched) {
            var now = after.entry(entryId);
            String priority = now.or(() -> before.entry(entryId)).map(e -> e.priority().name()).orElse("");
            row(envelope, event, entryId, now.map(QueueDigest::visibleStatus).orElse(finalStatus(event)),
                    after.rankOf(entryId), priority, writer);
        }
    }

    /** The status an entry ends with when this event takes it out of the queue (the read models' names). */
    static String finalStatus(QueueEvent event) {
        return switch (event) {
            case EntryCompleted e -> "COMPLETED";
            case EntryLeft e -> "LEFT";
            case EntryMarkedNoShow e -> "NO_SHOW";
            case EntryTransferredOut e -> "TRANSFERRED";
            case EntryFailed e -> "FAILED";
            case AdmissionExpired e -> "EXPIRED";
            case EntriesClosedOut e -> "CLOSED_OUT";
            case QueueClosed e -> "CLOSED_OUT";
            default -> "ENDED";
        };
    }

    /** The entries an event is about: its {@code entryId}, or the list a bulk event carries. */
    static List<String> entriesOf(QueueEvent event) {
        return switch (event) {
            case EntriesReordered e -> e.entryIds();
            case EntriesClosedOut e -> e.entryIds();
            case QueueClosed e -> e.closedOut();
            default -> {
                for (RecordComponent c : event.getClass().getRecordComponents()) {
                    if (c.getName().equals("entryId")) {
                        try {
                            yield List.of((String) c.getAccessor().invoke(event));
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                yield List.of();
            }
        };
    }

    private void row(QueueEventEnvelope envelope, QueueEvent event, String entryId, String status, OptionalInt rank,
                     String priority, Writer writer) {
        String name = event.getClass().getSimpleName();
        try {
            if (format == Format.csv) {
                writer.write(String.join(",", Long.toString(envelope.getSequence()),
                        envelope.getOccurredAt().toString(), name, csv(entryId), status,
                        rank.isPresent() ? Integer.toString(rank.getAsInt()) : "", priority,
                        csv(envelope.getActor())) + "\n");
            } else {
                ObjectNode row = JSON.createObjectNode().put("sequence", envelope.getSequence())
                        .put("occurredAt", envelope.getOccurredAt().toString()).put("event", name)
                        .put("entryId", entryId).put("status", status).put("priority", priority)
                        .put("actor", envelope.getActor());
                if (rank.isPresent()) {
                    row.put("rank", rank.getAsInt());
                }
                writer.write(JSON.writeValueAsString(row) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
