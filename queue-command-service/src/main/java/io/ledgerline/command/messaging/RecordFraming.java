package io.ledgerline.command.messaging;

import java.io.IOException;

/**
 * Tells apart a record that is not ours (poison: skip it or dead-letter it) from one we failed to read for a passing
 * reason (registry unreachable: retry, never skip). Skipping a real event would silently fork a queue's history.
 */
final class RecordFraming {

    /** Apicurio's serde writes a zero magic byte and a four-byte schema id before the Avro body. */
    private static final int HEADER_LENGTH = 5;

    private RecordFraming() {}

    static boolean isRegistryFramedAvro(byte[] value) {
        return value != null && value.length >= HEADER_LENGTH && value[0] == 0;
    }

    static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
