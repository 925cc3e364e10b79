package io.ledgerline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class RegisterSchemasTest {

    @Test
    void json_strings_escape_quotes_backslashes_and_control_characters() {
        assertThat(JsonText.quote("a\"b\\c\nd\re\tf\u0001g é")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g é\"");
    }

    @Test
    void an_escaped_string_reads_back_unchanged_through_a_real_json_parser() {
        String tricky = "say \"hi\"\\ \n\t\u0000\u001f\u2028 ünï";
        // Avro's own parser reads the doc back, so this checks the escaping against a real JSON reader.
        Schema parsed = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"X\",\"doc\":" + JsonText.quote(tricky) + ",\"fields\":[]}");

        assertThat(parsed.getDoc()).isEqualTo(tricky);
    }

    @Test
    void the_create_artifact_body_carries_the_schema_as_an_escaped_string() {
        String schema = TopicSchemas.valueSchema(TopicSchemas.COMMAND_RESULTS).toString();

        String body = RegisterSchemas.createArtifactBody("test.ledgerline.command-results.v1-value", schema);

        assertThat(body)
                .startsWith("{\"artifactId\":\"test.ledgerline.command-results.v1-value\",\"artifactType\":\"AVRO\"")
                .contains(",\"firstVersion\":{\"content\":{\"content\":" + JsonText.quote(schema))
                .endsWith(",\"contentType\":\"application/json\"}}}");
    }

    @Test
    void the_answer_yields_the_version_global_and_content_ids_and_number() throws Exception {
        String answer = """
                {"artifact":{"groupId":"default","artifactId":"a-value","artifactType":"AVRO","createdOn":"2025-01-01T00:00:00Z"},
                 "version":{"version":"3","groupId":"default","artifactId":"a-value","globalId":42,"contentId":7,"state":"ENABLED"}}
                """;

        assertThat(RegisterSchemas.parseResponse("a-value", answer))
                .isEqualTo(new RegisterSchemas.Registered("a-value", 42, 7, "3"));
    }

    @Test
    void an_answer_without_ids_is_an_error() {
        assertThatThrownBy(() -> RegisterSchemas.parseResponse("a-value", "{\"oops\":true}"))
                .hasMessageContaining("a-value").hasMessageContaining("oops");
    }

    @Test
    void an_unreachable_registry_exits_non_zero_with_a_clear_message() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // port 1 on loopback is closed; the connection is refused at once
        int exit = RegisterSchemas.run(new String[] {"http://127.0.0.1:1/apis/registry/v3", "test."},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("cannot reach the registry").contains("test.ledgerline.queue-commands.v1-value");
    }

    @Test
    void wrong_arguments_print_usage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = RegisterSchemas.run(new String[0], System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: RegisterSchemas");
    }
}
