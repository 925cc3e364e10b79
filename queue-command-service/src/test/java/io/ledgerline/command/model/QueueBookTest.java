package io.ledgerline.command.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.queue.CallNext;
import io.ledgerline.queue.CreateQueue;
import io.ledgerline.queue.EntryCalled;
import io.ledgerline.queue.EntryJoined;
import io.ledgerline.queue.JoinQueue;
import io.ledgerline.queue.PauseQueue;
import io.ledgerline.queue.SleepQueue;
import io.ledgerline.queue.WakeQueue;
import io.ledgerline.queue.Priority;
import io.ledgerline.queue.QueueCreated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueBookTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private final QueueBook book = new QueueBook();

    @Test
    void accepted_commands_get_consecutive_sequences_and_name_their_entry() {
        Handling created = book.decide(0, new CreateQueue("q", "Clinic", 10));
        Handling joined = book.decide(0, new JoinQueue("q", "ann", Priority.NORMAL, T0));
        Handling called = book.decide(0, new CallNext("q", T0.plusSeconds(5)));

        assertThat(created.outcome()).isEqualTo(new CommandOutcome.Accepted(1, 1, null, null));
        assertThat(joined.outcome()).isEqualTo(new CommandOutcome.Accepted(2, 2, "ann", "001"));
        assertThat(called.outcome()).isEqualTo(new CommandOutcome.Accepted(3, 3, "ann", "001"));
        assertThat(called.events()).singleElement().satisfies(e -> {
            assertThat(e.sequence()).isEqualTo(3);
            assertThat(e.event()).isInstanceOf(EntryCalled.class);
        });
    }

    @Test
    void a_rejected_command_on_a_queue_nobody_created_leaves_nothing_behind() {
        Handling rejected = book.decide(0, new JoinQueue("nowhere", "ann", Priority.NORMAL, T0));

        assertThat(rejected.outcome()).isInstanceOfSatisfying(CommandOutcome.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("QUEUE_NOT_FOUND"));
        assertThat(rejected.events()).isEmpty();
        assertThat(book.queueCount()).isZero();
        assertThat(book.changedSinceCheckpoint(0)).isEmpty();
    }

    @Test
    void replaying_the_appended_events_rebuilds_the_same_state() {
        List<Handling> written = new ArrayList<>();
        written.add(book.decide(2, new CreateQueue("q", "Clinic", 10)));
        written.add(book.decide(2, new JoinQueue("q", "ann", Priority.LOW, T0)));
        written.add(book.decide(2, new JoinQueue("q", "bob", Priority.URGENT, T0)));
        written.add(book.decide(2, new CallNext("q", T0.plusSeconds(1))));

        QueueBook rebuilt = new QueueBook();
        written.forEach(h -> h.events().forEach(e -> rebuilt.replay(2, e.sequence(), e.event())));

        assertThat(rebuilt.state("q")).isEqualTo(book.state("q"));
        assertThat(rebuilt.lastSequence("q")).isEqualTo(4);
    }

    @Test
    void a_restored_checkpoint_plus_the_events_after_it_equals_the_whole_history() {
        List<Handling> written = new ArrayList<>();
        written.add(book.decide(1, new CreateQueue("q", "Clinic", 10)));
        written.add(book.decide(1, new JoinQueue("q", "ann", Priority.LOW, T0)));
        QueueCheckpoint checkpoint = book.changedSinceCheckpoint(1).get(0);
        written.add(book.decide(1, new JoinQueue("q", "bob", Priority.HIGH, T0)));
        written.add(book.decide(1, new CallNext("q", T0.plusSeconds(1))));

        QueueBook restored = new QueueBook();
        restored.restore(1, checkpoint.state(), checkpoint.sequence(), 1);
        written.forEach(h -> h.events().forEach(e -> restored.replay(1, e.sequence(), e.event())));

        assertThat(restored.state("q")).isEqualTo(book.state("q"));
        assertThat(restored.lastSequence("q")).isEqualTo(4);
        assertThat(restored.changedSinceCheckpoint(1)).extracting(QueueCheckpoint::sequence).containsExactly(4L);
    }

    @Test
    void replay_skips_what_it_has_and_refuses_a_gap() {
        book.replay(0, 1, new QueueCreated("q", "Clinic", 10));
        book.replay(0, 1, new QueueCreated("q", "Clinic", 10));
        assertThat(book.lastSequence("q")).isEqualTo(1);

        assertThatThrownBy(() -> book.replay(0, 3, new EntryJoined("q", "ann", Priority.HIGH, 1, T0)))
                .isInstanceOf(SequenceGapException.class)
                .hasMessageContaining("expected event sequence 2 but found 3");
    }

    @Test
    void a_checkpoint_covers_the_queues_changed_since_the_last_one() {
        book.decide(0, new CreateQueue("a", "A", 5));
        book.decide(0, new CreateQueue("b", "B", 5));
        assertThat(book.eventsSinceCheckpoint(0)).isEqualTo(2);

        book.checkpointed(0, Map.of("a", 1, "b", 1));
        assertThat(book.changedSinceCheckpoint(0)).isEmpty();
        assertThat(book.eventsSinceCheckpoint(0)).isZero();

        book.decide(0, new JoinQueue("b", "ann", Priority.NORMAL, T0));
        assertThat(book.changedSinceCheckpoint(0)).singleElement().satisfies(c -> {
            assertThat(c.queueId()).isEqualTo("b");
            assertThat(c.previousParts()).isEqualTo(1);
        });
    }

    @Test
    void forgetting_a_partition_drops_only_its_queues() {
        book.decide(0, new CreateQueue("a", "A", 1));
        book.decide(1, new CreateQueue("b", "B", 1));

        book.forget(0);

        assertThat(book.state("a")).isEmpty();
        assertThat(book.state("b")).isPresent();
        assertThat(book.partitions()).containsExactly(1);
    }

    @Test
    void a_sleeping_queue_is_due_at_its_wake_time_once_until_its_state_changes() {
        Instant wakeAt = T0.plusSeconds(60);
        book.decide(3, new CreateQueue("a", "A", 5));
        book.decide(3, new CreateQueue("b", "B", 5));
        book.decide(3, new SleepQueue("a", wakeAt, T0));
        assertThat(book.scheduledCount()).isEqualTo(1);

        assertThat(book.due(wakeAt.minusMillis(1))).isEmpty();
        assertThat(book.due(wakeAt.plusSeconds(1))).singleElement().satisfies(due -> {
            assertThat(due.partition()).isEqualTo(3);
            assertThat(due.timer().command()).isEqualTo(new WakeQueue("a"));
        });
        assertThat(book.due(wakeAt.plusSeconds(2))).as("handed out once").isEmpty();

        book.decide(3, new PauseQueue("a", "lunch"));
        book.decide(3, new SleepQueue("a", wakeAt.plusSeconds(60), T0));
        assertThat(book.due(wakeAt.plusSeconds(61))).as("a new sleep is a new timer").hasSize(1);
    }

    @Test
    void timers_come_back_with_a_restored_queue_and_go_with_a_forgotten_partition() {
        Instant wakeAt = T0.plusSeconds(60);
        List<Handling> written = new ArrayList<>();
        written.add(book.decide(1, new CreateQueue("a", "A", 5)));
        written.add(book.decide(1, new SleepQueue("a", wakeAt, T0)));

        QueueBook rebuilt = new QueueBook();
        written.forEach(h -> h.events().forEach(e -> rebuilt.replay(1, e.sequence(), e.event())));
        assertThat(rebuilt.scheduledCount()).isEqualTo(1);

        rebuilt.forget(1);
        assertThat(rebuilt.scheduledCount()).isZero();
        assertThat(rebuilt.due(wakeAt)).isEmpty();
    }

    @Test
    void an_operation_by_tag_finds_the_owned_queues_carrying_every_tag_and_follows_their_settings() {
        QueueBook book = new QueueBook();
        book.decide(0, new CreateQueue("a", "A", 5, tagged("critical", "north")));
        book.decide(0, new CreateQueue("b", "B", 5, tagged("critical")));
        book.decide(1, new CreateQueue("c", "C", 5, tagged("critical", "north")));
        book.decide(0, new CreateQueue("d", "D", 5));

        assertThat(book.statesTagged(0, List.of("critical", "north"))).extracting(s -> s.queueId()).containsExactly("a");
        assertThat(book.statesTagged(0, List.of("critical"))).extracting(s -> s.queueId()).containsExactly("a", "b");
        assertThat(book.statesTagged(1, List.of("north"))).extracting(s -> s.queueId()).containsExactly("c");
        assertThat(book.statesTagged(0, List.of("south"))).isEmpty();

        book.decide(0, new io.ledgerline.queue.ConfigureQueue("a", "A", 5, tagged("south")));
        assertThat(book.statesTagged(0, List.of("critical"))).extracting(s -> s.queueId()).containsExactly("b");
        assertThat(book.statesTagged(0, List.of("south"))).extracting(s -> s.queueId()).containsExactly("a");
        book.forget(1);
        assertThat(book.statesTagged(1, List.of("north"))).isEmpty();
    }

    @Test
    void a_call_and_the_end_of_a_service_name_the_person_and_the_persons_queues_are_found_on_their_partition() {
        QueueBook book = new QueueBook();
        var pat = new io.ledgerline.queue.EntryDetails(null, null, "pat", Map.of());
        book.decide(0, new CreateQueue("desk", "Desk", 5));
        book.decide(0, new CreateQueue("lab", "Lab", 5));
        book.decide(1, new CreateQueue("x-ray", "X-ray", 5));
        book.decide(0, new JoinQueue("lab", "ann", Priority.NORMAL, T0));
        for (String queue : List.of("desk", "lab")) {
            book.decide(0, new JoinQueue(queue, "pat-" + queue, Priority.NORMAL, T0, null, pat));
        }
        book.decide(1, new JoinQueue("x-ray", "pat-x", Priority.NORMAL, T0, null, pat));

        var desk = new io.ledgerline.queue.ServedElsewhere("desk", "pat-desk");
        assertThat(book.decide(0, new CallNext("desk", T0.plusSeconds(1))).services())
                .containsExactly(new io.ledgerline.queue.PersonService("pat", desk, true));
        assertThat(book.decide(0, new io.ledgerline.queue.CompleteEntry("desk", "pat-desk", T0.plusSeconds(9)))
                .services()).containsExactly(new io.ledgerline.queue.PersonService("pat", desk, false));
        assertThat(book.decide(0, new CallNext("lab", T0.plusSeconds(10))).services()).isEmpty(); // ann, first in the lab
        assertThat(book.statesOfPerson(0, "pat")).extracting(s -> s.queueId()).containsExactly("lab");
        assertThat(book.statesOfPerson(1, "pat")).extracting(s -> s.queueId()).containsExactly("x-ray");
        assertThat(book.statesOfPerson(0, "sam")).isEmpty();
    }

    @Test
    void the_person_index_forgets_queues_people_left_on_lookup_and_in_its_sweeps() {
        PersonIndex index = new PersonIndex();
        java.util.Set<String> present = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            index.add("p" + i, "q");
            if (i % 10 == 0) {
                present.add("p" + i);
            }
        }
        assertThat(index.queuesOf("p1", (person, queue) -> present.contains(person))).isEmpty();
        assertThat(index.size()).as("swept: only the people still there").isEqualTo(present.size());
        assertThat(index.queuesOf("p10", (person, queue) -> present.contains(person))).containsExactly("q");
    }

    private static io.ledgerline.queue.QueueSettings tagged(String... tags) {
        return new io.ledgerline.queue.QueueSettings(List.of(tags), "", 0, null, io.ledgerline.queue.RetryPolicy.DEFAULT);
    }
}
