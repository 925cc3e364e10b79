package io.ledgerline.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients as careful as a clinic's front desk: joins, call-next, complete and leave on many queues, each command
 * with its own Idempotency-Key, sent to either instance, and retried with the same key (to either instance) after
 * any failure that does not settle it: a timeout, a refused connection, 503, 504. A command counts as acknowledged
 * once it is answered for good.
 */
final class Workload {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);
    private static final String[] PRIORITIES = {"URGENT", "HIGH", "NORMAL", "NORMAL", "LOW"};
    /** The clients act as an admin (they create queues too): the harness is about faults, not access. */
    private final String token = adminToken();

    private final List<CommandServiceNode> nodes;
    private final List<String> queues;
    private final int clients;
    private final long seed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, QueueModel> models = new ConcurrentHashMap<>();
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final AtomicLong entryCounter = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong gaveUp = new AtomicLong();
    private final AtomicBoolean issuing = new AtomicBoolean();
    private ExecutorService pool;

    Workload(List<CommandServiceNode> nodes, List<String> queues, int clients, long seed) {
        this.nodes = nodes;
        this.queues = queues;
        this.clients = clients;
        this.seed = seed;
        queues.forEach(q -> models.put(q, new QueueModel()));
    }

    /** Creates the queues; each creation is acknowledged before the load starts. */
    void createQueues() throws InterruptedException {
        Random random = new Random(seed);
        for (String queue : queues) {
            settle(random, queue, "create", "POST", "/queues",
                    "{\"queueId\":\"" + queue + "\",\"name\":\"harness\",\"capacity\":100000}");
        }
    }

    void start() {
        issuing.set(true);
        pool = Executors.newVirtualThreadPerTaskExecutor();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(seed * 31 + c);
            pool.submit(() -> {
                while (issuing.get()) {
                    next(random);
                }
                return null;
            });
        }
    }

    /** No new commands; the ones under way are retried until they are answered for good (or given up). */
    void drain(Duration atMost) throws InterruptedException {
        issuing.set(false);
        pool.shutdown();
        if (!pool.awaitTermination(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
        }
    }

    List<Acknowledged> acknowledged() {
        return new ArrayList<>(acknowledged);
    }

    long sent() {
        return sent.get();
    }

    /** Commands accepted so far (answered 2xx). */
    long accepted() {
        return acknowledged.stream().filter(Acknowledged::accepted).count();
    }

    long gaveUp() {
        return gaveUp.get();
    }

    /** Every answer the clients saw, by HTTP status or failure, retries included. */
    Map<String, Integer> answers() {
        return new TreeMap<>(answers);
    }

    private void next(Random random) throws InterruptedException {
        String queue = queues.get(random.nextInt(queues.size()));
        QueueModel model = models.get(queue);
        int dice = random.nextInt(100);
        if (dice < 25) {
            Acknowledged ack = settle(random, queue, "call-next", "POST", "/queues/" + queue + "/call-next", null);
            if (ack != null && ack.accepted() && ack.entryId() != null) {
                model.called(ack.entryId());
            }
            return;
        }
        if (dice < 45) {
            String called = model.anyCalled(random);
            if (called != null) {
                Acknowledged ack = settle(random, queue, "complete", "POST",
                        "/queues/" + queue + "/entries/" + called + "/complete", null);
                if (ack != null) {
                    model.finished(called);
                }
                return;
            }
        }
        if (dice < 55) {
            String waiting = model.anyWaiting(random);
            if (waiting != null) {
                Acknowledged ack = settle(random, queue, "leave", "DELETE", "/queues/" + queue + "/entries/" + waiting, null);
                if (ack != null) {
                    model.finished(waiting);
                }
                return;
            }
        }
        String entryId = "e" + entryCounter.incrementAndGet();
        Acknowledged ack = settle(random, queue, "join", "POST", "/queues/" + queue + "/entries",
                "{\"entryId\":\"" + entryId + "\",\"priority\":\"" + PRIORITIES[random.nextInt(PRIORITIES.length)] + "\"}");
        if (ack != null && ack.accepted()) {
            model.joined(entryId);
        }
    }

    /** Sends one command until it is answered for good; the same key and body every time, to either instance. */
    private Acknowledged settle(Random random, String queue, String operation, String method, String path, String body)
            throws InterruptedException {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            CommandServiceNode node = nodes.get(random.nextInt(nodes.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                    .timeout(Duration.ofSeconds(4)).header("Idempotency-Key", key)
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            sent.incrementAndGet();
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                answers.merge(Integer.toString(status), 1, Integer::sum);
                if (status != 503 && status != 504 && status != 502) {
                    Acknowledged ack = acknowledgement(queue, key, operation, status, response.body());
                    acknowledged.add(ack);
                    return ack;
                }
            } catch (java.io.IOException e) {
                answers.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            }
            Thread.sleep(100 + random.nextInt(400));
        }
        gaveUp.incrementAndGet();
        return null;
    }

    private static Acknowledged acknowledgement(String queue, String key, String operation, int status, String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (java.io.IOException e) {
            json = JSON.nullNode();
        }
        return new Acknowledged(queue, key, operation, status, json.path("firstSequence").asLong(),
                json.path("sequence").asLong(), json.path("entryId").isTextual() ? json.path("entryId").asText() : null,
                json.path("reason").isTextual() ? json.path("reason").asText() : null);
    }

    /** What the clients believe of one queue, to send commands that mostly make sense (the log decides). */
    private static final class QueueModel {
        private final List<String> waiting = new ArrayList<>();
        private final List<String> called = new ArrayList<>();

        synchronized void joined(String entryId) {
            waiting.add(entryId);
        }

        synchronized void called(String entryId) {
            waiting.remove(entryId);
            called.add(entryId);
        }

        synchronized void finished(String entryId) {
            waiting.remove(entryId);
            called.remove(entryId);
        }

        synchronized String anyWaiting(Random random) {
            return waiting.isEmpty() ? null : waiting.get(random.nextInt(waiting.size()));
        }

        synchronized String anyCalled(Random random) {
            return called.isEmpty() ? null : called.get(random.nextInt(called.size()));
        }
    }

    private static String adminToken() {
        try {
            return io.ledgerline.access.TokenIssuer.local().issue("fault-harness", io.ledgerline.access.Role.ADMIN,
                    null, Duration.ofHours(4), java.time.Instant.now());
        } catch (Exception e) {
            throw new IllegalStateException("no token key (run ./ledgerline up or set LEDGERLINE_JWT_PRIVATE_KEY): "
                    + e.getMessage(), e);
        }
    }

}
