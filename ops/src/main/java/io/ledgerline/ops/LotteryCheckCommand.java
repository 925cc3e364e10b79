package io.ledgerline.ops;

import io.ledgerline.log.HistoryPoint;
import io.ledgerline.log.QueueHistory;
import io.ledgerline.queue.EntriesReordered;
import io.ledgerline.queue.Entry;
import io.ledgerline.queue.LotteryCommitted;
import io.ledgerline.queue.LotteryCutOff;
import io.ledgerline.queue.LotteryDrawn;
import io.ledgerline.queue.QueueDecider;
import io.ledgerline.queue.QueueEvent;
import io.ledgerline.queue.QueueState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Checks a queue's last opening lottery from the events topic alone, as anyone with read access could: the revealed
 * seed matches the commitment made before anyone could know it, and the published order is the documented shuffle of
 * exactly the entries that were waiting at the cut-off. The shuffle is written out here from its description, not
 * taken from the service's code.
 */
@Command(name = "lottery-check", description = "Re-derives a queue's last lottery from its revealed seed: exit status 0"
        + " when the seed matches the commitment and the order is the documented shuffle of who was in.")
class LotteryCheckCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--queue", required = true, description = "the queue's id")
    String queueId;

    @Override
    public Integer call() throws Exception {
        List<QueueEvent> log = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = connection.reader()) {
            new QueueHistory(reader, connection.codec(), connection.eventsTopic(), connection.snapshotsTopic())
                    .replayEveryEvent(queueId, HistoryPoint.NOW, (envelope, event, before, after) -> log.add(event));
        }
        int drawAt = -1;
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i) instanceof LotteryDrawn) {
                drawAt = i;
            }
        }
        if (drawAt < 0) {
            System.out.println("queue " + queueId + " has drawn no lottery (" + log.size() + " events read)");
            return 2;
        }
        LotteryDrawn drawn = (LotteryDrawn) log.get(drawAt);
        LotteryCommitted commitment = last(log.subList(0, drawAt), LotteryCommitted.class);
        LotteryCutOff cutOff = last(log.subList(0, drawAt), LotteryCutOff.class);
        QueueState before = QueueDecider.replay(log.subList(0, drawAt));
        List<String> participants = before.activeEntries().stream()
                .filter(entry -> entry.inLine() && entry.ticket() <= cutOff.lastTicket())
                .map(Entry::entryId).toList();
        List<String> published = new ArrayList<>();
        for (QueueEvent event : log.subList(drawAt + 1, log.size())) {
            if (!(event instanceof EntriesReordered reordered)) {
                break;
            }
            published.addAll(reordered.entryIds());
        }

        boolean seedMatches = hex(sha256(drawn.seed())).equals(commitment.seedHash());
        boolean orderMatches = published.equals(shuffle(drawn.seed(), participants));
        System.out.printf("lottery %s of queue %s%n", drawn.lotteryId(), queueId);
        System.out.printf("  committed  seedHash %s, to draw at %s%n", commitment.seedHash(), commitment.drawAt());
        System.out.printf("  cut off    at ticket %d (%s): %d entries in the draw%n", cutOff.lastTicket(),
                cutOff.cutOffAt(), participants.size());
        System.out.printf("  revealed   seed %s: SHA-256 %s the commitment%n", drawn.seed(),
                seedMatches ? "matches" : "DOES NOT MATCH");
        System.out.printf("  drawn      %s%n", published.size() <= 10 ? published
                : published.subList(0, 10) + " … (" + published.size() + ")");
        System.out.printf("  re-derived %s%n", orderMatches ? "the same order from the seed: the draw checks"
                : "A DIFFERENT ORDER: " + shuffle(drawn.seed(), participants));
        return seedMatches && orderMatches ? 0 : 1;
    }

    /** Fisher-Yates from the end; j = (first 8 bytes of SHA-256(seed + ":" + i), unsigned) mod (i + 1). */
    static List<String> shuffle(String seed, List<String> inTicketOrder) throws Exception {
        List<String> p = new ArrayList<>(inTicketOrder);
        for (int i = p.size() - 1; i >= 1; i--) {
            long u = ByteBuffer.wrap(sha256(seed + ":" + i), 0, 8).getLong();
            int j = (int) Long.remainderUnsigned(u, i + 1L);
            String swap = p.get(i);
            p.set(i, p.get(j));
            p.set(j, swap);
        }
        return p;
    }

    private static <T> T last(List<QueueEvent> log, Class<T> type) {
        T found = null;
        for (QueueEvent event : log) {
            if (type.isInstance(event)) {
                found = type.cast(event);
            }
        }
        if (found == null) {
            throw new IllegalStateException("the log has no " + type.getSimpleName() + " before the draw");
        }
        return found;
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
