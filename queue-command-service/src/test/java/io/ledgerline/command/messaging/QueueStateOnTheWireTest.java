package io.ledgerline.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.log.EventPayloads;
import io.ledgerline.log.SnapshotParts;
import io.ledgerline.command.model.QueueCheckpoint;
import io.ledgerline.command.model.SequencedEvent;
import io.ledgerline.queue.CallNext;
import io.ledgerline.queue.CreateQueue;
import io.ledgerline.queue.Decision;
import io.ledgerline.queue.JoinQueue;
import io.ledgerline.queue.Ordering;
import io.ledgerline.queue.Priority;
import io.ledgerline.queue.PromoteAgedEntries;
import io.ledgerline.queue.QueueCommand;
import io.ledgerline.queue.QueueDecider;
import io.ledgerline.queue.QueueEvent;
import io.ledgerline.queue.QueueSettings;
import io.ledgerline.queue.QueueState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A queue survives the trip through Avro: a weighted, aging one with its settings, every event that places an entry
 * with its order key and a checkpoint with the virtual time; a transfer under way with the entry details it carries;
 * so a new owner decides exactly as the old one would have.
 */
class QueueStateOnTheWireTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Ordering CLINIC = new Ordering(
            Map.of(Priority.URGENT, 8, Priority.HIGH, 4, Priority.NORMAL, 2, Priority.LOW, 1),
            Map.of(Priority.LOW, Duration.ofSeconds(30), Priority.NORMAL, Duration.ofMinutes(2)));

    private final EventMapper events = new EventMapper();

    @Test
    void events_and_a_checkpoint_of_a_weighted_queue_come_back_equal() {
        Played played = play(new CreateQueue("q", "Clinic", 50, QueueSettings.DEFAULT.withOrdering(CLINIC)),
                new JoinQueue("q", "u1", Priority.URGENT, T0), new JoinQueue("q", "l1", Priority.LOW, T0),
                new JoinQueue("q", "n1", Priority.NORMAL, T0.plusSeconds(1)), new CallNext("q", T0.plusSeconds(2)),
                new PromoteAgedEntries("q", T0.plusSeconds(40)));

        QueueState restored = assertRoundTrips(played, 2);
        assertThat(restored.virtualTime()).isPositive();
        assertThat(restored.settings().ordering()).isEqualTo(CLINIC);
        assertThat(played.log()).extracting(e -> e.getClass().getSimpleName()).contains("EntryPromoted");
    }

    @Test
    void a_transfer_under_way_and_its_forwarded_join_come_back_equal_with_the_entry_details() {
        var details = new io.ledgerline.queue.EntryDetails("callback", "CRM 7", "p-7", Map.of("lang", "es"));
        Played played = play(new CreateQueue("q", "Desk", 5), new JoinQueue("q", "ann", Priority.HIGH, T0, null, details),
                new io.ledgerline.queue.TransferEntry("q", "ann", "annex", "shorter line"));

        QueueState restored = assertRoundTrips(played, 10);
        assertThat(restored.entry("ann").orElseThrow().transferTo()).isEqualTo("annex");
        var started = (io.ledgerline.queue.EntryTransferStarted) played.log().get(played.log().size() - 1);
        CommandMapper commands = new CommandMapper();
        var join = started.forwardedJoin(T0.plusSeconds(1));
        assertThat(commands.toDomain(commands.toAvro("c.transfer.ann", null, "it", T0, join))).isEqualTo(join);
    }

    @Test
    void a_waiting_room_with_admissions_out_comes_back_equal() {
        var room = QueueSettings.DEFAULT.withAdmission(io.ledgerline.queue.Admission.automatic(120, 2,
                Duration.ofMinutes(10)));
        Played played = play(new CreateQueue("q", "Sale", 50, room),
                new JoinQueue("q", "f1", Priority.NORMAL, T0), new JoinQueue("q", "f2", Priority.NORMAL, T0),
                new io.ledgerline.queue.AdmitDueEntries("q", T0.plusSeconds(1)),
                new io.ledgerline.queue.AdmitDueEntries("q", T0.plusSeconds(2)));

        QueueState restored = assertRoundTrips(played, 10);
        assertThat(restored.admittedCount()).isEqualTo(2);
        assertThat(restored.lastAdmissionAt()).isNotNull();
    }

    @Test
    void an_entry_held_for_two_services_elsewhere_and_its_bulk_commands_come_back_equal() {
        var pat = new io.ledgerline.queue.EntryDetails(null, null, "pat", Map.of());
        var xray = new io.ledgerline.queue.ServedElsewhere("x-ray", "pat-x");
        var lab = new io.ledgerline.queue.ServedElsewhere("lab", "pat-l");
        Played played = play(new CreateQueue("q", "Desk", 5, QueueSettings.DEFAULT.holdingWhileServedElsewhere(true)),
                new JoinQueue("q", "pat", Priority.NORMAL, T0, null, pat),
                new io.ledgerline.queue.HoldForServiceElsewhere("q", "pat", xray),
                new io.ledgerline.queue.HoldForServiceElsewhere("q", "pat", lab),
                new io.ledgerline.queue.ReturnFromServiceElsewhere("q", "pat", lab));

        QueueState restored = assertRoundTrips(played, 10);
        assertThat(restored.entry("pat").orElseThrow().servedElsewhere()).containsExactly(xray);
        assertThat(restored.settings().holdWhileServedElsewhere()).isTrue();
        CommandMapper commands = new CommandMapper();
        for (io.ledgerline.queue.BulkCommand bulk : List.of(new io.ledgerline.queue.HoldPersonEntries("pat", xray),
                new io.ledgerline.queue.ReturnPersonEntries("pat", xray))) {
            var envelope = commands.toAvro("c.hold.pat-x.p3", null, "it", T0, bulk, 3);
            assertThat(commands.isBulk(envelope)).isTrue();
            assertThat(envelope.getQueueId()).isEqualTo("partition-3");
            assertThat(commands.toBulk(envelope)).isEqualTo(bulk);
        }
    }

    private record Played(QueueState state, List<QueueEvent> log) {}

    /** Decides each command (each must be accepted) and applies its events. */
    private static Played play(QueueCommand... commands) {
        QueueState state = QueueDecider.initialState();
        List<QueueEvent> log = new ArrayList<>();
        for (QueueCommand command : commands) {
            for (QueueEvent event : ((Decision.Accepted) QueueDecider.decide(command, state)).events()) {
                state = QueueDecider.evolve(state, event);
                log.add(event);
            }
        }
        return new Played(state, log);
    }

    /** Every event through Avro and back is the same event; the state through a checkpoint is the same state. */
    private QueueState assertRoundTrips(Played played, int partEntries) {
        long sequence = 0;
        for (QueueEvent event : played.log()) {
            assertThat(EventPayloads.toDomain(events.toAvro(new SequencedEvent(++sequence, event), "c", "it", T0, "term")))
                    .isEqualTo(event);
        }
        SnapshotMapper snapshots = new SnapshotMapper();
        QueueState restored = SnapshotParts.toDomain(snapshots.toAvro(new QueueCheckpoint("q", played.state(), sequence, 0),
                0, T0, partEntries));
        assertThat(restored).isEqualTo(played.state());
        return restored;
    }
}
