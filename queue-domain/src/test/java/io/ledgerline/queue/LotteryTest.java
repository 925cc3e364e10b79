package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.at;
import static io.ledgerline.queue.Fixtures.joined;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The opening lottery: committed by a hash, cut off at its time, drawn with the revealed seed, checkable by anyone. */
class LotteryTest {

    private static final String SEED = "0f3c9a51d2e84b7a9c1e6f20a4b8d3c5e7f9a1b3c5d7e9f1a3b5c7d9e1f3a5b7";
    private static final String HASH = Lottery.commitmentOf(SEED);
    private static final LotteryCommitted COMMITTED = new LotteryCommitted(Q, "sale-1", HASH, at(600));

    private static List<QueueEvent> fans(int count) {
        List<QueueEvent> history = new ArrayList<>(List.of(new QueueCreated(Q, "Sale", 10_000), COMMITTED));
        for (int i = 1; i <= count; i++) {
            history.add(joined("fan-" + i, Priority.NORMAL, i));
        }
        return history;
    }

    @Test
    void a_commitment_is_a_sha256_and_the_draw_time_is_the_next_timer() {
        assertThat(HASH).hasSize(64).isEqualTo(sha256Hex(SEED));
        given(new QueueCreated(Q, "Sale", 100)).when(new CommitLottery(Q, "sale-1", HASH, at(600), T0))
                .thenEvents(COMMITTED)
                .thenState(state -> {
                    assertThat(state.lottery().drawAt()).isEqualTo(at(600));
                    assertThat(QueueTimers.nextDue(state)).contains(at(600));
                    assertThat(QueueTimers.due(state, at(599))).isEmpty();
                });
        given(new QueueCreated(Q, "Sale", 100)).when(new CommitLottery(Q, "sale-1", "not a hash", at(600), T0))
                .thenRejected(RejectionReason.INVALID_COMMAND);
        given(fans(0)).when(new CommitLottery(Q, "sale-2", HASH, at(900), T0))
                .thenRejected(RejectionReason.INVALID_COMMAND).withDetailContaining("already has lottery sale-1");
    }

    @Test
    void at_its_time_the_draw_is_cut_off_at_the_last_ticket_and_nobody_is_called_until_it_is_drawn() {
        var committed = given(fans(3));
        assertThat(QueueTimers.due(committed.state(), at(600))).extracting(QueueTimers.TimerCommand::command)
                .containsExactly(new CutOffLottery(Q, at(600)));
        var cut = committed.and(new LotteryCutOff(Q, "sale-1", 3, at(600)));
        committed.when(new CutOffLottery(Q, at(601))).thenEvents(new LotteryCutOff(Q, "sale-1", 3, at(600)));
        cut.when(new CallNext(Q, at(601))).thenRejected(RejectionReason.INVALID_COMMAND)
                .withDetailContaining("drawing its opening lottery");
        assertThat(QueueTimers.due(cut.state(), at(601))).extracting(QueueTimers.TimerCommand::commandId)
                .containsExactly("timer.lottery-draw.sale-1");
        cut.when(new DrawLottery(Q, "sale-1", "a guess")).thenRejected(RejectionReason.INVALID_COMMAND)
                .withDetailContaining("does not match");
    }

    @Test
    void the_draw_shuffles_who_was_in_and_later_arrivals_stay_behind_in_order() {
        var cut = given(fans(6)).and(new LotteryCutOff(Q, "sale-1", 5, at(600)), new EntryLeft(Q, "fan-2"));
        Decision decision = QueueDecider.decide(new DrawLottery(Q, "sale-1", SEED), cut.state());
        List<QueueEvent> events = ((Decision.Accepted) decision).events();
        assertThat(events.get(0)).isEqualTo(new LotteryDrawn(Q, "sale-1", SEED, 4));
        EntriesReordered reordered = (EntriesReordered) events.get(1);
        // fan-2 left before the draw; fan-6 joined after the cut-off.
        assertThat(reordered.entryIds()).containsExactlyInAnyOrder("fan-1", "fan-3", "fan-4", "fan-5");
        assertThat(reordered.entryIds()).isEqualTo(drawByTheDocumentedRecipe(SEED,
                List.of("fan-1", "fan-3", "fan-4", "fan-5")));
        assertThat(reordered.orderKeys()).containsExactly(CallingOrder.strictKey(Priority.NORMAL, 1),
                CallingOrder.strictKey(Priority.NORMAL, 3), CallingOrder.strictKey(Priority.NORMAL, 4),
                CallingOrder.strictKey(Priority.NORMAL, 5));

        QueueState drawn = cut.state();
        for (QueueEvent event : events) {
            drawn = QueueDecider.evolve(drawn, event);
        }
        List<String> line = new ArrayList<>(reordered.entryIds());
        line.add("fan-6");
        assertThat(drawn.waitingInOrder()).extracting(Entry::entryId).containsExactlyElementsOf(line);
        assertThat(drawn.lottery()).isNull();
        assertThat(QueueDecider.decide(new CallNext(Q, at(700)), drawn)).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void a_large_draw_is_listed_a_thousand_entries_an_event_and_anyone_can_re_derive_it_from_the_log() {
        List<QueueEvent> log = new ArrayList<>(fans(2_500));
        log.add(new LotteryCutOff(Q, "sale-1", 2_500, at(600)));
        QueueState before = QueueDecider.replay(log);
        List<QueueEvent> draw = ((Decision.Accepted) QueueDecider.decide(new DrawLottery(Q, "sale-1", SEED), before))
                .events();
        assertThat(draw).hasSize(4);
        log.addAll(draw);

        // A checker with nothing but the log: the commitment, the cut-off, who was waiting, the seed, the order.
        LotteryCommitted commitment = only(log, LotteryCommitted.class);
        LotteryCutOff cutOff = only(log, LotteryCutOff.class);
        LotteryDrawn drawn = only(log, LotteryDrawn.class);
        assertThat(sha256Hex(drawn.seed())).isEqualTo(commitment.seedHash());
        List<String> participants = log.stream().filter(EntryJoined.class::isInstance).map(EntryJoined.class::cast)
                .filter(joined -> joined.ticket() <= cutOff.lastTicket()).map(EntryJoined::entryId).toList();
        List<String> published = log.stream().filter(EntriesReordered.class::isInstance)
                .flatMap(e -> ((EntriesReordered) e).entryIds().stream()).toList();
        assertThat(published).hasSize(drawn.participants())
                .isEqualTo(drawByTheDocumentedRecipe(drawn.seed(), participants));
        assertThat(QueueDecider.replay(log).waitingInOrder()).extracting(Entry::entryId).isEqualTo(published);
    }

    /** Written from the recipe in {@link Lottery}'s documentation, not by calling it. */
    private static List<String> drawByTheDocumentedRecipe(String seed, List<String> inTicketOrder) {
        List<String> p = new ArrayList<>(inTicketOrder);
        for (int i = p.size() - 1; i >= 1; i--) {
            byte[] digest = sha256(seed + ":" + i);
            BigInteger u = new BigInteger(1, java.util.Arrays.copyOf(digest, 8));
            int j = u.mod(BigInteger.valueOf(i + 1L)).intValue();
            String swap = p.get(i);
            p.set(i, p.get(j));
            p.set(j, swap);
        }
        return p;
    }

    private static <T> T only(List<QueueEvent> log, Class<T> type) {
        List<T> found = log.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
