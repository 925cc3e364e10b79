package io.ledgerline.command.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an accepted command: the events it appended ({@code firstSequence..sequence}) and the entry it
 * concerned, when there is one, with the number people see for it ({@code A-042}). A join that found its queue full
 * and joined its overflow queue is answered for the overflow queue, naming the full one in {@code redirectedFrom}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandResponse(String commandId, String queueId, String entryId, String entryNumber, long firstSequence,
                              long sequence, String redirectedFrom) {}
