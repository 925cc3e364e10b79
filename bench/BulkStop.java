import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long an emergency stop by tag takes for N queues, against a running stack (./ledgerline up): N queues are
 * created with a tag of their own (plus as many again without it, so the owners also pass over queues they do not
 * stop), then POST /queues/emergency-stop and POST /queues/resume for that tag are timed, round after round.
 *
 * <p>Baseline measured in the same run, on the same service: the emergency stop of one queue by its own REST call
 * (POST /queues/{id}/emergency-stop), and its resume. The figures are medians over the rounds; the ratio of a bulk
 * stop to a single one says what a thousand queues cost beyond one.
 *
 * <p>Run: java bench/BulkStop.java [queue-counts=1000,5000] [rounds=5] [base-url=http://127.0.0.1:8081]
 */
public class BulkStop {

    private static final Pattern STOPPED = Pattern.compile("\"(stopped|resumed)\":\\[([^\\]]*)\\]");

    public static void main(String[] args) throws Exception {
        int[] counts = Arrays.stream((args.length > 0 ? args[0] : "1000,5000").split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String base = args.length > 2 ? args[2] : "http://127.0.0.1:8081";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        String single = "bench-one-" + UUID.randomUUID();
        expect(send(http, base + "/queues", "{\"queueId\":\"" + single + "\",\"name\":\"one\",\"capacity\":10}"), 201);
        System.out.printf("%-28s %12s %12s %14s%n", "", "stop p50", "resume p50", "stop / single");
        double[] singleStop = new double[rounds];
        double[] singleResume = new double[rounds];
        for (int round = 0; round < rounds + 1; round++) { // the first round warms up and is not counted
            long t0 = System.nanoTime();
            expect(send(http, base + "/queues/" + single + "/emergency-stop", "{\"reason\":\"bench\"}"), 200);
            long t1 = System.nanoTime();
            expect(send(http, base + "/queues/" + single + "/resume", "{}"), 200);
            long t2 = System.nanoTime();
            if (round > 0) {
                singleStop[round - 1] = (t1 - t0) / 1e6;
                singleResume[round - 1] = (t2 - t1) / 1e6;
            }
        }
        double singleStopMedian = median(singleStop);
        System.out.printf("%-28s %9.1f ms %9.1f ms %14s%n", "one queue (baseline)", singleStopMedian,
                median(singleResume), "1.0x");

        for (int count : counts) {
            String tag = "bench" + UUID.randomUUID().toString().substring(0, 8);
            createQueues(http, base, count, tag);
            createQueues(http, base, count, "other" + tag.substring(5));
            double[] stop = new double[rounds];
            double[] resume = new double[rounds];
            for (int round = 0; round < rounds + 1; round++) {
                long t0 = System.nanoTime();
                String stopped = expect(send(http, base + "/queues/emergency-stop",
                        "{\"tags\":[\"" + tag + "\"],\"reason\":\"bench\"}"), 200);
                long t1 = System.nanoTime();
                String resumed = expect(send(http, base + "/queues/resume", "{\"tags\":[\"" + tag + "\"]}"), 200);
                long t2 = System.nanoTime();
                check(stopped, count);
                check(resumed, count);
                if (round > 0) {
                    stop[round - 1] = (t1 - t0) / 1e6;
                    resume[round - 1] = (t2 - t1) / 1e6;
                }
            }
            double stopMedian = median(stop);
            System.out.printf("%-28s %9.1f ms %9.1f ms %13.1fx   (%.0f ms per 1,000 queues; runs %s)%n",
                    String.format("%,d queues by tag", count), stopMedian, median(resume), stopMedian / singleStopMedian,
                    stopMedian * 1000 / count, Arrays.toString(Arrays.stream(stop).map(Math::round).toArray()));
        }
    }

    private static void createQueues(HttpClient http, String base, int count, String tag) throws Exception {
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            String body = "{\"queueId\":\"" + tag + "-" + i + "\",\"name\":\"bench\",\"capacity\":10,"
                    + "\"settings\":{\"tags\":[\"" + tag + "\",\"bench\"]}}";
            sent.add(http.sendAsync(request(base + "/queues", body), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> inFlight.release())
                    .thenAccept(response -> expect(response, 201)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    private static void check(String body, int expected) {
        Matcher m = STOPPED.matcher(body);
        int changed = m.find() && !m.group(2).isEmpty() ? m.group(2).split(",").length : 0;
        if (changed != expected) {
            throw new IllegalStateException("expected " + expected + " queues changed, got " + changed + ": "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }

    private static HttpRequest request(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + System.getenv().getOrDefault("LEDGERLINE_TOKEN", ""))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpClient http, String url, String body) throws Exception {
        return http.send(request(url, body), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
