package io.ledgerline.queue;

import static io.ledgerline.queue.DeciderSpec.given;
import static io.ledgerline.queue.Fixtures.Q;
import static io.ledgerline.queue.Fixtures.T0;
import static io.ledgerline.queue.Fixtures.created;
import static io.ledgerline.queue.Fixtures.joined;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JoinBatchTest {

    private static final EntryDetails LEAD = new EntryDetails("callback", "crm-42", "person-7", Map.of("lang", "es"));

    @Test
    void a_batch_joins_every_entry_in_order_with_consecutive_tickets_and_their_details() {
        given(created(), joined("e0", Priority.NORMAL, 1))
                .when(new JoinBatch(Q, List.of(new JoinQueue(Q, "e1", Priority.LOW, T0, null, LEAD),
                        new JoinQueue(Q, "e2", Priority.HIGH, T0, T0.plusSeconds(60)))))
                .thenEvents(new EntryJoined(Q, "e1", Priority.LOW, 2, T0, "002", null, LEAD),
                        new EntryJoined(Q, "e2", Priority.HIGH, 3, T0, "003", T0.plusSeconds(60)))
                .thenState(state -> {
                    assertThat(state.activeCount()).isEqualTo(3);
                    assertThat(state.heldCount()).isEqualTo(1);
                });
    }

    @Test
    void one_refused_join_refuses_the_whole_batch_and_names_it() {
        given(created(2), joined("e0", Priority.NORMAL, 1))
                .when(new JoinBatch(Q, List.of(new JoinQueue(Q, "e1", Priority.LOW, T0),
                        new JoinQueue(Q, "e2", Priority.LOW, T0))))
                .thenRejected(RejectionReason.QUEUE_FULL).withDetailContaining("entries[1] (e2)");
        given(created(), joined("e0", Priority.NORMAL, 1))
                .when(new JoinBatch(Q, List.of(new JoinQueue(Q, "e0", Priority.LOW, T0))))
                .thenRejected(RejectionReason.DUPLICATE_ENTRY);
    }

    @Test
    void a_batch_must_hold_one_to_two_hundred_well_formed_distinct_entries_of_its_queue() {
        var tooMany = IntStream.range(0, JoinBatch.MAX_ENTRIES + 1)
                .mapToObj(i -> new JoinQueue(Q, "e" + i, Priority.LOW, T0)).toList();
        for (var entries : List.of(List.<JoinQueue>of(), tooMany,
                List.of(new JoinQueue(Q, "e1", Priority.LOW, T0), new JoinQueue(Q, "e1", Priority.LOW, T0)),
                List.of(new JoinQueue("other", "e1", Priority.LOW, T0)),
                List.of(new JoinQueue(Q, "has space", Priority.LOW, T0)))) {
            given(created()).when(new JoinBatch(Q, entries)).thenRejected(RejectionReason.INVALID_COMMAND);
        }
    }

    @Test
    void details_are_bounded() {
        for (EntryDetails bad : List.of(new EntryDetails("a b", null, null, Map.of()),
                new EntryDetails(null, "r".repeat(201), null, Map.of()),
                new EntryDetails(null, null, "has space", Map.of()),
                new EntryDetails(null, null, null, Map.of("bad key", "v")),
                new EntryDetails(null, null, null, Map.of("k", "v".repeat(501))),
                new EntryDetails(null, null, null, IntStream.range(0, 21).boxed()
                        .collect(java.util.stream.Collectors.toMap(i -> "k" + i, i -> "v"))))) {
            given(created()).when(new JoinQueue(Q, "e1", Priority.LOW, T0, null, bad))
                    .thenRejected(RejectionReason.INVALID_COMMAND);
        }
    }

    @Test
    void a_batch_whose_details_would_not_fit_a_kafka_record_is_refused() {
        Map<String, String> full = IntStream.range(0, EntryDetails.METADATA_MAX).boxed()
                .collect(java.util.stream.Collectors.toMap(i -> "k" + i, i -> "v".repeat(FieldLimits.TEXT_MAX)));
        var heavy = IntStream.range(0, JoinBatch.MAX_ENTRIES).mapToObj(i -> new JoinQueue(Q, "e" + i, Priority.LOW, T0,
                null, new EntryDetails(null, null, null, full))).toList();
        given(created(JoinBatch.MAX_ENTRIES)).when(new JoinBatch(Q, heavy))
                .thenRejected(RejectionReason.INVALID_COMMAND).withDetailContaining("at most 250000");
        given(created(JoinBatch.MAX_ENTRIES)).when(new JoinBatch(Q, heavy.subList(0, 20)))
                .thenState(state -> assertThat(state.activeCount()).isEqualTo(20));
    }
}
