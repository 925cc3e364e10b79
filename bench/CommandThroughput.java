import io.ledgerline.schemas.RegistryCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ledgerline.queue.v1.CommandRejected;
import ledgerline.queue.v1.CommandResult;
import ledgerline.queue.v1.JoinQueue;
import ledgerline.queue.v1.LeaveQueue;
import ledgerline.queue.v1.Priority;
import ledgerline.queue.v1.QueueCommandEnvelope;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Throughput of the command path of a running stack (./ledgerline up), each figure next to a baseline measured in
 * the same run, as medians over rounds (the machines are shared and noisy: the ratios are what compare).
 *
 * <ul>
 *   <li>{@code rest [levels=1,64,256] [seconds=10] [rounds=3]}: closed loop. For each number in flight L, a round
 *       keeps exactly L requests in flight for {@code seconds} of {@code GET /q/health/live} (the baseline: the floor
 *       of an HTTP round trip on the same service, client and connections), then for {@code seconds} of joins
 *       ({@code POST /queues/{q}/entries} on a fresh queue, 201 expected). Prints rate and p50/p95/p99 of both,
 *       {@code joins/s ÷ health/s}, and the CPU every component of the stack spent per join (utime+stime of
 *       /proc/&lt;pid&gt;/stat around the join phase; pids from the run directory, all postgres processes, and this
 *       process).</li>
 *   <li>{@code topic [commands=200000] [queues=100] [rounds=3]}: commands written straight to the commands topic, as
 *       an integrator would: Avro JoinQueue and LeaveQueue envelopes, each entry joining then leaving (registry framing, key and partition of the queueId, unique
 *       commandId and requestId) from a fast producer (linger 10 ms, 256 KB batches, lz4), and every result read
 *       back from the results topic (read_committed, all partitions, positioned at the end before the first send)
 *       and matched by commandId. Baseline: the producer's own rate (every send acknowledged). Measured: the rate
 *       decided and appended, commands / (first send .. last result), and the lag from the last ack to the last
 *       result.</li>
 *   <li>{@code mixed [rates=1000,5000] [seconds=20] [queues=20] [rounds=1]}: open loop, a clinic's day in
 *       proportions: 30% joins, 35% position reads on the projection service, 15% call-next, 15% complete, 5% leave,
 *       over fresh queues. Requests start on a fixed schedule (each tick of a 1 ms timer starts as many as the rate
 *       asks for, whatever is still in flight) and latency counts from the scheduled start, so a slow service cannot
 *       slow the load down (no coordinated omission). Baseline: the same schedule of {@code GET /q/health/live} on
 *       the command service.</li>
 * </ul>
 *
 * <p>HTTP: one Vert.x core client (HTTP/1.1 keep-alive, a connection pool as large as the number in flight) on a
 * single event loop, for the baselines and the measured calls alike. Percentiles come from the full sorted list of
 * latencies.
 *
 * <p>Run with the command service's class path (kafka-clients, Vert.x core, the Avro classes, RegistryCodec):
 * java -cp "$COMMAND_CP" bench/CommandThroughput.java &lt;rest|topic|mixed&gt; [positional...] [--run-dir=.ledgerline/run]
 * [--command=http://127.0.0.1:8081] [--projection=http://127.0.0.1:8082] [--bootstrap=127.0.0.1:9092]
 * [--registry=http://127.0.0.1:8085/apis/registry/v3] [--connections=N (mixed)]
 */
public class CommandThroughput {

    static final String COMMANDS_TOPIC = "ledgerline.queue-commands.v1";
    static final String RESULTS_TOPIC = "ledgerline.command-results.v1";
    static final int CAPACITY = 1_000_000;
    static final String JSON = "application/json";

    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        int status = 0;
        try {
            switch (args.mode()) {
                case "rest" -> new RestMode(args).run();
                case "topic" -> new TopicMode(args).run();
                case "mixed" -> new MixedMode(args).run();
                default -> throw new Failure("unknown mode '" + args.mode() + "': rest, topic or mixed");
            }
        } catch (Failure e) {
            System.err.println("CommandThroughput " + args.mode() + " FAILED: " + e.getMessage());
            status = 1;
        } catch (Exception e) {
            System.err.println("CommandThroughput " + args.mode() + " FAILED: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    // ------------------------------------------------------------------------------------------------- rest mode

    /** Closed loop: L joins in flight against L health checks in flight, with the CPU each component spent. */
    static final class RestMode {
        private final int[] levels;
        private final int seconds;
        private final int rounds;
        /** One or more instances of the command service; calls go round-robin, so each gets its share. */
        private final List<String> commands;
        private final Path runDir;

        RestMode(Args args) {
            levels = Arrays.stream(args.pos(0, "1,64,256").split(",")).mapToInt(Integer::parseInt).toArray();
            seconds = Integer.parseInt(args.pos(1, "10"));
            rounds = Integer.parseInt(args.pos(2, "3"));
            commands = List.of(args.opt("command", "http://127.0.0.1:8081").split(","));
            runDir = Path.of(args.opt("run-dir", ".ledgerline/run"));
        }

        void run() throws Exception {
            System.out.printf("rest: levels %s, %d s per phase, %d round(s); command service %s%n",
                    Arrays.toString(levels), seconds, rounds, String.join(" + ", commands));
            CpuMeter cpu = CpuMeter.of(runDir);
            List<String> summary = new ArrayList<>();
            for (int level : levels) {
                try (Http http = new Http(level)) {
                    for (String command : commands) {
                        http.requireReady(command);
                    }
                    warmUp(http, level);
                    List<Round> results = new ArrayList<>();
                    for (int round = 1; round <= rounds; round++) {
                        Round r = round(http, level, cpu);
                        results.add(r);
                        print("L=" + level + " round " + round, r);
                    }
                    Round median = Round.median(results);
                    if (rounds > 1) {
                        print("L=" + level + " median of " + rounds, median);
                    }
                    summary.add(String.format("%5d in flight  %8.0f joins/s  %8.0f health/s  ratio %.3f   join p50 %7.2f p99 %7.2f ms",
                            level, median.joins.rate(), median.health.rate(), median.ratio(), median.joins.p50(),
                            median.joins.p99()));
                }
            }
            System.out.println();
            System.out.println("summary (medians): joins/s ÷ health/s, same client, same service, same in-flight count");
            summary.forEach(System.out::println);
        }

        private void warmUp(Http http, int level) throws Exception {
            String queue = http.createQueues(commands.get(0), "warm", 1).get(0);
            int warmSeconds = Math.max(1, Math.min(2, seconds / 5));
            ClosedLoop.run(http, level, warmSeconds, 200,
                    i -> http.send(HttpMethod.GET, instance(i) + "/q/health/live", null));
            ClosedLoop.run(http, level, warmSeconds, 201,
                    i -> http.send(HttpMethod.POST, instance(i) + "/queues/" + queue + "/entries", joinBody("w" + i)));
        }

        private Round round(Http http, int level, CpuMeter cpu) throws Exception {
            String queue = http.createQueues(commands.get(0), "rest", 1).get(0);
            Phase health = ClosedLoop.run(http, level, seconds, 200,
                    i -> http.send(HttpMethod.GET, instance(i) + "/q/health/live", null));
            Map<String, Long> before = cpu.snapshot();
            Phase joins = ClosedLoop.run(http, level, seconds, 201,
                    i -> http.send(HttpMethod.POST, instance(i) + "/queues/" + queue + "/entries", joinBody("e" + i)));
            Map<String, Double> cpuPerJoin = cpu.msPer(before, cpu.snapshot(), joins.ok());
            if (joins.ok() == 0) {
                throw new Failure("no join succeeded with " + level + " in flight: " + joins.errors());
            }
            Figures h = health.figures(), j = joins.figures();
            return new Round(h, j, j.rate() / h.rate(), joins.errors(), cpuPerJoin);
        }

        private String instance(long call) {
            return commands.get((int) (call % commands.size()));
        }

        private static void print(String label, Round r) {
            System.out.printf("%-22s health %8.0f/s  p50 %6.2f p95 %6.2f p99 %6.2f ms | joins %7.0f/s  p50 %7.2f p95 %7.2f p99 %7.2f ms | joins/health %.3f%s%n",
                    label, r.health.rate(), r.health.p50(), r.health.p95(), r.health.p99(), r.joins.rate(),
                    r.joins.p50(), r.joins.p95(), r.joins.p99(), r.ratio(),
                    r.errors.isEmpty() ? "" : "  errors " + r.errors);
            if (!r.cpuPerJoin.isEmpty()) {
                StringBuilder line = new StringBuilder(String.format("%-22s cpu ms/join:", ""));
                r.cpuPerJoin.forEach((name, ms) -> line.append(String.format("  %s %.3f", name, ms)));
                System.out.println(line);
            }
        }

        /** One round; {@code ratio} is joins/s ÷ health/s of the same round. */
        record Round(Figures health, Figures joins, double ratio, Map<String, Integer> errors,
                     Map<String, Double> cpuPerJoin) {

            /** Each figure is the median of its own across the rounds. */
            static Round median(List<Round> rounds) {
                Map<String, Double> cpu = new LinkedHashMap<>();
                rounds.get(0).cpuPerJoin.keySet().forEach(name -> cpu.put(name,
                        CommandThroughput.median(rounds.stream()
                                .mapToDouble(r -> r.cpuPerJoin.getOrDefault(name, 0.0)).toArray())));
                Map<String, Integer> errors = new TreeMap<>();
                rounds.forEach(r -> r.errors.forEach((k, v) -> errors.merge(k, v, Integer::sum)));
                return new Round(Figures.median(rounds.stream().map(Round::health).toList()),
                        Figures.median(rounds.stream().map(Round::joins).toList()),
                        CommandThroughput.median(rounds.stream().mapToDouble(Round::ratio).toArray()), errors, cpu);
            }
        }
    }

    /** Keeps exactly {@code inFlight} requests going for {@code seconds}, each started when one finishes. */
    static final class ClosedLoop {
        private final Latencies latencies = new Latencies();
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final LongFunction<Future<Reply>> call;
        private final Promise<Void> done = Promise.promise();
        private long deadline;
        private long issued;
        private int inFlight;
        private long started;
        private long lastDone;

        private ClosedLoop(LongFunction<Future<Reply>> call) {
            this.call = call;
        }

        static Phase run(Http http, int inFlight, int seconds, int expected, LongFunction<Future<Reply>> call)
                throws Exception {
            ClosedLoop loop = new ClosedLoop(call);
            http.onLoop(() -> {
                loop.started = System.nanoTime();
                loop.deadline = loop.started + TimeUnit.SECONDS.toNanos(seconds);
                for (int i = 0; i < inFlight; i++) {
                    loop.startOne();
                }
            });
            await(loop.done.future(), seconds + 60L, "closed loop of " + inFlight + " did not drain");
            return new Phase(loop.latencies, loop.statuses, loop.lastDone - loop.started, expected);
        }

        private void startOne() {
            long start = System.nanoTime();
            inFlight++;
            call.apply(issued++).onComplete(reply -> {
                long now = System.nanoTime();
                latencies.add((now - start) / 1e6);
                statuses.merge(reply.result().status(), 1, Integer::sum);
                lastDone = now;
                inFlight--;
                if (now < deadline) {
                    startOne();
                } else if (inFlight == 0) {
                    done.complete();
                }
            });
        }
    }

    /** The outcome of one closed-loop phase: every latency, and the count of every status (0: no answer). */
    record Phase(Latencies latencies, Map<Integer, Integer> statuses, long nanos, int expected) {

        int ok() {
            return statuses.getOrDefault(expected, 0);
        }

        Map<String, Integer> errors() {
            Map<String, Integer> errors = new TreeMap<>();
            statuses.forEach((status, n) -> {
                if (status != expected) {
                    errors.put(status == 0 ? "no-answer" : String.valueOf(status), n);
                }
            });
            return errors;
        }

        Figures figures() {
            return Figures.of(latencies, latencies.size() / (nanos / 1e9));
        }
    }

    // ------------------------------------------------------------------------------------------------ topic mode

    /** Integrator's path: produce JoinQueue and LeaveQueue envelopes straight to the commands topic, read every result back. */
    static final class TopicMode {
        private final int commands;
        private final int queues;
        private final int rounds;
        private final String command;
        private final String bootstrap;
        private final RegistryCodec codec;
        private final String run = "tp-" + UUID.randomUUID().toString().substring(0, 8);

        TopicMode(Args args) {
            commands = Integer.parseInt(args.pos(0, "200000"));
            queues = Integer.parseInt(args.pos(1, "100"));
            rounds = Integer.parseInt(args.pos(2, "3"));
            command = args.opt("command", "http://127.0.0.1:8081");
            bootstrap = args.opt("bootstrap", "127.0.0.1:9092");
            codec = new RegistryCodec(args.opt("registry", "http://127.0.0.1:8085/apis/registry/v3"));
        }

        void run() throws Exception {
            System.out.printf("topic: %d commands (JoinQueue, then LeaveQueue of the same entry) over %d queues, %d round(s), straight to %s at %s%n",
                    commands, queues, rounds, COMMANDS_TOPIC, bootstrap);
            List<TopicRound> results = new ArrayList<>();
            try (Http http = new Http(Math.min(queues, 64));
                 KafkaProducer<String, byte[]> producer = producer();
                 KafkaConsumer<String, byte[]> consumer = consumer()) {
                http.requireReady(command);
                int partitions = partitions(producer);
                List<TopicPartition> resultPartitions = consumer.partitionsFor(RESULTS_TOPIC).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(resultPartitions);
                for (int round = 1; round <= rounds; round++) {
                    List<String> queueIds = http.createQueues(command, run + "-r" + round, queues);
                    Commands batch = commands(round, queueIds, partitions);
                    TopicRound r = round(producer, consumer, resultPartitions, batch);
                    results.add(r);
                    print("round " + round, r);
                }
            }
            TopicRound median = new TopicRound(
                    median(results.stream().mapToDouble(TopicRound::producedRate).toArray()),
                    median(results.stream().mapToDouble(TopicRound::decidedRate).toArray()),
                    median(results.stream().mapToDouble(TopicRound::ratio).toArray()),
                    median(results.stream().mapToDouble(TopicRound::lagMillis).toArray()),
                    results.stream().mapToInt(TopicRound::accepted).sum(),
                    results.stream().map(TopicRound::rejected).reduce(new TreeMap<>(), CommandThroughput::merge));
            System.out.println();
            print("median of " + rounds, median);
        }

        private static void print(String label, TopicRound r) {
            System.out.printf("%-14s produced (all acked) %8.0f/s | decided and appended %8.0f/s | ratio %.3f | lag last ack -> last result %7.0f ms | accepted %d%s%n",
                    label, r.producedRate(), r.decidedRate(), r.ratio(), r.lagMillis(),
                    r.accepted(), r.rejected().isEmpty() ? ", rejected 0" : ", rejected " + r.rejected());
        }

        /** One round; {@code ratio} is decided/s ÷ produced/s of the same round. */
        record TopicRound(double producedRate, double decidedRate, double ratio, double lagMillis, int accepted,
                          Map<String, Integer> rejected) {}

        /** The round's records, encoded, and their commandIds. */
        record Commands(List<ProducerRecord<String, byte[]>> records, List<String> commandIds) {}

        private TopicRound round(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> consumer,
                                 List<TopicPartition> partitions, Commands batch) throws Exception {
            List<ProducerRecord<String, byte[]>> records = batch.records();
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolves the end now, before the first send
            ResultReader reader = new ResultReader(consumer, codec, batch.commandIds());
            Thread reading = Thread.ofPlatform().name("results-reader").start(reader);
            AtomicInteger acked = new AtomicInteger();
            AtomicLong lastAck = new AtomicLong();
            AtomicReference<Exception> sendError = new AtomicReference<>();
            long first = System.nanoTime();
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        sendError.compareAndSet(null, error);
                    }
                    acked.incrementAndGet();
                    lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                });
            }
            producer.flush();
            if (sendError.get() != null) {
                reader.stop();
                throw new Failure("a send to " + COMMANDS_TOPIC + " failed: " + sendError.get());
            }
            reading.join();
            if (reader.failure() != null) {
                throw reader.failure();
            }
            double produced = records.size() / ((lastAck.get() - first) / 1e9);
            double decided = records.size() / ((reader.lastResult() - first) / 1e9);
            return new TopicRound(produced, decided, decided / produced, (reader.lastResult() - lastAck.get()) / 1e6,
                    reader.accepted(), reader.rejected());
        }

        /** Encoded before the clock starts: the producer's rate is the baseline, not the Avro encoder's. */
        private Commands commands(int round, List<String> queueIds, int partitions) {
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>(commands);
            List<String> commandIds = new ArrayList<>(commands);
            Instant now = Instant.now();
            // Each entry joins and then leaves, on the same queue: every command is decided and appends an event,
            // and the run leaves nobody waiting in the command service's memory.
            for (int i = 0; i < commands; i++) {
                String queueId = queueIds.get(i / 2 % queueIds.size());
                String commandId = run + "-r" + round + "-c" + i;
                commandIds.add(commandId);
                QueueCommandEnvelope envelope = QueueCommandEnvelope.newBuilder()
                        .setCommandId(commandId)
                        .setRequestId(UUID.randomUUID().toString())
                        .setQueueId(queueId)
                        .setIssuedAt(now)
                        .setActor("bench:topic")
                        .setPayload(i % 2 == 0 ? new JoinQueue("e" + i / 2, Priority.NORMAL, now, null, null, null, null, java.util.Map.of(), null, null, false)
                                : new LeaveQueue("e" + i / 2))
                        .build();
                records.add(new ProducerRecord<>(COMMANDS_TOPIC, partitionOf(queueId, partitions), queueId,
                        encode(envelope)));
            }
            return new Commands(records, commandIds);
        }

        private byte[] encode(QueueCommandEnvelope envelope) {
            try {
                return codec.encode(COMMANDS_TOPIC, envelope);
            } catch (RuntimeException e) {
                throw new Failure("encoding a command with the registry failed (is Apicurio up?): " + e);
            }
        }

        /**
         * The command service's QueuePartitioner: murmur2 of the UTF-8 queueId, as Kafka's default partitioner
         * hashes a String key (so the producer's default would land on the same partition; named here to be sure).
         */
        static int partitionOf(String queueId, int partitions) {
            return Utils.toPositive(Utils.murmur2(queueId.getBytes(StandardCharsets.UTF_8)))
                    % partitions;
        }

        private int partitions(KafkaProducer<String, byte[]> producer) {
            try {
                return producer.partitionsFor(COMMANDS_TOPIC).size();
            } catch (RuntimeException e) {
                throw new Failure("Kafka at " + bootstrap + " did not list " + COMMANDS_TOPIC + ": " + e);
            }
        }

        private KafkaProducer<String, byte[]> producer() {
            Map<String, Object> props = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 10,
                    ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                    ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024,
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
            return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }

        private KafkaConsumer<String, byte[]> consumer() {
            Map<String, Object> props = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
                    ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
            return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        }
    }

    /** Polls the results topic until every commandId of the round has its result; gives up after 60 s of silence. */
    static final class ResultReader implements Runnable {
        private static final long SILENCE = TimeUnit.SECONDS.toNanos(60);
        private final KafkaConsumer<String, byte[]> consumer;
        private final RegistryCodec codec;
        private final Map<String, Boolean> pending = new ConcurrentHashMap<>();
        private final Map<String, Integer> rejected = new TreeMap<>();
        private volatile boolean stopped;
        private volatile Exception failure;
        private int accepted;
        private long lastResult;

        ResultReader(KafkaConsumer<String, byte[]> consumer, RegistryCodec codec, List<String> commandIds) {
            this.consumer = consumer;
            this.codec = codec;
            commandIds.forEach(id -> pending.put(id, Boolean.TRUE));
        }

        @Override
        public void run() {
            long lastProgress = System.nanoTime();
            try {
                while (!pending.isEmpty() && !stopped) {
                    int before = pending.size();
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        take(record);
                    }
                    if (pending.size() < before) {
                        lastProgress = System.nanoTime();
                    } else if (System.nanoTime() - lastProgress > SILENCE) {
                        throw new Failure(pending.size() + " commands still without a result after 60 s without one");
                    }
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        private void take(ConsumerRecord<String, byte[]> record) {
            if (!RegistryCodec.isFramed(record.value())) {
                return;
            }
            if (!(codec.decode(record.value()) instanceof CommandResult result)
                    || pending.remove(result.getCommandId()) == null) {
                return;
            }
            lastResult = System.nanoTime();
            if (result.getOutcome() instanceof CommandRejected r) {
                rejected.merge(r.getReason(), 1, Integer::sum);
            } else {
                accepted++;
            }
        }

        void stop() {
            stopped = true;
        }

        Exception failure() {
            return failure;
        }

        long lastResult() {
            return lastResult;
        }

        int accepted() {
            return accepted;
        }

        Map<String, Integer> rejected() {
            return rejected;
        }
    }

    // ------------------------------------------------------------------------------------------------ mixed mode

    /** Open loop: a clinic's mix of commands and position reads at fixed rates, against health checks at the same rate. */
    static final class MixedMode {
        private final int[] rates;
        private final int seconds;
        private final int queues;
        private final int rounds;
        private final String command;
        private final String projection;
        private final int connections;
        private final String bootstrap;

        MixedMode(Args args) {
            rates = Arrays.stream(args.pos(0, "1000,5000").split(",")).mapToInt(Integer::parseInt).toArray();
            seconds = Integer.parseInt(args.pos(1, "20"));
            queues = Integer.parseInt(args.pos(2, "20"));
            rounds = Integer.parseInt(args.pos(3, "1"));
            command = args.opt("command", "http://127.0.0.1:8081");
            projection = args.opt("projection", "http://127.0.0.1:8082");
            connections = Integer.parseInt(args.opt("connections", "0"));
            bootstrap = args.opt("bootstrap", "127.0.0.1:9092");
        }

        void run() throws Exception {
            System.out.printf("mixed: rates %s/s, %d s, %d queues, %d round(s): 30%% join, 35%% read, 15%% call-next, 15%% complete, 5%% leave%n",
                    Arrays.toString(rates), seconds, queues, rounds);
            List<String> summary = new ArrayList<>();
            for (int rate : rates) {
                int pool = connections > 0 ? connections : Math.min(1000, Math.max(64, rate / 5));
                try (Http http = new Http(pool)) {
                    http.requireReady(command);
                    http.requireReady(projection);
                    warmUp(http, rate);
                    List<MixedRound> results = new ArrayList<>();
                    for (int round = 1; round <= rounds; round++) {
                        ProjectionLag.waitForCatchUp(bootstrap);
                        MixedRound r = round(http, rate);
                        results.add(r);
                        r.print(rate + "/s round " + round + " (" + pool + " connections max)");
                    }
                    MixedRound median = MixedRound.median(results);
                    if (rounds > 1) {
                        median.print(rate + "/s median of " + rounds);
                    }
                    summary.add(String.format("%6d/s offered  health %7.0f/s p99 %6.2f ms | mixed %7.0f/s  commands p50 %7.2f p99 %8.2f ms  reads p50 %6.2f p99 %7.2f ms | errors %d",
                            rate, median.health().rate(), median.health().p99(), median.achieved(),
                            median.commands().p50(), median.commands().p99(), median.reads().p50(),
                            median.reads().p99(), median.errorCount()));
                }
            }
            System.out.println();
            System.out.println("summary (open loop, latency from the scheduled start):");
            summary.forEach(System.out::println);
        }

        /** Opens the connections and warms both sides up; not counted. */
        private void warmUp(Http http, int rate) throws Exception {
            int warmSeconds = Math.max(1, Math.min(3, seconds / 5));
            OpenLoop.run(http, rate, warmSeconds, (loop, scheduled) ->
                    loop.time(scheduled, Kind.HEALTH, http.send(HttpMethod.GET, command + "/q/health/live", null)));
            Clinic clinic = new Clinic(http, command, projection, http.createQueues(command, "warm", queues));
            OpenLoop.run(http, Math.max(1, rate / 4), warmSeconds, clinic::start);
        }

        private MixedRound round(Http http, int rate) throws Exception {
            OpenLoop baseline = OpenLoop.run(http, rate, seconds, (loop, scheduled) ->
                    loop.time(scheduled, Kind.HEALTH, http.send(HttpMethod.GET, command + "/q/health/live", null)));
            Clinic clinic = new Clinic(http, command, projection, http.createQueues(command, "mixed", queues));
            OpenLoop mixed = OpenLoop.run(http, rate, seconds, clinic::start);
            return new MixedRound(baseline.figures(k -> k == Kind.HEALTH), mixed.achievedRate(),
                    mixed.figures(Kind::isCommand), mixed.figures(k -> k == Kind.READ), mixed.counts(), clinic.substituted, mixed.notProjected(),
                    mixed.rejections(), mixed.errors(), baseline.errors());
        }
    }

    record MixedRound(Figures health, double achieved, Figures commands, Figures reads, Map<Kind, Integer> counts,
                      Map<Kind, Integer> substituted, int notProjected, Map<String, Integer> rejections,
                      Map<String, Integer> errors, Map<String, Integer> healthErrors) {

        int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }

        void print(String label) {
            int reads = counts.getOrDefault(Kind.READ, 0);
            System.out.printf("%s%n", label);
            System.out.printf("  baseline GET /q/health/live  %8.0f/s  p50 %7.2f p95 %7.2f p99 %7.2f ms%s%n",
                    health.rate(), health.p50(), health.p95(), health.p99(),
                    healthErrors.isEmpty() ? "" : "  errors " + healthErrors);
            System.out.printf("  mixed achieved               %8.0f/s  requests %s%s%n", achieved, counts,
                    substituted.isEmpty() ? "" : " (made joins instead, nothing to act on: " + substituted + ")");
            System.out.printf("  commands  %6d  p50 %7.2f p95 %7.2f p99 %8.2f ms   (p50 x%.1f, p99 x%.1f the baseline)%n",
                    commands.count(), commands.p50(), commands.p95(), commands.p99(), commands.p50() / health.p50(),
                    commands.p99() / health.p99());
            System.out.printf("  reads     %6d  p50 %7.2f p95 %7.2f p99 %8.2f ms   (p50 x%.1f, p99 x%.1f the baseline); 404 not projected yet: %d (%.1f%% of reads)%n",
                    reads, reads().p50(), reads().p95(), reads().p99(), reads().p50() / health.p50(),
                    reads().p99() / health.p99(), notProjected, reads == 0 ? 0.0 : 100.0 * notProjected / reads);
            System.out.printf("  domain rejections %s%n", rejections.isEmpty() ? "none" : rejections);
            System.out.printf("  errors            %s%n", errors.isEmpty() ? "none" : errors);
        }

        static MixedRound median(List<MixedRound> rounds) {
            MixedRound first = rounds.get(0);
            if (rounds.size() == 1) {
                return first;
            }
            return new MixedRound(Figures.median(rounds.stream().map(MixedRound::health).toList()),
                    CommandThroughput.median(rounds.stream().mapToDouble(MixedRound::achieved).toArray()),
                    Figures.median(rounds.stream().map(MixedRound::commands).toList()),
                    Figures.median(rounds.stream().map(MixedRound::reads).toList()),
                    rounds.stream().map(MixedRound::counts).reduce(new TreeMap<>(), CommandThroughput::merge),
                    rounds.stream().map(MixedRound::substituted).reduce(new TreeMap<>(), CommandThroughput::merge),
                    rounds.stream().mapToInt(MixedRound::notProjected).sum(),
                    rounds.stream().map(MixedRound::rejections).reduce(new TreeMap<>(), CommandThroughput::merge),
                    rounds.stream().map(MixedRound::errors).reduce(new TreeMap<>(), CommandThroughput::merge),
                    rounds.stream().map(MixedRound::healthErrors).reduce(new TreeMap<>(), CommandThroughput::merge));
        }
    }

    enum Kind {
        JOIN, READ, CALL_NEXT, COMPLETE, LEAVE, HEALTH;

        boolean isCommand() {
            return this == JOIN || this == CALL_NEXT || this == COMPLETE || this == LEAVE;
        }
    }

    /**
     * A round starts once the projection has applied everything committed so far: a backlog left by an earlier
     * benchmark would otherwise be measured as slow reads of entries "not projected yet".
     */
    static final class ProjectionLag {
        private static final String GROUP = "position-projection-service";
        private static final String EVENTS = "ledgerline.queue-events.v1";

        static void waitForCatchUp(String bootstrap) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                long lag;
                while ((lag = lag(admin)) > 100) {
                    if (System.nanoTime() > deadline) {
                        throw new Failure("the projection is still " + lag + " events behind after 5 minutes");
                    }
                    Thread.sleep(500);
                }
            }
        }

        private static long lag(Admin admin) throws Exception {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(EVENTS)).allTopicNames().get().get(EVENTS).partitions()
                    .forEach(p -> latest.put(new TopicPartition(EVENTS, p.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            long lag = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += end.getValue().offset() - (at == null ? 0 : at.offset());
            }
            return lag;
        }
    }


    /**
     * Starts requests on a fixed schedule: request n is due at start + n/rate; every 1 ms tick starts all that are
     * due, however many are still in flight, and each latency counts from its due time.
     */
    static final class OpenLoop {
        private final Map<Kind, Latencies> latencies = new HashMap<>();
        private final Map<Kind, Integer> counts = new TreeMap<>();
        private final Map<String, Integer> rejections = new TreeMap<>();
        private final Map<String, Integer> errors = new TreeMap<>();
        private final Promise<Void> done = Promise.promise();
        private int notProjected;
        private long total;
        private long issued;
        private long completed;
        private long start;
        private long lastDone;

        interface Starter {
            void start(OpenLoop loop, long scheduledNanos);
        }

        static OpenLoop run(Http http, int rate, int seconds, Starter starter) throws Exception {
            OpenLoop loop = new OpenLoop();
            loop.total = (long) rate * seconds;
            http.onLoop(() -> {
                loop.start = System.nanoTime();
                http.vertx.setPeriodic(1, timer -> loop.tick(timer, http.vertx, rate, starter));
            });
            await(loop.done.future(), seconds + 120L, "open loop at " + rate + "/s did not finish");
            return loop;
        }

        private void tick(long timer, Vertx vertx, int rate, Starter starter) {
            long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * rate) + 1);
            for (; issued < due; issued++) {
                starter.start(this, start + (long) (issued * 1e9 / rate));
            }
            if (issued == total) {
                vertx.cancelTimer(timer);
            }
        }

        /** Records the latency of {@code reply} from the scheduled start and sorts its status. */
        void time(long scheduled, Kind kind, Future<Reply> reply) {
            reply.onComplete(ar -> {
                long now = System.nanoTime();
                record(kind, ar.result(), (now - scheduled) / 1e6);
                lastDone = now;
                if (++completed == total) {
                    done.complete();
                }
            });
        }

        private void record(Kind kind, Reply reply, double millis) {
            latencies.computeIfAbsent(kind, k -> new Latencies()).add(millis);
            counts.merge(kind, 1, Integer::sum);
            int status = reply.status();
            if (status >= 200 && status < 300 || kind == Kind.READ && status == 404) {
                notProjected += status == 404 ? 1 : 0;
            } else if (kind.isCommand() && reply.isDomainRejection()) {
                rejections.merge(status + " " + reply.reason(), 1, Integer::sum);
            } else {
                errors.merge(kind + " " + (status == 0 ? "no-answer" : status), 1, Integer::sum);
            }
        }

        double achievedRate() {
            return completed / ((lastDone - start) / 1e9);
        }

        /** Figures of the kinds {@code of} selects, together. */
        Figures figures(Predicate<Kind> of) {
            Latencies all = new Latencies();
            latencies.forEach((k, l) -> {
                if (of.test(k)) {
                    all.addAll(l);
                }
            });
            return Figures.of(all, all.size() / ((lastDone - start) / 1e9));
        }

        Map<Kind, Integer> counts() {
            return counts;
        }

        int notProjected() {
            return notProjected;
        }

        Map<String, Integer> rejections() {
            return rejections;
        }

        Map<String, Integer> errors() {
            return errors;
        }
    }

    /**
     * The clinic's day, on the event loop only (no locks): which entries joined, wait, were called and are not yet
     * complete, per queue, as the answers tell. Picks each request by the mix and a queue at random.
     */
    static final class Clinic {
        private static final Pattern ENTRY_ID = Pattern.compile("\"entryId\"\\s*:\\s*\"([^\"]+)\"");
        private final Http http;
        private final String command;
        private final String projection;
        private final List<Line> lines = new ArrayList<>();
        private final Random random = new Random(42);
        private final Map<Kind, Integer> substituted = new TreeMap<>();
        private long nextEntry;

        /** One queue as the bench knows it. */
        record Line(String queueId, List<String> joined, ArrayDeque<String> waiting, ArrayDeque<String> called) {
            Line(String queueId) {
                this(queueId, new ArrayList<>(), new ArrayDeque<>(), new ArrayDeque<>());
            }
        }

        Clinic(Http http, String command, String projection, List<String> queueIds) {
            this.http = http;
            this.command = command;
            this.projection = projection;
            queueIds.forEach(id -> lines.add(new Line(id)));
        }

        void start(OpenLoop loop, long scheduled) {
            int dice = random.nextInt(100);
            Kind kind = dice < 30 ? Kind.JOIN : dice < 65 ? Kind.READ : dice < 80 ? Kind.CALL_NEXT
                    : dice < 95 ? Kind.COMPLETE : Kind.LEAVE;
            Line line = lines.get(random.nextInt(lines.size()));
            switch (kind) {
                case READ -> read(loop, scheduled);
                case CALL_NEXT -> callNext(loop, scheduled, line);
                case COMPLETE -> complete(loop, scheduled);
                case LEAVE -> leave(loop, scheduled);
                default -> join(loop, scheduled, line);
            }
        }

        private void join(OpenLoop loop, long scheduled, Line line) {
            String entryId = "m" + nextEntry++;
            Future<Reply> reply = http.send(HttpMethod.POST, command + "/queues/" + line.queueId() + "/entries",
                    joinBody(entryId));
            loop.time(scheduled, Kind.JOIN, reply.onSuccess(r -> {
                if (r.status() == 201) {
                    line.joined().add(entryId);
                    line.waiting().addLast(entryId);
                }
            }));
        }

        private void read(OpenLoop loop, long scheduled) {
            Line line = pick(l -> !l.joined().isEmpty());
            if (line == null) {
                substitute(loop, scheduled, Kind.READ);
                return;
            }
            String entryId = line.joined().get(random.nextInt(line.joined().size()));
            loop.time(scheduled, Kind.READ, http.send(HttpMethod.GET,
                    projection + "/queues/" + line.queueId() + "/entries/" + entryId, null));
        }

        private void callNext(OpenLoop loop, long scheduled, Line line) {
            Future<Reply> reply = http.send(HttpMethod.POST, command + "/queues/" + line.queueId() + "/call-next", null);
            loop.time(scheduled, Kind.CALL_NEXT, reply.onSuccess(r -> {
                Matcher called = ENTRY_ID.matcher(r.body());
                if (r.status() == 200 && called.find()) {
                    line.waiting().remove(called.group(1));
                    line.called().addLast(called.group(1));
                }
            }));
        }

        private void complete(OpenLoop loop, long scheduled) {
            Line line = pick(l -> !l.called().isEmpty());
            if (line == null) {
                substitute(loop, scheduled, Kind.COMPLETE);
                return;
            }
            String entryId = line.called().pollFirst();
            loop.time(scheduled, Kind.COMPLETE, http.send(HttpMethod.POST,
                    command + "/queues/" + line.queueId() + "/entries/" + entryId + "/complete", null));
        }

        private void leave(OpenLoop loop, long scheduled) {
            Line line = pick(l -> !l.waiting().isEmpty());
            if (line == null) {
                substitute(loop, scheduled, Kind.LEAVE);
                return;
            }
            String entryId = line.waiting().pollLast();
            loop.time(scheduled, Kind.LEAVE, http.send(HttpMethod.DELETE,
                    command + "/queues/" + line.queueId() + "/entries/" + entryId, null));
        }

        /** Nothing to act on anywhere yet: a join instead, counted. */
        private void substitute(OpenLoop loop, long scheduled, Kind instead) {
            substituted.merge(instead, 1, Integer::sum);
            join(loop, scheduled, lines.get(random.nextInt(lines.size())));
        }

        /** A random queue that has what the request needs, or null. */
        private Line pick(Predicate<Line> has) {
            int from = random.nextInt(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get((from + i) % lines.size());
                if (has.test(line)) {
                    return line;
                }
            }
            return null;
        }
    }

    // --------------------------------------------------------------------------------------------------- HTTP

    /** An HTTP answer; status 0 when there was none (connection refused, reset, timed out). */
    record Reply(int status, String body) {
        private static final Pattern REASON = Pattern.compile("\"reason\"\\s*:\\s*\"([^\"]+)\"");

        /** A command the service decided and refused (409/422, or 404 for an unknown entry, with a commandId). */
        boolean isDomainRejection() {
            return status == 409 || status == 422 || status == 404 && body.contains("\"commandId\"");
        }

        String reason() {
            Matcher m = REASON.matcher(body);
            return m.find() ? m.group(1) : "?";
        }
    }

    /**
     * One Vert.x core HTTP/1.1 client with keep-alive and a pool of {@code connections} per server, driven from a
     * single event-loop context: every request starts there and every answer is handled there.
     */
    static final class Http implements AutoCloseable {
        static final String BEARER = "Bearer " + System.getenv().getOrDefault("LEDGERLINE_TOKEN", "");
        final Vertx vertx;
        private final HttpClient client;
        private final Context context;

        Http(int connections) {
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
            client = vertx.createHttpClient(new HttpClientOptions()
                            .setProtocolVersion(HttpVersion.HTTP_1_1)
                            .setKeepAlive(true)
                            .setPipelining(false)
                            .setTcpNoDelay(true)
                            .setConnectTimeout(5_000),
                    new PoolOptions().setHttp1MaxSize(connections));
            context = vertx.getOrCreateContext();
        }

        Future<Reply> send(HttpMethod method, String url, String json) {
            RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url).setIdleTimeout(30_000)
                    .putHeader("Authorization", BEARER); // ./ledgerline bench issues it (LEDGERLINE_TOKEN)
            if (json != null) {
                options.putHeader("Content-Type", JSON);
            }
            return client.request(options)
                    .compose(request -> json == null ? request.send() : request.send(json))
                    .compose(response -> response.body().map(body -> new Reply(response.statusCode(), body.toString())))
                    .otherwise(error -> new Reply(0, String.valueOf(error)));
        }

        /** Runs {@code action} on the client's context, where all requests start and all answers are handled. */
        void onLoop(Runnable action) {
            context.runOnContext(ignored -> action.run());
        }

        Reply call(HttpMethod method, String url, String json) throws Exception {
            Promise<Reply> reply = Promise.promise();
            onLoop(() -> send(method, url, json).onComplete(reply));
            return await(reply.future(), 40, method + " " + url + " did not answer");
        }

        /** Fails loudly unless {@code base}'s readiness check answers 200 (waits up to 10 s for a restarting one). */
        void requireReady(String base) throws Exception {
            Reply last = null;
            for (int attempt = 0; attempt < 10; attempt++) {
                last = call(HttpMethod.GET, base + "/q/health/ready", null);
                if (last.status() == 200) {
                    return;
                }
                Thread.sleep(1000);
            }
            throw new Failure(base + " is not ready (" + (last.status() == 0 ? last.body() : "HTTP " + last.status())
                    + "); is the stack up (./ledgerline up)?");
        }

        /** Creates {@code n} fresh queues of large capacity, all at once, and waits for every 201. */
        List<String> createQueues(String command, String prefix, int n) throws Exception {
            String run = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
            List<String> ids = Stream.iterate(0, i -> i + 1).limit(n).map(i -> run + "-q" + i).toList();
            Promise<List<Reply>> all = Promise.promise();
            onLoop(() -> Future.all(ids.stream().map(id -> send(HttpMethod.POST, command + "/queues",
                    "{\"queueId\":\"" + id + "\",\"name\":\"bench\",\"capacity\":" + CAPACITY + "}")).toList())
                    .map(f -> f.<Reply>list()).onComplete(all));
            List<Reply> replies = await(all.future(), 60, "creating " + n + " queues did not finish");
            for (int i = 0; i < n; i++) {
                if (replies.get(i).status() != 201) {
                    throw new Failure("POST /queues for " + ids.get(i) + " answered " + replies.get(i).status() + ": "
                            + replies.get(i).body());
                }
            }
            return ids;
        }

        @Override
        public void close() throws Exception {
            await(client.close(), 10, "closing the HTTP client");
            await(vertx.close(), 10, "closing Vert.x");
        }
    }

    static String joinBody(String entryId) {
        return "{\"entryId\":\"" + entryId + "\",\"priority\":\"NORMAL\"}";
    }

    // ---------------------------------------------------------------------------------------------- CPU meter

    /**
     * CPU (utime+stime of /proc/&lt;pid&gt;/stat, in clock ticks) of each component of the stack: the pids in the run
     * directory ({@code kafka}, {@code apicurio}, {@code redis}, and the {@code <service>.child.pid} of each service),
     * every process named postgres, and this process. Empty when the run directory is absent.
     */
    record CpuMeter(Map<String, Long> pids, double millisPerTick) {

        static CpuMeter of(Path runDir) throws IOException {
            Map<String, Long> pids = new TreeMap<>();
            if (Files.isDirectory(runDir)) {
                for (String component : List.of("kafka", "apicurio", "redis")) {
                    readPid(runDir.resolve(component + ".pid")).ifPresent(pid -> pids.put(component, pid));
                }
                try (Stream<Path> files = Files.list(runDir)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".child.pid")).forEach(f -> readPid(f)
                            .ifPresent(pid -> pids.put(f.getFileName().toString().replace(".child.pid", ""), pid)));
                }
            }
            return new CpuMeter(pids, 1000.0 / clockTicks());
        }

        /** Ticks per component now, with {@code postgres} (all its processes, by pid) and {@code bench}. */
        Map<String, Long> snapshot() {
            Map<String, Long> ticks = new TreeMap<>();
            if (pids.isEmpty()) {
                return ticks;
            }
            pids.forEach((name, pid) -> ticks.put(name, ticks(pid)));
            postgresPids().forEach(pid -> ticks.put("postgres/" + pid, ticks(pid)));
            ticks.put("bench", ticks(ProcessHandle.current().pid()));
            return ticks;
        }

        /** Milliseconds of CPU per operation and component; a postgres process that came or went counts from 0. */
        Map<String, Double> msPer(Map<String, Long> before, Map<String, Long> after, int operations) {
            Map<String, Double> perOp = new LinkedHashMap<>();
            if (after.isEmpty() || operations == 0) {
                return perOp;
            }
            long postgres = 0;
            for (Map.Entry<String, Long> e : after.entrySet()) {
                long delta = Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
                if (e.getKey().startsWith("postgres/")) {
                    postgres += delta;
                } else {
                    perOp.put(e.getKey(), delta * millisPerTick / operations);
                }
            }
            perOp.put("postgres", postgres * millisPerTick / operations);
            perOp.put("total", perOp.values().stream().mapToDouble(Double::doubleValue).sum());
            return perOp;
        }

        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime: fields 14 and 15
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }

        private static List<Long> postgresPids() {
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .filter(p -> comm(p).contains("postgres"))
                        .map(p -> Long.parseLong(p.getFileName().toString())).toList();
            } catch (IOException e) {
                return List.of();
            }
        }

        private static String comm(Path proc) {
            try {
                return Files.readString(proc.resolve("comm")).strip();
            } catch (IOException | RuntimeException gone) {
                return "";
            }
        }

        private static Optional<Long> readPid(Path file) {
            try {
                return Optional.of(Long.parseLong(Files.readString(file).strip()));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        private static long clockTicks() {
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String out = new String(getconf.getInputStream().readAllBytes()).strip();
                return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
            } catch (IOException | InterruptedException | RuntimeException e) {
                return 100;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- figures

    /** A growable array of latencies in milliseconds. */
    static final class Latencies {
        private double[] values = new double[1024];
        private int size;

        void add(double millis) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = millis;
        }

        void addAll(Latencies other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        int size() {
            return size;
        }

        double[] sorted() {
            double[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted;
        }
    }

    /** Rate and percentiles of one phase (percentiles from the full sorted list, nearest rank). */
    record Figures(int count, double rate, double p50, double p95, double p99) {
        static Figures of(Latencies latencies, double rate) {
            double[] sorted = latencies.sorted();
            return new Figures(sorted.length, rate, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
        }

        /** Each figure the median of its own over the rounds. */
        static Figures median(List<Figures> rounds) {
            return new Figures(rounds.stream().mapToInt(Figures::count).sum(),
                    CommandThroughput.median(rounds.stream().mapToDouble(Figures::rate).toArray()),
                    CommandThroughput.median(rounds.stream().mapToDouble(Figures::p50).toArray()),
                    CommandThroughput.median(rounds.stream().mapToDouble(Figures::p95).toArray()),
                    CommandThroughput.median(rounds.stream().mapToDouble(Figures::p99).toArray()));
        }

        private static double pct(double[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static <K> Map<K, Integer> merge(Map<K, Integer> into, Map<K, Integer> more) {
        Map<K, Integer> merged = new TreeMap<>(into);
        more.forEach((k, v) -> merged.merge(k, v, Integer::sum));
        return merged;
    }

    // -------------------------------------------------------------------------------------------------- misc

    /** A failure of the stack or of the run, reported as one line and exit code 1. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    static <T> T await(Future<T> future, long seconds, String what) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new Failure(what + " within " + seconds + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** {@code <mode> positional... --name=value...} */
    record Args(String mode, List<String> positional, Map<String, String> options) {
        static Args parse(String[] argv) {
            List<String> positional = new ArrayList<>();
            Map<String, String> options = new HashMap<>();
            for (String arg : argv) {
                if (arg.startsWith("--") && arg.contains("=")) {
                    options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                } else {
                    positional.add(arg);
                }
            }
            String mode = positional.isEmpty() ? "rest" : positional.remove(0);
            return new Args(mode, positional, options);
        }

        String pos(int index, String fallback) {
            return index < positional.size() && !positional.get(index).isBlank() ? positional.get(index) : fallback;
        }

        String opt(String name, String fallback) {
            return options.getOrDefault(name, fallback);
        }
    }
}
