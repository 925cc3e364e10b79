import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Latency of sequential REST joins against a running stack (./ledgerline up), each one the full command path:
 * HTTP -> commands topic -> decide -> transaction (events + result + offset) -> results topic -> HTTP answer.
 *
 * <p>Baseline measured in the same run, on the same service and connection: GET /q/health/live, the floor of an
 * HTTP round trip. The machines are shared and noisy, so the figures are medians over several rounds and the
 * ratio to the baseline is what compares across machines.
 *
 * <p>Then the same number of joins with {@code concurrency} requests in flight: the command service commits one
 * transaction per polled batch, so throughput should grow with load; the sequential rate of the same run is the
 * baseline of that ratio.
 *
 * <p>Run: java bench/JoinLatency.java [joins-per-round=1000] [rounds=3] [concurrency=32] [base-url=http://127.0.0.1:8081]
 */
public class JoinLatency {

    public static void main(String[] args) throws Exception {
        int joins = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        String base = args.length > 3 ? args[3] : "http://127.0.0.1:8081";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        warmUp(http, base);
        List<double[]> joinRounds = new ArrayList<>();
        List<double[]> baseRounds = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            String queue = "bench-" + UUID.randomUUID();
            expect(send(http, post(base + "/queues",
                    "{\"queueId\":\"" + queue + "\",\"name\":\"bench\",\"capacity\":" + (joins + 1) + "}")), 201);
            double[] baseline = time(http, joins, i -> HttpRequest.newBuilder(URI.create(base + "/q/health/live")).build(), 200);
            double[] joined = time(http, joins, i -> post(base + "/queues/" + queue + "/entries",
                    "{\"entryId\":\"e" + i + "\",\"priority\":\"" + PRIORITIES[i % 4] + "\"}"), 201);
            baseRounds.add(baseline);
            joinRounds.add(joined);
            System.out.printf("round %d: join p50 %.2f ms  p99 %.2f ms  max %.2f ms  (%.0f joins/s) | baseline p50 %.2f ms  p99 %.2f ms%n",
                    round, pct(joined, 50), pct(joined, 99), joined[joined.length - 1], joins / (sum(joined) / 1000),
                    pct(baseline, 50), pct(baseline, 99));
        }
        double joinP50 = median(joinRounds, 50), joinP99 = median(joinRounds, 99);
        double baseP50 = median(baseRounds, 50), baseP99 = median(baseRounds, 99);
        System.out.printf("%nmedian of %d rounds x %d sequential joins:%n", rounds, joins);
        System.out.printf("  join      p50 %.2f ms  p99 %.2f ms%n", joinP50, joinP99);
        System.out.printf("  baseline  p50 %.2f ms  p99 %.2f ms  (GET /q/health/live, same service)%n", baseP50, baseP99);
        System.out.printf("  ratio     p50 x%.1f    p99 x%.1f%n", joinP50 / baseP50, joinP99 / baseP99);

        double sequentialRate = joinRounds.stream().mapToDouble(r -> r.length / (sum(r) / 1000)).sorted()
                .toArray()[rounds / 2];
        List<Double> rates = new ArrayList<>();
        List<double[]> concurrentRounds = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            String queue = "bench-" + UUID.randomUUID();
            expect(send(http, post(base + "/queues",
                    "{\"queueId\":\"" + queue + "\",\"name\":\"bench\",\"capacity\":" + (joins + 1) + "}")), 201);
            long start = System.nanoTime();
            double[] latencies = concurrent(http, joins, concurrency, i -> post(base + "/queues/" + queue + "/entries",
                    "{\"entryId\":\"c" + i + "\",\"priority\":\"" + PRIORITIES[i % 4] + "\"}"));
            double rate = joins / ((System.nanoTime() - start) / 1e9);
            rates.add(rate);
            concurrentRounds.add(latencies);
            System.out.printf("concurrent round %d (%d in flight): %.0f joins/s  p50 %.2f ms  p99 %.2f ms%n",
                    round, concurrency, rate, pct(latencies, 50), pct(latencies, 99));
        }
        double concurrentRate = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray()[rounds / 2];
        System.out.printf("%nmedian of %d rounds x %d joins with %d in flight:%n", rounds, joins, concurrency);
        System.out.printf("  %.0f joins/s  p50 %.2f ms  p99 %.2f ms;  x%.1f the sequential rate (%.0f joins/s)%n",
                concurrentRate, median(concurrentRounds, 50), median(concurrentRounds, 99),
                concurrentRate / sequentialRate, sequentialRate);
    }

    private static double[] concurrent(HttpClient http, int n, int inFlight, Request request) throws Exception {
        double[] millis = new double[n];
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(inFlight);
        java.util.concurrent.CompletableFuture<?>[] all = new java.util.concurrent.CompletableFuture<?>[n];
        for (int i = 0; i < n; i++) {
            slots.acquire();
            int index = i;
            long start = System.nanoTime();
            all[i] = http.sendAsync(request.make(i), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        millis[index] = (System.nanoTime() - start) / 1e6;
                        slots.release();
                        if (error == null) {
                            expect(response, 201);
                        }
                    });
        }
        java.util.concurrent.CompletableFuture.allOf(all).join();
        Arrays.sort(millis);
        return millis;
    }

    private static final String[] PRIORITIES = {"NORMAL", "HIGH", "LOW", "URGENT"};

    private interface Request {
        HttpRequest make(int i);
    }

    private static double[] time(HttpClient http, int n, Request request, int status) throws Exception {
        double[] millis = new double[n];
        for (int i = 0; i < n; i++) {
            HttpRequest r = request.make(i);
            long start = System.nanoTime();
            HttpResponse<String> response = send(http, r);
            millis[i] = (System.nanoTime() - start) / 1e6;
            expect(response, status);
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void warmUp(HttpClient http, String base) throws Exception {
        String queue = "bench-warmup-" + UUID.randomUUID();
        expect(send(http, post(base + "/queues", "{\"queueId\":\"" + queue + "\",\"name\":\"warm-up\",\"capacity\":500}")), 201);
        for (int i = 0; i < 200; i++) {
            expect(send(http, post(base + "/queues/" + queue + "/entries", "{\"entryId\":\"w" + i + "\"}")), 201);
            send(http, HttpRequest.newBuilder(URI.create(base + "/q/health/live")).build());
        }
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + System.getenv().getOrDefault("LEDGERLINE_TOKEN", ""))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode()
                    + " (expected " + status + "): " + response.body());
        }
    }

    private static double pct(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double median(List<double[]> rounds, double p) {
        double[] values = rounds.stream().mapToDouble(r -> pct(r, p)).sorted().toArray();
        return values[values.length / 2];
    }

    private static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }
}
