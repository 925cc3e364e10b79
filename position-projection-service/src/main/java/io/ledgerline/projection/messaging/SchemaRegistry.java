package io.ledgerline.projection.messaging;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.ledgerline.projection.ProjectionConfig;
import io.ledgerline.schemas.RegistryCodec;
import io.quarkus.runtime.StartupEvent;

/**
 * The service's one {@link RegistryCodec}, so each writer schema is looked up once per process. At start-up every
 * version of the events topic's schema is fetched in the background, while the consumer joins its group, so the
 * first batches do not wait on cold lookups.
 */
public class SchemaRegistry {

    private static final Logger LOG = Logger.getLogger(SchemaRegistry.class);

    @Produces
    @Singleton
    RegistryCodec codec(ProjectionConfig config) {
        return new RegistryCodec(config.registryUrl());
    }

    void prefetch(@Observes StartupEvent startup, RegistryCodec codec,
            @ConfigProperty(name = "mp.messaging.incoming." + QueueEventConsumer.CHANNEL + ".topic") String topic) {
        codec.prefetchInBackground(List.of(topic)).thenAccept(took -> LOG.infof(
                "%d schema versions of %s fetched in %d ms", codec.knownSchemas(), topic, took.toMillis()));
    }
}
