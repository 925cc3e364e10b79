package io.ledgerline.access.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose calls count against the caller's rate limit of one kind ({@code joins}, {@code reads}),
 * per queue (the {@code queueId} or {@code groupId} in its path). {@link RateLimitFilter} enforces it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    String JOINS = "joins";
    String READS = "reads";

    /** The kind of call: {@link #JOINS} or {@link #READS}. */
    String value();
}
