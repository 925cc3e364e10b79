package io.ledgerline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ledgerline.queue.v1.CommandResult;
import ledgerline.queue.v1.PositionUpdate;
import ledgerline.queue.v1.QueueCommandEnvelope;
import ledgerline.queue.v1.QueueEventEnvelope;
import ledgerline.queue.v1.QueueSnapshot;
import org.junit.jupiter.api.Test;

class TopicSchemasTest {

    @Test
    void each_topic_has_its_envelope() {
        assertThat(TopicSchemas.valueSchema("ledgerline.queue-commands.v1")).isEqualTo(QueueCommandEnvelope.getClassSchema());
        assertThat(TopicSchemas.valueSchema("ledgerline.queue-events.v1")).isEqualTo(QueueEventEnvelope.getClassSchema());
        assertThat(TopicSchemas.valueSchema("ledgerline.command-results.v1")).isEqualTo(CommandResult.getClassSchema());
        assertThat(TopicSchemas.valueSchema("ledgerline.queue-snapshots.v1")).isEqualTo(QueueSnapshot.getClassSchema());
        assertThat(TopicSchemas.valueSchema("ledgerline.position-updates.v1")).isEqualTo(PositionUpdate.getClassSchema());
        assertThat(TopicSchemas.all()).hasSize(5);
    }

    @Test
    void value_subjects_follow_the_topic_name_with_an_optional_prefix() {
        TopicSchemas.TopicSchema commands = TopicSchemas.all().get(0);

        assertThat(commands.valueSubject("")).isEqualTo("ledgerline.queue-commands.v1-value");
        assertThat(commands.valueSubject("test.")).isEqualTo("test.ledgerline.queue-commands.v1-value");
    }

    @Test
    void an_unknown_topic_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TopicSchemas.valueSchema("ledgerline.nope.v1"))
                .withMessageContaining("ledgerline.nope.v1");
    }
}
