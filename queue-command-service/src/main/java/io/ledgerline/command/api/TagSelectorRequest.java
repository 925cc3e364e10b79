package io.ledgerline.command.api;

import java.util.List;

/** Body of POST /queues/emergency-stop and POST /queues/resume: which queues (every tag), and why (for a stop). */
public record TagSelectorRequest(List<String> tags, String reason) {}
