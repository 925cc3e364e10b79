package io.ledgerline.schemas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Freezes the current value schemas as a released version: writes {@code <released dir>/<version>/<Record>.avsc},
 * each a complete, self-contained schema. Released versions are never edited; BackwardCompatibilityTest checks that
 * the current schemas can read data written with every one of them.
 *
 * <pre>java -cp schemas/target/classes:&lt;avro classpath&gt; io.ledgerline.schemas.ReleaseSchemas 0.2.0 schemas/src/released</pre>
 */
public final class ReleaseSchemas {

    private ReleaseSchemas() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].matches("\\d+\\.\\d+\\.\\d+")) {
            System.err.println("usage: ReleaseSchemas <version, e.g. 0.2.0> <released dir, e.g. schemas/src/released>");
            System.exit(2);
        }
        Path versionDir = Path.of(args[1], args[0]);
        if (Files.exists(versionDir)) {
            System.err.println("ReleaseSchemas: " + versionDir + " already exists; released versions are immutable");
            System.exit(1);
        }
        Files.createDirectories(versionDir);
        for (TopicSchemas.TopicSchema topic : TopicSchemas.all()) {
            Path file = versionDir.resolve(releasedFileName(topic));
            Files.writeString(file, topic.valueSchema().toString(true) + "\n", StandardCharsets.UTF_8);
            System.out.println(topic.topic() + " -> " + file);
        }
    }

    /** File holding a topic's released value schema inside a version directory. */
    public static String releasedFileName(TopicSchemas.TopicSchema topic) {
        return topic.valueSchema().getName() + ".avsc";
    }
}
