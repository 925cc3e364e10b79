package io.ledgerline.schemas;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers the value schema of every topic in Apicurio Registry 3, idempotently.
 *
 * <pre>java -cp schemas.jar:&lt;avro classpath&gt; io.ledgerline.schemas.RegisterSchemas &lt;registry v3 URL&gt; [topic prefix]</pre>
 *
 * Each schema becomes artifact {@code <prefix><topic>-value} in group {@code default}. With
 * {@code ifExists=FIND_OR_CREATE_VERSION} an unchanged schema finds its existing version and a changed one becomes a
 * new version. Uses only the JDK HTTP client and Avro, so the launcher can run it before any service exists.
 */
public final class RegisterSchemas {

    static final String GROUP = "default";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern GLOBAL_ID = Pattern.compile("\"globalId\"\\s*:\\s*(\\d+)");
    private static final Pattern CONTENT_ID = Pattern.compile("\"contentId\"\\s*:\\s*(\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** What the registry answered for one subject; records framed by the serdes carry the content id. */
    record Registered(String artifactId, long globalId, long contentId, String version) {
    }

    /** The registry refused, or could not be reached; the message says which and why. */
    static final class RegistrationException extends Exception {
        RegistrationException(String message) {
            super(message);
        }
    }

    private RegisterSchemas() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args.length > 2 || args[0].isBlank()) {
            err.println("usage: RegisterSchemas <registry URL, e.g. http://127.0.0.1:8085/apis/registry/v3> [topic prefix, e.g. test.]");
            return 2;
        }
        String baseUrl = args[0].replaceAll("/+$", "");
        String prefix = args.length == 2 ? args[1] : "";
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            for (TopicSchemas.TopicSchema topic : TopicSchemas.all()) {
                Registered registered = register(client, baseUrl, topic.valueSubject(prefix), topic.valueSchema().toString());
                out.printf("%s globalId=%d version=%s%n", registered.artifactId(), registered.globalId(), registered.version());
            }
            return 0;
        } catch (RegistrationException e) {
            err.println("RegisterSchemas failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("RegisterSchemas interrupted");
            return 1;
        }
    }

    static Registered register(HttpClient client, String baseUrl, String artifactId, String schemaJson)
            throws RegistrationException, InterruptedException {
        URI uri = URI.create(baseUrl + "/groups/" + GROUP + "/artifacts?ifExists=FIND_OR_CREATE_VERSION");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(createArtifactBody(artifactId, schemaJson), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RegistrationException("cannot reach the registry at " + uri + " while registering " + artifactId + ": " + e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new RegistrationException("POST " + uri + " for " + artifactId + " answered HTTP " + response.statusCode()
                    + ": " + abbreviate(response.body()));
        }
        return parseResponse(artifactId, response.body());
    }

    /** Body of Apicurio 3's "create artifact" call: an AVRO artifact whose first version holds the schema. */
    static String createArtifactBody(String artifactId, String schemaJson) {
        return "{\"artifactId\":" + JsonText.quote(artifactId)
                + ",\"artifactType\":\"AVRO\""
                + ",\"firstVersion\":{\"content\":{\"content\":" + JsonText.quote(schemaJson)
                + ",\"contentType\":\"application/json\"}}}";
    }

    /** Reads version.globalId and version.version of a CreateArtifactResponse; the artifact part carries neither. */
    static Registered parseResponse(String artifactId, String body) throws RegistrationException {
        Matcher globalId = GLOBAL_ID.matcher(body);
        Matcher contentId = CONTENT_ID.matcher(body);
        Matcher version = VERSION.matcher(body);
        if (!globalId.find() || !contentId.find() || !version.find()) {
            throw new RegistrationException("unexpected registry answer for " + artifactId
                    + " (no globalId/contentId/version): " + abbreviate(body));
        }
        return new Registered(artifactId, Long.parseLong(globalId.group(1)), Long.parseLong(contentId.group(1)),
                version.group(1));
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 500 ? oneLine : oneLine.substring(0, 500) + "...";
    }
}
