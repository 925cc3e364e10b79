package io.ledgerline.command.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock the service reads: commands are stamped with it and timers fire by it. A test or a simulation that
 * needs to move time provides its own {@link Clock} bean, and this default steps aside.
 */
@ApplicationScoped
public class ServiceClock {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
