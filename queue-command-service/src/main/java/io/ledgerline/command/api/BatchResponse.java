package io.ledgerline.command.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to an accepted batch of joins: the entries' ids in the order they joined, and the number of the first;
 * the others follow it ticket by ticket (each entry's number is also on its EntryJoined event and its position).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchResponse(String commandId, String queueId, List<String> entryIds, String firstEntryNumber,
                            long firstSequence, long sequence) {}
