package io.ledgerline.command.messaging;

import io.ledgerline.queue.QueueSettings;
import io.ledgerline.queue.RetryPolicy;
import java.time.Duration;
import java.util.List;

/**
 * A queue's settings between the domain and the Avro record that commands, events and checkpoints share. Absent
 * settings (records written before they existed, or a sender that wants every default) are the defaults.
 */
public final class SettingsMapper {

    private SettingsMapper() {}

    public static ledgerline.queue.v1.QueueSettings toAvro(QueueSettings settings) {
        return ledgerline.queue.v1.QueueSettings.newBuilder()
                .setTags(settings.tags())
                .setTicketPrefix(settings.ticketPrefix())
                .setMaxConcurrent(settings.maxConcurrent())
                .setServiceTimeMillis(settings.serviceTime() == null ? null : settings.serviceTime().toMillis())
                .setRetryDelaysMillis(settings.retry().delays().stream().map(Duration::toMillis).toList())
                .setMaxRetries(settings.retry().maxRetries())
                .build();
    }

    public static QueueSettings toDomain(ledgerline.queue.v1.QueueSettings avro) {
        if (avro == null) {
            return QueueSettings.DEFAULT;
        }
        List<Duration> delays = avro.getRetryDelaysMillis().stream().map(Duration::ofMillis).toList();
        return new QueueSettings(avro.getTags(), avro.getTicketPrefix(), avro.getMaxConcurrent(),
                avro.getServiceTimeMillis() == null ? null : Duration.ofMillis(avro.getServiceTimeMillis()),
                new RetryPolicy(delays, avro.getMaxRetries()));
    }
}
