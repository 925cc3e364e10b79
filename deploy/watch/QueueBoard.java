import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A live board of one queue, as a person at the clinic would see it: who is waiting, in what order, for how long.
 * It reads only the position projection's REST API, once a second, so what it shows is what any client would see.
 *
 * <p>Run: java deploy/watch/QueueBoard.java [queueId=demo-clinic] [projection=http://127.0.0.1:8082] [rows=15]
 */
public class QueueBoard {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}\\]]+)");

    public static void main(String[] args) throws Exception {
        String queue = args.length > 0 ? args[0] : "demo-clinic";
        String base = args.length > 1 ? args[1] : "http://127.0.0.1:8082";
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (true) {
            StringBuilder screen = new StringBuilder("\033[H\033[2J");
            screen.append(String.format("Ledgerline  queue %s   %s   (Ctrl-C to stop)%n%n", queue,
                    LocalTime.now().truncatedTo(ChronoUnit.SECONDS)));
            try {
                render(screen, http, base, queue, rows);
            } catch (Exception e) {
                screen.append("projection not answering at ").append(base).append(": ").append(e.getMessage()).append('\n');
            }
            System.out.print(screen);
            System.out.flush();
            Thread.sleep(1000);
        }
    }

    private static void render(StringBuilder screen, HttpClient http, String base, String queue, int rows)
            throws Exception {
        HttpResponse<String> summary = get(http, base + "/queues/" + queue);
        if (summary.statusCode() != 200) {
            screen.append("GET /queues/").append(queue).append(" -> ").append(summary.statusCode()).append('\n')
                    .append(summary.body()).append('\n');
            return;
        }
        Map<String, String> q = fields(summary.body());
        screen.append(String.format("%s   status %s   waiting %s of capacity %s   last event #%s%n%n",
                q.get("name"), q.get("status"), q.get("waitingCount"), q.get("capacity"), q.get("lastSequence")));
        String list = get(http, base + "/queues/" + queue + "/entries?status=WAITING&limit=" + rows).body();
        screen.append(String.format("  %4s  %-8s %-28s %-8s %s%n", "pos", "number", "entry", "priority", "waiting for"));
        Instant now = Instant.now();
        for (Map<String, String> entry : objects(list)) {
            String joined = entry.get("joinedAt");
            long seconds = joined == null ? 0 : Duration.between(Instant.parse(joined), now).toSeconds();
            screen.append(String.format("  %4s  %-8s %-28s %-8s %d:%02d%n", entry.get("position"),
                    entry.getOrDefault("entryNumber", "-"), entry.get("entryId"), entry.get("priority"), seconds / 60,
                    seconds % 60));
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).header("Authorization", "Bearer " + System.getenv().getOrDefault("LEDGERLINE_TOKEN", "")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The projection's answers are flat JSON objects; no library is needed to read them. */
    private static List<Map<String, String>> objects(String json) {
        List<Map<String, String>> found = new ArrayList<>();
        for (String object : json.split("\\}\\s*,\\s*\\{")) {
            Map<String, String> fields = fields(object);
            if (!fields.isEmpty()) {
                found.add(fields);
            }
        }
        return found;
    }

    private static Map<String, String> fields(String json) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            fields.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2).trim());
        }
        return fields;
    }
}
