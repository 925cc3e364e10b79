package io.ledgerline.access.rest;

import io.ledgerline.access.RateLimit;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Counts calls in Redis, shared by every instance of a service, atomically ({@link RateLimit#SCRIPT}). When Redis
 * cannot be reached the call passes: a limit guards the service, and must not be what stops it.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final String PREFIX = "ll:rate:";

    private final ReactiveRedisDataSource redis;
    private final Clock clock = Clock.systemUTC();
    private volatile long lastWarning;

    public RateLimiter(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** 0 when the call may go ahead (and is counted), else the whole seconds the client should wait. */
    public Uni<Long> retryAfter(String kind, RateLimit limit, String queueId, String client) {
        if (limit.isOff()) {
            return Uni.createFrom().item(0L);
        }
        RateLimit.Call call = limit.call(PREFIX + kind + ":" + queueId + ":" + client, clock.millis());
        List<String> args = new ArrayList<>();
        args.add(RateLimit.SCRIPT);
        args.add(Integer.toString(call.keys().size()));
        args.addAll(call.keys());
        args.addAll(call.args());
        return redis.execute("EVAL", args.toArray(String[]::new)).map(reply -> reply.get(0).toLong() == 1 ? 0L
                        : limit.retryAfterSeconds(call, reply.get(1).toLong(), reply.get(2).toLong()))
                .onFailure().recoverWithItem(e -> {
                    warnAtMostEveryMinute(e);
                    return 0L;
                });
    }

    private void warnAtMostEveryMinute(Throwable e) {
        long now = clock.millis();
        if (now - lastWarning > 60_000) {
            lastWarning = now;
            LOG.warnf("rate limits not counted (Redis: %s); calls pass unlimited meanwhile", e.getMessage());
        }
    }
}
