package io.ledgerline.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One packaged command-service instance, run as the launcher runs it but against the harness's broker, under a
 * stable instance id of its own (so a restart reuses its transactional id and group membership) and with its own
 * local state directory.
 */
final class CommandServiceNode extends Node {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Harness.Setup setup;
    private final String instanceId;
    private final int port;
    private final String bootstrap;

    CommandServiceNode(Harness.Setup setup, String instanceId, int port, String bootstrap) {
        super("command-" + instanceId, setup.work().resolve("logs/command-" + instanceId + ".log"));
        this.setup = setup;
        this.instanceId = instanceId;
        this.port = port;
        this.bootstrap = bootstrap;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    List<String> command() {
        return List.of(setup.java(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-jar",
                setup.root().resolve("queue-command-service/target/quarkus-app/quarkus-run.jar").toString());
    }

    @Override
    Map<String, String> environment() {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "APICURIO_REGISTRY_URL", setup.registryUrl(),
                "LEDGERLINE_INSTANCE_ID", instanceId,
                "LEDGERLINE_STATE_DIR", setup.work().resolve("state").toString(),
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "QUARKUS_HTTP_HOST", "127.0.0.1");
    }

    @Override
    void awaitReady(Duration atMost) throws Exception {
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            requireAlive();
            if (ready()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name() + " not ready within " + atMost + "\n" + logTail());
    }

    boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
