package io.ledgerline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.queue.EntriesClosedOut;
import io.ledgerline.queue.EntryCalled;
import io.ledgerline.queue.EntryCompleted;
import io.ledgerline.queue.QueuePaused;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LedgerlineOpsTest {

    @Test
    void every_command_parses_its_options() {
        CommandLine ops = new CommandLine(new LedgerlineOps());
        assertThat(ops.getSubcommands()).containsKeys("replay", "verify", "rebuild", "export", "lottery-check");
        ops.parseArgs("replay", "--queue", "q", "--at-time", "2026-11-24T09:30:00Z", "--projection-url", "http://x");
        ops.parseArgs("verify", "--queue", "a", "--queue", "b");
        ops.parseArgs("rebuild", "--projection", "history", "--no-wait");
        ops.parseArgs("export", "--queue", "q", "--format", "jsonl");
    }

    @Test
    void a_replay_takes_a_sequence_or_a_time_not_both() {
        CommandLine ops = new CommandLine(new LedgerlineOps());
        int exit = ops.execute("replay", "--queue", "q", "--at-sequence", "3", "--at-time", "2026-11-24T09:30:00Z");
        assertThat(exit).isEqualTo(2);
    }

    @Test
    void an_export_row_names_every_entry_an_event_touched() {
        assertThat(ExportCommand.entriesOf(new EntryCalled("q", "ann", Instant.EPOCH, "A-001", null)))
                .containsExactly("ann");
        assertThat(ExportCommand.entriesOf(new EntriesClosedOut("q", List.of("bob", "cyd"))))
                .containsExactly("bob", "cyd");
        assertThat(ExportCommand.entriesOf(new QueuePaused("q", "lunch"))).isEmpty();
        assertThat(ExportCommand.finalStatus(new EntryCompleted("q", "ann", Instant.EPOCH))).isEqualTo("COMPLETED");
    }

    @Test
    void the_documented_shuffle_is_a_permutation_fixed_by_the_seed() throws Exception {
        List<String> people = List.of("a", "b", "c", "d", "e", "f");
        List<String> once = LotteryCheckCommand.shuffle("seed-1", people);
        assertThat(once).containsExactlyInAnyOrderElementsOf(people);
        assertThat(LotteryCheckCommand.shuffle("seed-1", people)).isEqualTo(once);
        assertThat(LotteryCheckCommand.shuffle("seed-2", people)).isNotEqualTo(once);
    }
}
