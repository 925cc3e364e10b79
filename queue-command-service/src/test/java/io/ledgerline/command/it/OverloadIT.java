package io.ledgerline.command.it;

import static io.ledgerline.command.it.QueueCommandsIT.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Past the configured number of commands in flight (64 in the test profile) new ones are refused at once with a
 * 503 problem and Retry-After, and every other call still gets its real answer.
 */
@QuarkusIntegrationTest
class OverloadIT {

    private final String queue = "it-load-" + UUID.randomUUID();

    @Test
    void beyond_the_limit_commands_are_refused_at_once_with_retry_after() {
        create(queue, 10_000).statusCode(201);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            HttpRequest join = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                            + "/queues/" + queue + "/entries"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + AdminTokenForRestAssured.admin())
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            calls.add(http.sendAsync(join, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() == 503).toList();
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 503));
        assertThat(refused).isNotEmpty().allSatisfy(r -> {
            assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(r.body()).contains("\"reason\":\"OVERLOADED\"");
        });
        assertThat(answers.size() - refused.size()).isGreaterThanOrEqualTo(64);
    }
}
