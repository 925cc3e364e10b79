package io.ledgerline.command.messaging;

import io.ledgerline.schemas.RegistryCodec;
import java.io.IOException;

/**
 * Tells apart a record that is not ours (poison: skip it or dead-letter it) from one we failed to read for a passing
 * reason (registry unreachable: retry, never skip). Skipping a real event would silently fork a queue's history.
 */
public final class RecordFraming {

    private RecordFraming() {}

    public static boolean isRegistryFramedAvro(byte[] value) {
        return RegistryCodec.isFramed(value);
    }

    public static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
