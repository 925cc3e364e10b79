package io.ledgerline.command.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every setting of the command service, under the one prefix {@code ledgerline}. */
@ConfigMapping(prefix = "ledgerline")
public interface CommandServiceConfig {

    Kafka kafka();

    Topics topics();

    Command command();

    interface Kafka {
        /** Kafka bootstrap servers, {@code host:port[,host:port]}. */
        String bootstrapServers();

        /** Apicurio Registry v3 API base URL used by the Avro serdes. */
        String registryUrl();
    }

    interface Topics {
        /** Commands from REST callers and integrators, keyed by queueId. */
        String commands();

        /** The source of truth, keyed by queueId; written only by this service. */
        String events();

        /** One result per command, keyed by commandId. */
        String results();

        /** Records that could not be read, with the reason in headers. */
        String deadLetter();
    }

    interface Command {
        /** Consumer group of the command processors: one owner per commands partition. */
        String groupId();

        /** How long a REST call waits for its command's result before answering 504. */
        @WithDefault("10s")
        Duration resultTimeout();

        /** Upper bound of commands decided and committed in one Kafka transaction. */
        @WithDefault("500")
        int maxBatch();

        /** Results remembered per queue to answer a repeated commandId without appending again. */
        @WithDefault("10000")
        int rememberedResultsPerQueue();
    }
}
