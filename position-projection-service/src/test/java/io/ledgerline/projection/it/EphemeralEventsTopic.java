package io.ledgerline.projection.it;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A throw-away events topic (and consumer group) for tests that must not leave their records in the shared
 * {@code test.ledgerline.queue-events.v1}: a deliberate sequence gap there would stop every later replay.
 * Created before the application starts, deleted after it stops.
 */
public class EphemeralEventsTopic implements QuarkusTestResourceLifecycleManager {

    private String bootstrap;
    private String topic;

    @Override
    public Map<String, String> start() {
        bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        topic = "test.ledgerline.queue-events.v1.it-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create " + topic, e);
        }
        return Map.of(
                "mp.messaging.incoming.queue-events.topic", topic,
                "mp.messaging.incoming.queue-events.group.id", "position-projection-it-" + UUID.randomUUID());
    }

    @Override
    public void stop() {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            System.err.println("could not delete test topic " + topic + ": " + e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
