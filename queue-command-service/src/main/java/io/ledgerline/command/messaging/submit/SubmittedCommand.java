package io.ledgerline.command.messaging.submit;

import io.ledgerline.command.model.CommandOutcome;

/** What a REST caller gets back for the command it sent: the outcome, and whether it repeats an earlier one. */
public record SubmittedCommand(CommandOutcome outcome, boolean repeated) {}
