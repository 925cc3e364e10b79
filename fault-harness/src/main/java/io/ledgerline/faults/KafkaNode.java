package io.ledgerline.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker of the harness's own, on ports of its own, from the Kafka jars the launcher fetched and
 * the launcher's own broker configuration (deploy/kafka): the one the nemesis may kill and pause without disturbing
 * anything else. Its topics are the catalogue of deploy/kafka/topics.conf, made by deploy/kafka/KafkaSetup.java.
 */
final class KafkaNode extends Node {

    private final Harness.Setup setup;
    private final int port;
    private final Path config;

    KafkaNode(Harness.Setup setup, int port, int controllerPort) throws Exception {
        super("kafka", setup.work().resolve("logs/kafka.log"));
        this.setup = setup;
        this.port = port;
        Path data = setup.work().resolve("kafka-data");
        this.config = setup.work().resolve("server.properties");
        String template = Files.readString(setup.root().resolve("deploy/kafka/server.properties.template"));
        Files.createDirectories(data);
        Files.writeString(config, template.replace("@KAFKA_DATA_DIR@", data.toString())
                .replace("127.0.0.1:9092", "127.0.0.1:" + port)
                .replace("127.0.0.1:9093", "127.0.0.1:" + controllerPort));
        tool("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(),
                "--standalone", "--feature", "transaction.version=2");
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    @Override
    List<String> command() {
        return List.of(setup.java(), "-Xms256m", "-Xmx512m", "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=" + setup.root().resolve("deploy/kafka/log4j2-broker.properties"),
                "-cp", setup.kafkaLibs() + "/*", "kafka.Kafka", config.toString());
    }

    @Override
    Map<String, String> environment() {
        return Map.of();
    }

    @Override
    void awaitReady(Duration atMost) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        Instant deadline = Instant.now().plus(atMost);
        try (Admin admin = Admin.create(props)) {
            while (Instant.now().isBefore(deadline)) {
                requireAlive();
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    Thread.sleep(200);
                }
            }
        }
        throw new IllegalStateException("kafka not ready within " + atMost + "\n" + logTail());
    }

    /** The launcher's topic catalogue, and transactions version 2, on this broker. */
    void createTopics() throws Exception {
        Path setupTool = setup.root().resolve("deploy/kafka/KafkaSetup.java");
        String catalogue = setup.root().resolve("deploy/kafka/topics.conf").toString();
        run(List.of(setup.java(), "-cp", setup.kafkaLibs() + "/*", setupTool.toString(), "topics", bootstrap(), catalogue));
        run(List.of(setup.java(), "-cp", setup.kafkaLibs() + "/*", setupTool.toString(), "transactions-v2", bootstrap()));
    }

    private void tool(String mainClass, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(setup.java(),
                "-Dlog4j2.configurationFile=" + setup.root().resolve("deploy/kafka/log4j2-tools.properties"),
                "-cp", setup.kafkaLibs() + "/*", mainClass));
        command.addAll(List.of(args));
        run(command);
    }

    private void run(List<String> command) throws Exception {
        Path out = setup.work().resolve("logs/kafka-tools.log");
        Files.createDirectories(out.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command) + "\n"
                    + String.join("\n", Files.readAllLines(out)));
        }
    }
}
