package io.ledgerline.projection.messaging;

/**
 * Tells a record we could not read because the schema registry did not answer from one that is not ours. The first
 * is a real event: setting it aside would leave its queue with a hole, so the projection stops and resumes from the
 * same offset once restarted. Only the second is poison.
 */
final class RegistryOutage {

    private RegistryOutage() {}

    static boolean suspected(byte[] raw, String cause) {
        boolean registryFramed = raw != null && raw.length >= 5 && raw[0] == 0;
        return registryFramed && cause != null
                && (cause.contains("java.net.") || cause.contains("IOException") || cause.contains("Connection refused")
                        || cause.contains("ConnectException") || cause.contains("timed out"));
    }
}
