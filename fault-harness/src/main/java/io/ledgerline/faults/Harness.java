package io.ledgerline.faults;

import io.ledgerline.schemas.RegistryCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The fault run: a broker of its own, two command-service instances, careful clients on many queues, and a nemesis
 * killing and pausing instances and broker for the given time; then everything is healed, the clients finish what
 * they started, and the checker reads the whole log.
 *
 * <pre>java -cp &lt;fault-harness class path&gt; io.ledgerline.faults.Harness [seconds=600] [clients=8] [seed]</pre>
 * (./ledgerline faults does this) prints the counts and every anomaly, and exits 1 if there is any.
 */
public final class Harness {

    /** Where things are: the repository, a scratch directory, the JDK, the Kafka jars, the schema registry. */
    record Setup(Path root, Path work, String java, Path kafkaLibs, String registryUrl) {

        static Setup fromEnvironment(Path root, Path work) {
            String libs = System.getenv().getOrDefault("LEDGERLINE_KAFKA_LIBS",
                    root.resolve(".ledgerline/dist/kafka/libs").toString());
            if (!Files.isDirectory(Path.of(libs))) {
                throw new IllegalStateException("no Kafka jars in " + libs + ": run ./ledgerline test (or up) first");
            }
            return new Setup(root, work, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    Path.of(libs), System.getenv().getOrDefault("APICURIO_REGISTRY_URL",
                    "http://127.0.0.1:8085/apis/registry/v3"));
        }
    }

    /**
     * How long the faults go on: at least {@code atLeast}, and then until the clients have had {@code accepted}
     * commands accepted or {@code atMost} has passed. A busy machine gets more time, not a thinner run.
     */
    record Length(Duration atLeast, Duration atMost, long accepted) {

        static Length exactly(Duration duration) {
            return new Length(duration, duration, 0);
        }
    }

    /** What a run did and found. */
    record Report(Duration faultsFor, long commandsSent, long acknowledged, long acknowledgedAccepted, long gaveUp,
                  Map<Nemesis.Fault, Integer> faults, Map<String, Integer> answers, LogChecker.Findings findings) {

        int faultCount() {
            return faults.values().stream().mapToInt(Integer::intValue).sum();
        }

        void print(PrintStream out) {
            out.printf("%nfault run of %d s: %d commands acknowledged (%d accepted, %d refused), %d HTTP attempts,"
                            + " %d given up%n", faultsFor.toSeconds(), acknowledged, acknowledgedAccepted,
                    acknowledged - acknowledgedAccepted, commandsSent, gaveUp);
            out.printf("faults injected: %d %s%n", faultCount(), faults);
            out.printf("client answers (retries included): %s%n", answers);
            out.printf("log: %d events on %d queues, %d results, %d records of aborted transactions (invisible to"
                    + " read-committed readers)%n", findings.events(), findings.queues(), findings.results(),
                    findings.abortedRecords());
            out.printf("anomalies: %d%n", findings.anomalies().size());
            findings.anomalies().stream().limit(30).forEach(a -> out.println("  " + a));
        }
    }

    private Harness() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
        Path root = Path.of(System.getProperty("ledgerline.root", ".")).toAbsolutePath().normalize();
        Report report = run(Setup.fromEnvironment(root, root.resolve(".ledgerline/faults")),
                Length.exactly(Duration.ofSeconds(seconds)), clients, seed, System.out);
        report.print(System.out);
        System.exit(report.findings().anomalies().isEmpty() ? 0 : 1);
    }

    static Report run(Setup setup, Length length, int clients, long seed, PrintStream out) throws Exception {
        clean(setup.work());
        out.printf("fault run: seed %d, work directory %s%n", seed, setup.work());
        KafkaNode broker = new KafkaNode(setup, freePort(), freePort());
        List<CommandServiceNode> instances = List.of(
                new CommandServiceNode(setup, "a", freePort(), broker.bootstrap()),
                new CommandServiceNode(setup, "b", freePort(), broker.bootstrap()));
        List<Node> all = new ArrayList<>(instances);
        all.add(broker);
        try {
            broker.start();
            broker.awaitReady(Duration.ofSeconds(60));
            broker.createTopics();
            for (CommandServiceNode instance : instances) {
                instance.start();
            }
            for (CommandServiceNode instance : instances) {
                instance.awaitReady(Duration.ofSeconds(120));
            }
            List<String> queues = IntStream.range(0, 24).mapToObj(i -> "harness-q" + i).toList();
            Workload workload = new Workload(instances, queues, clients, seed);
            workload.createQueues();
            out.println("load and faults for " + length.atLeast().toSeconds() + " s or more");
            long started = System.nanoTime();
            workload.start();
            Nemesis nemesis = new Nemesis(broker, instances, seed, out);
            nemesis.start();
            Thread.sleep(length.atLeast().toMillis());
            while (workload.accepted() < length.accepted()
                    && System.nanoTime() - started < length.atMost().toNanos()) {
                Thread.sleep(1000);
            }
            Duration faultsFor = Duration.ofNanos(System.nanoTime() - started);
            nemesis.stopAndHeal();
            out.println("healed; the clients finish what they started");
            broker.awaitReady(Duration.ofSeconds(60));
            for (CommandServiceNode instance : instances) {
                instance.awaitReady(Duration.ofSeconds(180));
            }
            workload.drain(Duration.ofSeconds(180));
            LogChecker.Findings findings = LogChecker.check(broker.bootstrap(), new RegistryCodec(setup.registryUrl()),
                    workload.acknowledged());
            return new Report(faultsFor, workload.sent(), findings.acknowledged(), findings.acknowledgedAccepted(),
                    workload.gaveUp(), nemesis.injected(), workload.answers(), findings);
        } finally {
            for (Node node : all) {
                node.stop();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void clean(Path work) throws IOException {
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
    }
}
