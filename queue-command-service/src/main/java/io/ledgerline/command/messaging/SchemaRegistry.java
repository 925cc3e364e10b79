package io.ledgerline.command.messaging;

import io.ledgerline.command.config.CommandServiceConfig;
import io.ledgerline.schemas.RegistryCodec;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The service's one {@link RegistryCodec}: every record it reads or writes goes through it, so each schema is
 * looked up once per process. At start-up every version of the service's topics' schemas is fetched in the
 * background, while the consumer joins its group, so a restarted instance takes over without cold lookups.
 */
public class SchemaRegistry {

    private static final Logger LOG = Logger.getLogger(SchemaRegistry.class);

    @Produces
    @Singleton
    RegistryCodec codec(CommandServiceConfig config) {
        return new RegistryCodec(config.kafka().registryUrl());
    }

    void prefetch(@Observes StartupEvent startup, RegistryCodec codec, CommandServiceConfig config) {
        var topics = config.topics();
        List<String> ours = List.of(topics.commands(), topics.events(), topics.results(), topics.snapshots());
        codec.prefetchInBackground(ours).thenAccept(took -> LOG.infof("%d schema versions of %s fetched in %d ms",
                codec.knownSchemas(), ours, took.toMillis()));
    }
}
