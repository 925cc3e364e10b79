package io.ledgerline.projection.model;

public enum QueueStatus {
    OPEN, PAUSED, SLEEPING, CLOSED, EMERGENCY_STOPPED
}
