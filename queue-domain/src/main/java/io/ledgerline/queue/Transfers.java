package io.ledgerline.queue;

import static io.ledgerline.queue.Decision.accept;
import static io.ledgerline.queue.Decision.reject;

/**
 * Moving a waiting entry to another queue, which may be owned elsewhere, in three steps that are each an event in a
 * queue's log: the source marks it under way ({@link EntryTransferStarted}; it keeps its place but is not callable,
 * so it is never callable in two queues), the target decides the forwarded join like any join (an
 * {@link EntryJoined} naming the source, or a refusal), and the source settles: the entry leaves
 * ({@link EntryTransferredOut}) or returns to its place ({@link EntryTransferReturned}). At every moment the entry
 * stands in at least one queue, so it is never lost.
 */
final class Transfers {

    private Transfers() {
    }

    /** Only a callable entry moves: a held one is transferred once its time has come or its person is back. */
    static Decision start(TransferEntry command, QueueState state) {
        return EntryRules.whenWaiting(command.entryId(), state, entry -> entry.held()
                ? reject(RejectionReason.ENTRY_NOT_WAITING, "entry " + entry.entryId() + " is held until "
                        + entry.heldUntil() + "; it can be transferred once it is callable")
                : entry.heldElsewhere()
                ? reject(RejectionReason.ENTRY_NOT_WAITING, "entry " + entry.entryId() + " is held while its person is"
                        + " served at " + entry.servedElsewhere().stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")) + "; it can be transferred once they are back")
                : accept(new EntryTransferStarted(command.queueId(), entry.entryId(), command.targetQueueId(),
                        entry.priority(), command.justification(), entry.details())));
    }

    /** Accepted in every status, even an emergency stop: the target has decided, and the entry must stand somewhere. */
    static Decision settle(SettleTransfer command, QueueState state) {
        Entry entry = state.entry(command.entryId()).orElse(null);
        if (entry == null) {
            return EntryRules.entryNotFound(command.entryId(), state);
        }
        if (!command.targetQueueId().equals(entry.transferTo())) {
            return reject(RejectionReason.INVALID_COMMAND, "entry " + entry.entryId() + " has no transfer to "
                    + command.targetQueueId() + " under way");
        }
        if (command.refusal() == null) {
            return accept(new EntryTransferredOut(command.queueId(), entry.entryId(), command.targetQueueId(),
                    entry.priority(), "joined " + command.targetQueueId()));
        }
        EntryTransferReturned returned = new EntryTransferReturned(command.queueId(), entry.entryId(),
                command.targetQueueId(), command.refusal());
        // A queue that closed meanwhile keeps nobody waiting: the returned entry ends closed-out, as it would have.
        return state.status() == QueueStatus.CLOSED
                ? accept(returned, new EntriesClosedOut(command.queueId(), java.util.List.of(entry.entryId())))
                : accept(returned);
    }

    static Decision underWay(Entry entry) {
        return reject(RejectionReason.ENTRY_NOT_WAITING, "entry " + entry.entryId() + " is being transferred to "
                + entry.transferTo() + "; it can be acted on here again only if that queue refuses it");
    }
}
