package io.ledgerline.queue;

/** A fact about one queue, in the past tense. The log of these is the source of truth. */
public sealed interface QueueEvent
        permits QueueCreated, QueueConfigured, EntryJoined, EntryLeft, EntryCalled, EntryCompleted,
                EntryMarkedNoShow, EntryRequeued, EntryPriorityChanged, EntryTransferredOut, QueuePaused,
                QueueResumed, QueueSlept, QueueWoken, QueueOpened, QueueClosed, QueueEmergencyStopped, EntryFailed,
                EntryReleased, EntriesClosedOut, QueueScheduled, ScheduleLapsed,
                EntryOverflowed, EntryPromoted, EntryTransferStarted, EntryTransferReturned,
                EntryAdmitted, AdmissionExpired, LotteryCommitted, LotteryCutOff, LotteryDrawn, EntriesReordered,
                EntryHeldForServiceElsewhere, EntryBackFromServiceElsewhere {

    String queueId();
}
