package io.ledgerline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The command service and the position projection, each its own process on its test port: the path people use,
 * commands over REST in, positions over REST out. A test class registers one
 * ({@code @RegisterExtension static final Stack stack = new Stack();}): it starts before the class's tests and stops
 * after them.
 */
final class Stack implements BeforeAllCallback, AfterAllCallback {

    private static final Duration READY = Duration.ofSeconds(90);

    /** Work to do while a service is down, which may throw like a test does. */
    interface WhileStopped {
        void run() throws Exception;
    }

    private ServiceProcess commands;
    private ServiceProcess projection;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        commands = new ServiceProcess("queue-command-service", 18081).start();
        projection = new ServiceProcess("position-projection-service", 18082).start();
        commands.awaitReady(READY);
        projection.awaitReady(READY);
    }

    Http.Reply post(String path, String json) throws Exception {
        return Http.post(commands.baseUrl() + path, json);
    }

    Http.Reply post(String path, String json, String idempotencyKey) throws Exception {
        return Http.post(commands.baseUrl() + path, json, idempotencyKey);
    }

    Http.Reply put(String path, String json) throws Exception {
        return Http.put(commands.baseUrl() + path, json);
    }

    Http.Reply delete(String path) throws Exception {
        return Http.delete(commands.baseUrl() + path);
    }

    /** A call to the command service as someone else ({@link Http#as}). */
    Http.Reply commandsAs(String authorization, String method, String path, String json) throws Exception {
        return Http.as(authorization, method, commands.baseUrl() + path, json);
    }

    /** A write to the projection's own store (people's details), as an admin. */
    Http.Reply projectionPut(String path, String json) throws Exception {
        return Http.put(projection.baseUrl() + path, json);
    }

    Http.Reply projectionDelete(String path) throws Exception {
        return Http.delete(projection.baseUrl() + path);
    }

    /** The status the projection answers a read of {@code path} with. */
    int readStatus(String path) throws Exception {
        return Http.get(projection.baseUrl() + path).status();
    }

    /** A read from the projection as someone else ({@link Http#as}). */
    Http.Reply readAs(String authorization, String path) throws Exception {
        return Http.as(authorization, "GET", projection.baseUrl() + path, null);
    }

    /** What the projection answers for {@code path}: null when there is no body (not there yet, or down). */
    JsonNode read(String path) throws Exception {
        return Http.get(projection.baseUrl() + path).body();
    }

    void restartProjection(WhileStopped whileStopped) throws Exception {
        projection.close();
        whileStopped.run();
        projection = new ServiceProcess("position-projection-service", 18082).start();
        projection.awaitReady(READY);
    }

    void restartCommands() throws Exception {
        commands.close();
        commands = new ServiceProcess("queue-command-service", 18081).start();
        commands.awaitReady(READY);
    }

    static JsonNode expect(Http.Reply reply, int status) {
        assertThat(reply.status()).as("HTTP status, body %s", reply.body()).isEqualTo(status);
        return reply.body();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (projection != null) {
            projection.close();
        }
        if (commands != null) {
            commands.close();
        }
    }
}
