package io.ledgerline.schemas;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The Apicurio Registry of the local stack (APICURIO_REGISTRY_URL, default that of ./ledgerline up). */
final class LocalRegistry {

    static final String URL = System.getenv().getOrDefault(
            "APICURIO_REGISTRY_URL", "http://127.0.0.1:8085/apis/registry/v3");

    private LocalRegistry() {}

    static boolean answers() {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(URL + "/system/info"))
                    .timeout(Duration.ofSeconds(5)).build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
