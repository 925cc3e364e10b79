package io.ledgerline.queue;

/**
 * A request to change one queue. Commands are plain data: they may be malformed (blank ids, missing
 * times), and {@link QueueDecider#decide} answers those with {@link RejectionReason#INVALID_COMMAND}
 * instead of throwing, so a bad record from an integrator never stops the command service.
 */
public sealed interface QueueCommand
        permits CreateQueue, ConfigureQueue, JoinQueue, LeaveQueue, CallNext, CompleteEntry, MarkNoShow,
                RequeueEntry, ChangePriority, TransferEntry, PauseQueue, ResumeQueue, SleepQueue, WakeQueue,
                OpenQueue, CloseQueue, EmergencyStopQueue, FailEntry, ReleaseDueEntries, JoinBatch,
                ScheduleQueue, PromoteAgedEntries, SettleTransfer,
                AdmitDueEntries, ExpireAdmissions, CommitLottery, CutOffLottery, DrawLottery,
                HoldForServiceElsewhere, ReturnFromServiceElsewhere {

    String queueId();
}
