package io.ledgerline.command.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Generates requests that are wrong in one way each, for every REST endpoint of the command service: a bad id in the
 * path, a bad header, a body that is not JSON or not of the right shape, a field of the wrong type or beyond its
 * limit, a wrong method or media type. None can be a valid command (values Jackson would coerce into valid ones,
 * like the number 123 for an id, are left out), so each must end as a 4xx problem and change nothing.
 */
final class BadInput {

    record Case(String description, String method, String path, Map<String, String> headers, String body) {}

    /** A template: method, path (with {q} and {e}), body fields that make it valid, and which fields are optional. */
    private record Endpoint(String method, String path, Map<String, String> validBody, boolean bodyOptional) {}

    private static final String LONG_ID = "x".repeat(129);
    private static final List<String> BAD_IDS = List.of("", " ", "a b", "-lead", LONG_ID, "ünï", "a;b", "a/b", "\t");
    private static final List<String> NOT_JSON = List.of("{", "nope", "{\"a\":", "}{", "[1,", "\u0000");
    private static final List<String> WRONG_SHAPE = List.of("[]", "1", "\"text\"", "true", "[{}]");
    private static final List<String> NOT_A_STRING = List.of("{}", "[]", "[\"a\"]", "{\"a\":1}");
    private static final List<String> BAD_KEYS = List.of(LONG_ID, "has space", "ключ", "a\"b", "{}");

    private final Random random;
    private final String queue;
    private final String entry;
    private final List<Endpoint> endpoints;
    private final Map<String, List<String>> badValues = new LinkedHashMap<>();

    BadInput(long seed, String queue, String entry) {
        this.random = new Random(seed);
        this.queue = queue;
        this.entry = entry;
        this.endpoints = List.of(
                new Endpoint("POST", "/queues", body("queueId", "\"fuzz-new\"", "name", "\"N\"", "capacity", "5"), false),
                new Endpoint("PUT", "/queues/{q}", body("name", "\"N\"", "capacity", "50"), false),
                new Endpoint("POST", "/queues/{q}/entries", body("entryId", "\"zed\"", "priority", "\"HIGH\""), true),
                new Endpoint("DELETE", "/queues/{q}/entries/{e}", Map.of(), false),
                new Endpoint("POST", "/queues/{q}/call-next", Map.of(), false),
                new Endpoint("POST", "/queues/{q}/entries/{e}/complete", Map.of(), false),
                new Endpoint("POST", "/queues/{q}/entries/{e}/no-show", Map.of(), false),
                new Endpoint("POST", "/queues/{q}/entries/{e}/requeue", Map.of(), false),
                new Endpoint("PUT", "/queues/{q}/entries/{e}/priority",
                        body("priority", "\"URGENT\"", "justification", "\"pain\""), false),
                new Endpoint("POST", "/queues/{q}/entries/{e}/transfer",
                        body("targetQueueId", "\"elsewhere\"", "justification", "\"closer\""), false),
                new Endpoint("POST", "/queues/{q}/pause", body("reason", "\"lunch\""), true),
                new Endpoint("POST", "/queues/{q}/resume", Map.of(), false),
                new Endpoint("POST", "/queues/{q}/wake", Map.of(), false),
                new Endpoint("POST", "/queues/{q}/open", Map.of(), false),
                new Endpoint("POST", "/queues/{q}/close", Map.of(), false),
                new Endpoint("POST", "/queues/{q}/sleep", body("until", "\"2999-01-01T00:00:00Z\""), false),
                new Endpoint("POST", "/queues/{q}/emergency-stop", body("reason", "\"fire\""), false));
        badValues.put("queueId", quoted(BAD_IDS));
        badValues.put("entryId", quoted(BAD_IDS));
        badValues.put("targetQueueId", append(quoted(BAD_IDS), "\"" + queue + "\""));
        badValues.put("name", append(quoted(List.of("", "   ", "n".repeat(201), "tab\u0001")), NOT_A_STRING));
        badValues.put("capacity", List.of("0", "-5", "2000000", "\"ten\"", "1e20", "{}", "[]", "null"));
        badValues.put("priority", List.of("\"SOON\"", "\"\"", "5", "{}", "[]"));
        badValues.put("justification", append(quoted(List.of("", "  ", "j".repeat(501))), NOT_A_STRING));
        badValues.put("reason", append(quoted(List.of("r".repeat(501), "bell\u0007")), NOT_A_STRING));
        badValues.put("until", List.of("\"tomorrow\"", "\"1970-01-01T00:00:00Z\"", "\"3000-01-01T00:00:00Z\"", "0",
                "\"2026-13-45T99:00:00Z\"", "{}", "null"));
    }

    List<Case> cases(int count) {
        List<Case> cases = new ArrayList<>(count);
        while (cases.size() < count) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            Case c = switch (random.nextInt(7)) {
                case 0 -> badPathId(endpoint);
                case 1 -> badHeader(endpoint);
                case 2, 3 -> badField(endpoint);
                case 4 -> badBody(endpoint);
                case 5 -> wrongMethod(endpoint);
                default -> wrongMediaType(endpoint);
            };
            if (c != null) {
                cases.add(c);
            }
        }
        return cases;
    }

    private Case badPathId(Endpoint endpoint) {
        boolean entryPath = endpoint.path().contains("{e}") && random.nextBoolean();
        if (!endpoint.path().contains("{q}") && !entryPath) {
            return null;
        }
        String bad = pick(BAD_IDS);
        String encoded = URLEncoder.encode(bad, StandardCharsets.UTF_8).replace("+", "%20");
        if (encoded.isEmpty()) {
            encoded = "%20";
        }
        String path = entryPath ? fill(endpoint.path(), queue, encoded) : fill(endpoint.path(), encoded, entry);
        return new Case("path id '" + shorten(bad) + "' " + endpoint.path(), endpoint.method(), path, json(),
                validBody(endpoint));
    }

    /** Tokens no stack issued: garbage, unsigned, signed by nobody, another scheme. */
    private static final java.util.List<String> BAD_TOKENS = java.util.List.of("Bearer x",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJtZSJ9.",
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZSIsImdyb3VwcyI6WyJhZG1pbiJdfQ.c2lnbmF0dXJl", "Basic YTpi");

    private Case badHeader(Endpoint endpoint) {
        Map<String, String> headers = json();
        String what;
        if (random.nextBoolean()) {
            String key = pick(BAD_KEYS);
            headers.put("Idempotency-Key", key);
            what = "Idempotency-Key '" + shorten(key) + "'";
        } else {
            headers.put("Authorization", pick(BAD_TOKENS));
            what = "a bearer token that does not verify";
        }
        // The body must be invalid too where the request would otherwise be a valid command (call-next, resume…):
        // a bad header alone already makes every one of these a 400.
        return new Case(what + " " + endpoint.path(), endpoint.method(), fill(endpoint.path(), queue, entry), headers,
                validBody(endpoint));
    }

    private Case badField(Endpoint endpoint) {
        if (endpoint.validBody().isEmpty()) {
            return null;
        }
        List<String> fields = new ArrayList<>(endpoint.validBody().keySet());
        String field = fields.get(random.nextInt(fields.size()));
        Map<String, String> body = new LinkedHashMap<>(endpoint.validBody());
        String value;
        // Only a required field may go missing: the fields of join and pause are all optional.
        if (random.nextInt(5) == 0 && !endpoint.bodyOptional()) {
            body.remove(field);
            value = "(missing)";
        } else {
            value = pick(badValues.get(field));
            body.put(field, value);
        }
        return new Case(field + "=" + shorten(value) + " " + endpoint.path(), endpoint.method(),
                fill(endpoint.path(), queue, entry), json(), object(body));
    }

    private Case badBody(Endpoint endpoint) {
        List<String> bodies = new ArrayList<>(NOT_JSON);
        bodies.addAll(WRONG_SHAPE);
        String body = pick(bodies);
        if (endpoint.validBody().isEmpty()) {
            return null; // these endpoints read no body: any body is ignored
        }
        return new Case("body " + shorten(body) + " " + endpoint.path(), endpoint.method(),
                fill(endpoint.path(), queue, entry), json(), body);
    }

    private Case wrongMethod(Endpoint endpoint) {
        String method = switch (endpoint.method()) {
            case "POST" -> random.nextBoolean() ? "GET" : "PATCH";
            case "PUT" -> "PATCH";
            default -> "POST";
        };
        if (endpoint.path().equals("/queues/{q}/entries/{e}") && method.equals("POST")) {
            method = "PATCH";
        }
        return new Case(method + " " + endpoint.path(), method, fill(endpoint.path(), queue, entry), json(),
                validBody(endpoint));
    }

    private Case wrongMediaType(Endpoint endpoint) {
        if (endpoint.validBody().isEmpty()) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")));
        return new Case(headers.get("Content-Type") + " " + endpoint.path(), endpoint.method(),
                fill(endpoint.path(), queue, entry), headers, validBody(endpoint));
    }

    private String validBody(Endpoint endpoint) {
        return endpoint.validBody().isEmpty() ? null : object(endpoint.validBody());
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String fill(String path, String q, String e) {
        return path.replace("{q}", q).replace("{e}", e);
    }

    private static Map<String, String> json() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static Map<String, String> body(String... pairs) {
        Map<String, String> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put(pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static String object(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    private static List<String> quoted(List<String> values) {
        Function<String, String> quote = v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\t", "\\t").replace("\u0000", "\\u0000").replace("\u0001", "\\u0001")
                .replace("\u0007", "\\u0007") + "\"";
        return values.stream().map(quote).toList();
    }

    private static List<String> append(List<String> values, String more) {
        return append(values, List.of(more));
    }

    private static List<String> append(List<String> values, List<String> more) {
        List<String> all = new ArrayList<>(values);
        all.addAll(more);
        return all;
    }

    private static String shorten(String value) {
        return value.length() > 24 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
    }
}
