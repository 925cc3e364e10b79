package io.ledgerline.command.messaging;

import io.ledgerline.schemas.RegistryCodec;
import java.io.UncheckedIOException;

/**
 * Tells apart a record that is not ours (poison: skip it or dead-letter it) from one we failed to read for a passing
 * reason (registry unreachable: retry, never skip). Skipping a real event would silently fork a queue's history.
 */
public final class RecordFraming {

    private RecordFraming() {}

    public static boolean isRegistryFramedAvro(byte[] value) {
        return RegistryCodec.isFramed(value);
    }

    /** The codec's mark of a registry that cannot answer now (see RegistryCodec); bad bytes never carry it. */
    public static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }
}
