package io.ledgerline.projection.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceCheckTest {

    @Test
    void theNextSequenceIsApplied() {
        assertThat(SequenceCheck.of(0, 1)).isEqualTo(SequenceCheck.APPLY);
        assertThat(SequenceCheck.of(41, 42)).isEqualTo(SequenceCheck.APPLY);
    }

    @Test
    void aRedeliveryIsSkipped() {
        assertThat(SequenceCheck.of(42, 42)).isEqualTo(SequenceCheck.SKIP);
        assertThat(SequenceCheck.of(42, 1)).isEqualTo(SequenceCheck.SKIP);
    }

    @Test
    void aHoleIsAGap() {
        assertThat(SequenceCheck.of(0, 2)).isEqualTo(SequenceCheck.GAP);
        assertThat(SequenceCheck.of(42, 44)).isEqualTo(SequenceCheck.GAP);
    }

    @Test
    void theGapNamesTheExpectedSequence() {
        assertThat(new ApplyOutcome(SequenceCheck.GAP, 42).expected()).isEqualTo(43);
    }
}
