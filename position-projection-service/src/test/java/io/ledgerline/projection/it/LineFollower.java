package io.ledgerline.projection.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import ledgerline.queue.v1.LineDelta;
import ledgerline.queue.v1.LineMove;
import ledgerline.queue.v1.LineSnapshotPart;
import ledgerline.queue.v1.PositionUpdate;

/**
 * A subscriber of ledgerline.position-updates.v1 as its documentation tells one to be: it keeps the whole line (a
 * staff screen does; a person's page keeps one rank, by the same rules), applies a delta that starts at its sequence,
 * ignores what it has seen, and takes a snapshot that is newer than what it has.
 */
final class LineFollower {

    private final List<String> line = new ArrayList<>();
    private long sequence = -1;
    private long waiting;
    /** A snapshot being read part by part: its sequence, and the line so far. */
    private long snapshotSequence = -1;
    private final List<String> snapshot = new ArrayList<>();
    int deltas;
    int snapshots;
    int waitedForSnapshot;
    int movesInLastDelta;

    void accept(PositionUpdate update) {
        if (update.getBody() instanceof LineSnapshotPart part) {
            snapshot(update, part);
        } else if (update.getBody() instanceof LineDelta delta) {
            if (update.getSequence() <= sequence) {
                return;
            }
            if (delta.getFromSequence() != sequence) {
                waitedForSnapshot++;
                return;
            }
            deltas++;
            movesInLastDelta = delta.getMoves().size();
            for (LineMove move : delta.getMoves()) {
                switch (move.getKind()) {
                    case LEFT -> assertThat(line.remove((int) move.getRank() - 1)).as("%s", move)
                            .isEqualTo(move.getEntryId());
                    case ENTERED -> line.add((int) move.getRank() - 1, move.getEntryId());
                    case CLEARED -> line.clear();
                }
            }
            sequence = update.getSequence();
            waiting = update.getWaiting();
            assertThat(line).as("line after sequence %d", sequence).hasSize((int) waiting);
        }
    }

    private void snapshot(PositionUpdate update, LineSnapshotPart part) {
        if (part.getPart() == 0) {
            snapshotSequence = update.getSequence();
            snapshot.clear();
        }
        if (update.getSequence() != snapshotSequence || part.getFirstRank() != snapshot.size() + 1) {
            return; // a part of a snapshot whose beginning this follower did not see
        }
        snapshot.addAll(part.getEntryIds());
        if (part.getPart() == part.getParts() - 1 && snapshotSequence > sequence) {
            snapshots++;
            line.clear();
            line.addAll(snapshot);
            sequence = snapshotSequence;
            waiting = update.getWaiting();
        }
    }

    List<String> line() {
        return line;
    }

    long sequence() {
        return sequence;
    }
}
