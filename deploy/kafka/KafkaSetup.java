import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Kafka helper for ./ledgerline, one JVM for what would otherwise be a dozen TopicCommand runs.
 *
 * <pre>
 *   KafkaSetup ready  &lt;bootstrap&gt; &lt;timeoutSeconds&gt;
 *   KafkaSetup topics &lt;bootstrap&gt; &lt;catalogue file&gt; [prefix ...]     ("" = no prefix)
 *   KafkaSetup transactions-v2 &lt;bootstrap&gt;
 * </pre>
 *
 * {@code topics} creates missing topics with the catalogue's partitions and configs, brings the configs of
 * existing topics back to the catalogue, and fails (exit 2) on a partition count it must not change by itself.
 * {@code transactions-v2} makes sure the cluster runs transaction version 2 (KIP-890, the broker-side defence
 * against hanging and torn transactions), upgrading a cluster formatted before it was the default.
 */
public final class KafkaSetup {

    record TopicSpec(String name, int partitions, Map<String, String> configs) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        switch (args[0]) {
            case "ready" -> System.exit(ready(args[1], args.length > 2 ? Integer.parseInt(args[2]) : 60));
            case "topics" -> {
                if (args.length < 3) {
                    usage();
                }
                List<String> prefixes = args.length > 3 ? List.of(args).subList(3, args.length) : List.of("");
                System.exit(topics(args[1], Path.of(args[2]), prefixes));
            }
            case "transactions-v2" -> System.exit(transactionsV2(args[1]));
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: KafkaSetup ready <bootstrap> <timeoutSeconds>");
        System.err.println("       KafkaSetup topics <bootstrap> <catalogue> [prefix ...]");
        System.err.println("       KafkaSetup transactions-v2 <bootstrap>");
        System.exit(64);
    }

    private static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return Admin.create(p);
    }

    /** Waits until the cluster answers a metadata request with at least one broker. */
    private static int ready(String bootstrap, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Exception last = null;
        try (Admin admin = admin(bootstrap)) {
            while (System.nanoTime() < deadline) {
                try {
                    var cluster = admin.describeCluster();
                    int nodes = cluster.nodes().get(5, TimeUnit.SECONDS).size();
                    String id = cluster.clusterId().get(5, TimeUnit.SECONDS);
                    if (nodes > 0) {
                        System.out.println("cluster " + id + ", " + nodes + " broker(s)");
                        return 0;
                    }
                } catch (Exception e) {
                    last = e;
                }
                Thread.sleep(250);
            }
        }
        System.err.println("Kafka at " + bootstrap + " not ready after " + timeoutSeconds + " s"
                + (last == null ? "" : ": " + last));
        return 1;
    }

    private static int transactionsV2(String bootstrap) throws Exception {
        String feature = "transaction.version";
        try (Admin admin = admin(bootstrap)) {
            FinalizedVersionRange finalized = admin.describeFeatures().featureMetadata().get()
                    .finalizedFeatures().get(feature);
            short level = finalized == null ? 0 : finalized.maxVersionLevel();
            if (level >= 2) {
                System.out.println(feature + " " + level);
                return 0;
            }
            admin.updateFeatures(Map.of(feature, new FeatureUpdate((short) 2, FeatureUpdate.UpgradeType.UPGRADE)),
                    new UpdateFeaturesOptions()).all().get();
            System.out.println(feature + " upgraded from " + level + " to 2");
            return 0;
        }
    }

    private static List<TopicSpec> readCatalogue(Path file) throws Exception {
        List<TopicSpec> specs = new ArrayList<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            Map<String, String> configs = new LinkedHashMap<>();
            for (int i = 2; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(file + ": bad config '" + parts[i] + "' in: " + line);
                }
                configs.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
            specs.add(new TopicSpec(parts[0], Integer.parseInt(parts[1]), configs));
        }
        return specs;
    }

    private static int topics(String bootstrap, Path catalogue, List<String> prefixes) throws Exception {
        List<TopicSpec> wanted = new ArrayList<>();
        for (String prefix : prefixes) {
            for (TopicSpec s : readCatalogue(catalogue)) {
                wanted.add(new TopicSpec(prefix + s.name(), s.partitions(), s.configs()));
            }
        }
        int created = 0, present = 0, reconfigured = 0, errors = 0;
        try (Admin admin = admin(bootstrap)) {
            Set<String> existing = admin.listTopics().names().get();

            // 1. create what is missing, all in one request
            List<NewTopic> toCreate = new ArrayList<>();
            for (TopicSpec s : wanted) {
                if (!existing.contains(s.name())) {
                    toCreate.add(new NewTopic(s.name(), s.partitions(), (short) 1).configs(s.configs()));
                }
            }
            if (!toCreate.isEmpty()) {
                var result = admin.createTopics(toCreate);
                for (var e : result.values().entrySet()) {
                    try {
                        e.getValue().get();
                        created++;
                        System.out.println("created " + e.getKey());
                    } catch (ExecutionException ex) {
                        if (ex.getCause() instanceof TopicExistsException) {
                            present++;
                        } else {
                            errors++;
                            System.err.println("ERROR creating " + e.getKey() + ": " + ex.getCause());
                        }
                    }
                }
            }

            // 2. check what was already there: partitions must match, configs are healed
            List<TopicSpec> old = wanted.stream().filter(s -> existing.contains(s.name())).toList();
            if (!old.isEmpty()) {
                present += old.size();
                Map<String, TopicDescription> descriptions =
                        admin.describeTopics(old.stream().map(TopicSpec::name).toList()).allTopicNames().get();
                Collection<ConfigResource> resources = old.stream()
                        .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList();
                Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
                Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
                for (TopicSpec s : old) {
                    int actual = descriptions.get(s.name()).partitions().size();
                    if (actual != s.partitions()) {
                        errors++;
                        System.err.println("ERROR " + s.name() + " has " + actual + " partitions, the catalogue says "
                                + s.partitions() + " (not changed automatically: it would move keys between partitions)");
                    }
                    ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, s.name());
                    List<AlterConfigOp> ops = new ArrayList<>();
                    for (var c : s.configs().entrySet()) {
                        ConfigEntry current = configs.get(r).get(c.getKey());
                        if (current == null || !c.getValue().equals(current.value())) {
                            ops.add(new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET));
                        }
                    }
                    if (!ops.isEmpty()) {
                        changes.put(r, ops);
                    }
                }
                if (!changes.isEmpty()) {
                    admin.incrementalAlterConfigs(changes).all().get();
                    reconfigured = changes.size();
                    changes.keySet().forEach(r -> System.out.println("reconfigured " + r.name()));
                }
            }
        }
        System.out.printf("topics: %d created, %d already present, %d reconfigured, %d errors%n",
                created, present, reconfigured, errors);
        return errors == 0 ? 0 : 2;
    }

    private KafkaSetup() {}
}
