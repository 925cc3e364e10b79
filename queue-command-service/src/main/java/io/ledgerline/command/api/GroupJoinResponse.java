package io.ledgerline.command.api;

/**
 * Where a group join put the entry: {@code queueId}, the group's queue it joined, with its number and the sequence of
 * its EntryJoined; {@code alreadyIn} when the entry was already active in that queue (a retry), and nothing was sent.
 */
public record GroupJoinResponse(String commandId, String groupId, String queueId, String entryId, String entryNumber,
                                Long sequence, boolean alreadyIn) {}
