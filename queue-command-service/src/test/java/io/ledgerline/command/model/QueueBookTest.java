package io.ledgerline.command.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.queue.CallNext;
import io.ledgerline.queue.CreateQueue;
import io.ledgerline.queue.EntryCalled;
import io.ledgerline.queue.EntryJoined;
import io.ledgerline.queue.JoinQueue;
import io.ledgerline.queue.Priority;
import io.ledgerline.queue.QueueCreated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueBookTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private final QueueBook book = new QueueBook(100);

    @Test
    void accepted_commands_get_consecutive_sequences_and_name_their_entry() {
        Handling created = book.handle(0, "c1", new CreateQueue("q", "Clinic", 10));
        Handling joined = book.handle(0, "c2", new JoinQueue("q", "ann", Priority.NORMAL, T0));
        Handling called = book.handle(0, "c3", new CallNext("q", T0.plusSeconds(5)));

        assertThat(created.outcome()).isEqualTo(new CommandOutcome.Accepted(1, 1, null));
        assertThat(joined.outcome()).isEqualTo(new CommandOutcome.Accepted(2, 2, "ann"));
        assertThat(called.outcome()).isEqualTo(new CommandOutcome.Accepted(3, 3, "ann"));
        assertThat(called.events()).singleElement().satisfies(e -> {
            assertThat(e.sequence()).isEqualTo(3);
            assertThat(e.event()).isInstanceOf(EntryCalled.class);
        });
    }

    @Test
    void a_repeated_command_id_returns_the_first_outcome_and_appends_nothing() {
        book.handle(0, "c1", new CreateQueue("q", "Clinic", 10));
        Handling first = book.handle(0, "c2", new JoinQueue("q", "ann", Priority.NORMAL, T0));

        Handling again = book.handle(0, "c2", new JoinQueue("q", "ann", Priority.NORMAL, T0));

        assertThat(again.repeated()).isTrue();
        assertThat(again.events()).isEmpty();
        assertThat(again.outcome()).isEqualTo(first.outcome());
        assertThat(book.lastSequence("q")).isEqualTo(2);
    }

    @Test
    void rejections_carry_the_reason_and_are_remembered_too() {
        Handling rejected = book.handle(0, "c1", new JoinQueue("nowhere", "ann", Priority.NORMAL, T0));

        assertThat(rejected.outcome()).isInstanceOfSatisfying(CommandOutcome.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("QUEUE_NOT_FOUND"));
        book.handle(0, "c2", new CreateQueue("nowhere", "Now here", 5));
        assertThat(book.handle(0, "c1", new JoinQueue("nowhere", "ann", Priority.NORMAL, T0)).outcome())
                .isEqualTo(rejected.outcome());
    }

    @Test
    void replaying_the_appended_events_rebuilds_state_and_outcomes() {
        List<Handling> written = new ArrayList<>();
        written.add(book.handle(2, "c1", new CreateQueue("q", "Clinic", 10)));
        written.add(book.handle(2, "c2", new JoinQueue("q", "ann", Priority.LOW, T0)));
        written.add(book.handle(2, "c3", new JoinQueue("q", "bob", Priority.URGENT, T0)));
        written.add(book.handle(2, "c4", new CallNext("q", T0.plusSeconds(1))));

        QueueBook rebuilt = new QueueBook(100);
        String[] causes = {"c1", "c2", "c3", "c4"};
        for (int i = 0; i < written.size(); i++) {
            for (SequencedEvent e : written.get(i).events()) {
                rebuilt.replay(2, e.sequence(), e.event(), causes[i]);
            }
        }

        assertThat(rebuilt.state("q")).isEqualTo(book.state("q"));
        assertThat(rebuilt.lastSequence("q")).isEqualTo(4);
        assertThat(rebuilt.handle(2, "c4", new CallNext("q", T0)).outcome())
                .isEqualTo(new CommandOutcome.Accepted(4, 4, "bob"));
    }

    @Test
    void replay_skips_what_it_has_and_refuses_a_gap() {
        book.replay(0, 1, new QueueCreated("q", "Clinic", 10), "c1");
        book.replay(0, 1, new QueueCreated("q", "Clinic", 10), "c1");
        assertThat(book.lastSequence("q")).isEqualTo(1);

        assertThatThrownBy(() -> book.replay(0, 3, new EntryJoined("q", "ann", Priority.HIGH, 1, T0), "c3"))
                .isInstanceOf(SequenceGapException.class)
                .hasMessageContaining("expected event sequence 2 but found 3");
    }

    @Test
    void forgetting_a_partition_drops_only_its_queues() {
        book.handle(0, "c1", new CreateQueue("a", "A", 1));
        book.handle(1, "c2", new CreateQueue("b", "B", 1));

        book.forget(0);

        assertThat(book.state("a")).isEmpty();
        assertThat(book.state("b")).isPresent();
    }
}
