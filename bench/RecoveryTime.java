import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time from kill -9 of the command service, under load, to the first accepted command: the launcher's supervisor
 * starts the killed JVM again (same instance id: same transactional id, same static group membership), which
 * restores its partitions from their newest checkpoints and the events after them.
 *
 * <p>Each round: {@code concurrency} clients join a fresh queue as fast as they can, each join with its own
 * Idempotency-Key and retried with that key on any failure, as a careful client would. After 3 s the JVM whose pid
 * the supervisor wrote is killed with SIGKILL; the figure is the time until a join sent after the kill is answered
 * 201. The service log gives the breakdown of the restart (JVM start, restore). Medians over the rounds; the
 * service's own start-up time, read from the same log, is the same-run baseline: recovery can't beat it.
 *
 * <p>Run: java bench/RecoveryTime.java [rounds=5] [concurrency=8] [pid-file=.ledgerline/run/queue-command-service.child.pid]
 * [log=.ledgerline/logs/queue-command-service.log] [base-url=http://127.0.0.1:8081]
 */
public class RecoveryTime {

    private static final Pattern STARTED = Pattern.compile("started in (\\d+\\.\\d+)s");
    private static final Pattern RESTORED = Pattern.compile("partitions \\[[^]]*] restored in (\\d+) ms: (\\d+) outcomes"
            + " caught up, checkpoints up to offsets \\{[^}]*}, (\\d+) events replayed, (\\d+) queues");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path pidFile = Path.of(args.length > 2 ? args[2] : ".ledgerline/run/queue-command-service.child.pid");
        Path log = Path.of(args.length > 3 ? args[3] : ".ledgerline/logs/queue-command-service.log");
        String base = args.length > 4 ? args[4] : "http://127.0.0.1:8081";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(500)).build();

        List<Double> recoveries = new ArrayList<>();
        List<Double> startups = new ArrayList<>();
        List<Double> restores = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            awaitReady(http, base);
            String queue = "bench-recovery-" + UUID.randomUUID();
            HttpRequest create = HttpRequest.newBuilder(URI.create(base + "/queues")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + System.getenv().getOrDefault("LEDGERLINE_TOKEN", "")).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"queueId\":\"" + queue + "\",\"name\":\"recovery\",\"capacity\":1000000}")).build();
            if (send(http, create).statusCode() != 201) {
                throw new IllegalStateException("could not create queue " + queue);
            }
            Round result = round(http, base, queue, concurrency, pidFile);
            awaitReady(http, base);
            Thread.sleep(500); // let the log catch up
            String text = Files.readString(log);
            MatchResult started = lastMatch(STARTED, text);
            MatchResult restored = lastMatch(RESTORED, text);
            double startup = started == null ? Double.NaN : Double.parseDouble(started.group(1)) * 1000;
            double restore = restored == null ? Double.NaN : Double.parseDouble(restored.group(1));
            recoveries.add(result.recoveryMs());
            startups.add(startup);
            restores.add(restore);
            System.out.printf("round %d: first accepted join %.0f ms after kill -9 | JVM start %.0f ms, restore %.0f ms"
                            + " (%s outcomes caught up, %s events replayed, %s queues) | %d joins acknowledged,"
                            + " answers during the outage %s%n",
                    round, result.recoveryMs(), startup, restore,
                    restored == null ? "?" : restored.group(2), restored == null ? "?" : restored.group(3),
                    restored == null ? "?" : restored.group(4), result.acknowledged(), result.statuses());
        }
        System.out.printf("%nmedian of %d rounds: kill -9 -> first accepted command %.0f ms (service start-up alone %.0f ms,"
                + " restore %.0f ms)%n", rounds, median(recoveries), median(startups), median(restores));
    }

    record Round(double recoveryMs, long acknowledged, Map<String, Integer> statuses) {}

    private static Round round(HttpClient http, String base, String queue, int concurrency, Path pidFile)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong killedAt = new AtomicLong();
        AtomicLong firstAcceptedAfterKill = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        Map<String, Integer> statuses = new TreeMap<>();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        for (int c = 0; c < concurrency; c++) {
            clients.submit(() -> {
                while (running.get()) {
                    String key = UUID.randomUUID().toString();
                    while (running.get()) {
                        long sentAt = System.nanoTime();
                        String status;
                        try {
                            status = Integer.toString(send(http, post(base + "/queues/" + queue + "/entries", key, "{}")).statusCode());
                        } catch (Exception e) {
                            status = e.getClass().getSimpleName();
                        }
                        long killed = killedAt.get();
                        if (killed != 0 && sentAt > killed) {
                            synchronized (statuses) {
                                statuses.merge(status, 1, Integer::sum);
                            }
                        }
                        if (status.equals("201")) {
                            acknowledged.incrementAndGet();
                            if (killed != 0 && sentAt > killed) {
                                firstAcceptedAfterKill.compareAndSet(0, System.nanoTime());
                            }
                            break;
                        }
                        Thread.sleep(20);
                    }
                }
                return null;
            });
        }
        Thread.sleep(3000);
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle victim = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        killedAt.set(System.nanoTime());
        victim.destroyForcibly(); // SIGKILL
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (firstAcceptedAfterKill.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(1000);
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        if (firstAcceptedAfterKill.get() == 0) {
            throw new IllegalStateException("no command accepted within 120 s of the kill");
        }
        return new Round((firstAcceptedAfterKill.get() - killedAt.get()) / 1e6, acknowledged.get(), statuses);
    }

    private static void awaitReady(HttpClient http, String base) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send(http, HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build()).statusCode() == 200) {
                    return;
                }
            } catch (Exception e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(base + " not ready after 180 s");
    }

    private static HttpRequest post(String url, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + System.getenv().getOrDefault("LEDGERLINE_TOKEN", ""))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return (key == null ? request : request.header("Idempotency-Key", key)).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static MatchResult lastMatch(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        MatchResult last = null;
        while (m.find()) {
            last = m.toMatchResult();
        }
        return last;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
