package io.ledgerline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The build's compatibility gate: the current value schema of every topic must read data written with every released
 * version in src/released (reader = current, writer = released). A failure here means the change would break
 * consumers replaying the log or integrators still producing an older version: make it compatible, or publish a new
 * topic version (.v2) instead.
 */
class BackwardCompatibilityTest {

    private static final Path RELEASED = Path.of(System.getProperty("ledgerline.schemas.released-dir", "src/released"));

    @Test
    void every_topic_has_been_released() throws IOException {
        assertThat(RELEASED.resolve("0.1.0")).isDirectory();
        List<Path> versions = releasedVersions();
        for (TopicSchemas.TopicSchema topic : TopicSchemas.all()) {
            // A topic's schema is frozen from its first release on; one never released has no gate at all.
            assertThat(versions).as("%s has never been released (ReleaseSchemas)", topic.topic())
                    .anyMatch(version -> Files.isRegularFile(version.resolve(ReleaseSchemas.releasedFileName(topic))));
        }
    }

    @TestFactory
    Stream<DynamicTest> current_schemas_read_every_released_version() throws IOException {
        List<DynamicTest> checks = new ArrayList<>();
        for (Path version : releasedVersions()) {
            for (TopicSchemas.TopicSchema topic : TopicSchemas.all()) {
                Path released = version.resolve(ReleaseSchemas.releasedFileName(topic));
                if (Files.exists(released)) { // a topic added after this release has nothing to stay compatible with
                    checks.add(DynamicTest.dynamicTest(topic.topic() + " reads " + version.getFileName(), () -> {
                        Schema writer = new Schema.Parser().parse(released.toFile());
                        assertThat(BackwardCompatibility.problems(topic.valueSchema(), writer))
                                .as("%s is not BACKWARD compatible with released %s", topic.topic(), released)
                                .isEmpty();
                    }));
                }
            }
        }
        assertThat(checks).as("no released schemas found under %s", RELEASED.toAbsolutePath()).isNotEmpty();
        return checks.stream();
    }

    @Test
    void every_released_schema_still_belongs_to_a_topic() throws IOException {
        List<String> known = TopicSchemas.all().stream().map(ReleaseSchemas::releasedFileName).toList();
        for (Path version : releasedVersions()) {
            try (Stream<Path> files = Files.list(version)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .as("released schemas in %s without a current topic (a topic's schema was removed or renamed)", version)
                        .allMatch(known::contains);
            }
        }
    }

    private static List<Path> releasedVersions() throws IOException {
        try (Stream<Path> versions = Files.list(RELEASED)) {
            return versions.filter(Files::isDirectory).sorted().toList();
        }
    }
}
