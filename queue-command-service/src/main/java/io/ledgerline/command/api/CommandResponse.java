package io.ledgerline.command.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an accepted command: the events it appended ({@code firstSequence..sequence}) and the entry it
 * concerned, when there is one, with the number people see for it ({@code A-042}). A join that found its queue full
 * and joined its overflow queue is answered for the overflow queue, naming the full one in {@code redirectedFrom}. An
 * accepted public join carries the entry's {@code ticket}: the token its person reads the entry and leaves with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandResponse(String commandId, String queueId, String entryId, String entryNumber, long firstSequence,
                              long sequence, String redirectedFrom, String ticket) {

    CommandResponse(String commandId, String queueId, String entryId, String entryNumber, long firstSequence,
                    long sequence, String redirectedFrom) {
        this(commandId, queueId, entryId, entryNumber, firstSequence, sequence, redirectedFrom, null);
    }

    CommandResponse withTicket(String newTicket) {
        return new CommandResponse(commandId, queueId, entryId, entryNumber, firstSequence, sequence, redirectedFrom,
                newTicket);
    }
}
