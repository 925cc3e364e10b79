package io.ledgerline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Registers the schemas in the real Apicurio Registry of the local stack (APICURIO_REGISTRY_URL, default
 * http://127.0.0.1:8085/apis/registry/v3) under the test prefix. Skipped when no registry answers there.
 */
class RegisterSchemasIT {

    private static final String REGISTRY = LocalRegistry.URL;

    @Test
    void registering_twice_finds_the_same_versions() {
        assumeTrue(LocalRegistry.answers(), "no Apicurio Registry at " + REGISTRY + " (start it with ./ledgerline up)");

        String first = register();
        String second = register();

        assertThat(first.lines()).hasSize(TopicSchemas.all().size())
                .allMatch(line -> line.matches("test\\.ledgerline\\.[a-z-]+\\.v1-value globalId=\\d+ version=\\S+"));
        assertThat(second).isEqualTo(first);
    }

    private static String register() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RegisterSchemas.run(new String[] {REGISTRY, "test."},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
