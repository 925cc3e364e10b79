import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What reading a position costs in a long line, against a running stack (./ledgerline up): one queue is filled with
 * {@code waiting} entries through the real command path (batches of 200 joins), then
 *
 * <ul>
 *   <li>Redis memory per waiting entry: MEMORY USAGE of the queue's sorted set and score hash, divided by the count;
 *   <li>{@code GET /queues/{q}/entries/{e}} of random waiting entries, one at a time: p50/p99 per round, against
 *       {@code GET /q/health/live} of the same service and client in the same round (the HTTP floor);
 *   <li>ZRANK of random entries straight from Redis, one at a time: the store's own round trip.
 * </ul>
 *
 * Medians over rounds. Run: ./ledgerline bench positions [waiting=100000] [reads-per-round=2000] [rounds=3]
 */
public class PositionReads {

    static final String COMMANDS = "http://127.0.0.1:8081", PROJECTION = "http://127.0.0.1:8082";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String BEARER = "Bearer " + System.getenv().getOrDefault("LEDGERLINE_TOKEN", "");

    public static void main(String[] args) throws Exception {
        int waiting = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String queue = "bench-positions-" + UUID.randomUUID().toString().substring(0, 8);

        long started = System.nanoTime();
        expect(send(post(COMMANDS + "/queues", "{\"queueId\":\"" + queue + "\",\"name\":\"bench\",\"capacity\":"
                + (waiting + 1) + "}")), 201);
        long sequence = 0;
        for (int from = 0; from < waiting; from += 200) {
            StringBuilder body = new StringBuilder("{\"entries\":[");
            for (int i = from; i < Math.min(waiting, from + 200); i++) {
                body.append(i == from ? "" : ",").append("{\"entryId\":\"e").append(i).append("\",\"priority\":\"")
                        .append(PRIORITIES[i % 4]).append("\"}");
            }
            HttpResponse<String> joined = expect(send(post(COMMANDS + "/queues/" + queue + "/entries/batch",
                    body.append("]}").toString())), 201);
            sequence = Long.parseLong(joined.body().replaceAll(".*\"sequence\":(\\d+).*", "$1"));
        }
        // Read-your-writes: the first read waits until the projection has every join.
        expect(send(get(PROJECTION + "/queues/" + queue + "?minSequence=" + sequence, true)), 200);
        System.out.printf("filled %d waiting entries in %.1f s (command path and projection)%n", waiting,
                (System.nanoTime() - started) / 1e9);

        long bytes = memoryUsage("ll:q:{" + queue + "}:waiting") + memoryUsage("ll:q:{" + queue + "}:scores");
        System.out.printf("Redis memory: %d B for %d waiting = %.0f B per waiting entry (sorted set + score hash)%n",
                bytes, waiting, (double) bytes / waiting);

        Random random = new Random(42);
        List<double[]> readRounds = new ArrayList<>(), floorRounds = new ArrayList<>(), zrankRounds = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double[] floor = new double[reads], read = new double[reads], zrank = new double[reads];
            for (int i = 0; i < reads; i++) {
                floor[i] = timed(() -> expect(send(get(PROJECTION + "/q/health/live", false)), 200));
                String entry = "e" + random.nextInt(waiting);
                read[i] = timed(() -> expect(send(get(PROJECTION + "/queues/" + queue + "/entries/" + entry, true)), 200));
                zrank[i] = timed(() -> redis("ZRANK", "ll:q:{" + queue + "}:waiting", entry));
            }
            Arrays.sort(floor);
            Arrays.sort(read);
            Arrays.sort(zrank);
            floorRounds.add(floor);
            readRounds.add(read);
            zrankRounds.add(zrank);
            System.out.printf("round %d: position read p50 %.2f ms p99 %.2f ms | health p50 %.2f ms p99 %.2f ms |"
                    + " ZRANK p50 %.3f ms p99 %.3f ms%n", round, pct(read, 50), pct(read, 99), pct(floor, 50),
                    pct(floor, 99), pct(zrank, 50), pct(zrank, 99));
        }
        System.out.printf("%nmedian of %d rounds x %d reads among %d waiting:%n", rounds, reads, waiting);
        System.out.printf("  position read  p50 %.2f ms  p99 %.2f ms%n", median(readRounds, 50), median(readRounds, 99));
        System.out.printf("  health (floor) p50 %.2f ms  p99 %.2f ms  ratio p50 x%.1f%n", median(floorRounds, 50),
                median(floorRounds, 99), median(readRounds, 50) / median(floorRounds, 50));
        System.out.printf("  ZRANK          p50 %.3f ms  p99 %.3f ms%n", median(zrankRounds, 50), median(zrankRounds, 99));
        System.out.println("(the queue is left waiting: ./ledgerline down --wipe clears it)");
    }

    static final String[] PRIORITIES = {"NORMAL", "HIGH", "LOW", "URGENT"};

    interface Action {
        void run() throws Exception;
    }

    static double timed(Action action) throws Exception {
        long t0 = System.nanoTime();
        action.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double median(List<double[]> rounds, int p) {
        double[] values = rounds.stream().mapToDouble(r -> pct(r, p)).sorted().toArray();
        return values[values.length / 2];
    }

    static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", BEARER).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static HttpRequest get(String url, boolean authorised) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        return (authorised ? request.header("Authorization", BEARER) : request).build();
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    static long memoryUsage(String key) throws Exception {
        String reply = redis("MEMORY", "USAGE", key);
        return reply.startsWith(":") ? Long.parseLong(reply.substring(1).strip()) : 0;
    }

    private static Socket socket;

    /** One RESP command on a kept connection (db 0, the stack's); the first line of the reply. */
    static synchronized String redis(String... command) throws Exception {
        if (socket == null) {
            socket = new Socket("127.0.0.1", 6379);
            socket.setTcpNoDelay(true);
        }
        StringBuilder out = new StringBuilder("*").append(command.length).append("\r\n");
        for (String part : command) {
            out.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part)
                    .append("\r\n");
        }
        OutputStream write = socket.getOutputStream();
        write.write(out.toString().getBytes(StandardCharsets.UTF_8));
        write.flush();
        InputStream read = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = read.read()) != '\n') {
            line.append((char) c);
        }
        if (line.charAt(0) == '$' && !line.toString().startsWith("$-1")) {
            read.readNBytes(Integer.parseInt(line.substring(1).strip()) + 2); // a bulk string's body
        }
        return line.toString();
    }
}
