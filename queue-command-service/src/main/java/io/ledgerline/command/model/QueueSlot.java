package io.ledgerline.command.model;

import io.ledgerline.queue.QueueState;

/**
 * One queue as its partition owner holds it: the decided state, the last appended sequence, and how many parts its
 * newest checkpoint on the snapshots topic has (so a checkpoint with fewer parts can clear the ones left over).
 */
final class QueueSlot {

    private QueueState state;
    private long lastSequence;
    private int checkpointParts;

    QueueSlot(QueueState state, long lastSequence, int checkpointParts) {
        this.state = state;
        this.lastSequence = lastSequence;
        this.checkpointParts = checkpointParts;
    }

    QueueState state() {
        return state;
    }

    long lastSequence() {
        return lastSequence;
    }

    int checkpointParts() {
        return checkpointParts;
    }

    void advance(QueueState next, long sequence) {
        this.state = next;
        this.lastSequence = sequence;
    }

    void checkpointed(int parts) {
        this.checkpointParts = parts;
    }
}
