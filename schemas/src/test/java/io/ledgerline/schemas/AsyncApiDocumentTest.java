package io.ledgerline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document is the integrators' contract: it must say what the code and the topic catalogue do. Every
 * topic of the catalogue is a channel (or named as reserved), with its partitions and retention; every topic with a
 * schema carries that schema's file; the dead-letter headers are the ones the services write; every reference
 * resolves.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("asyncapi.yaml");
    private static final Path CATALOGUE = Path.of("../deploy/kafka/topics.conf");

    private static JsonNode document;
    private static Map<String, Topic> catalogue;

    private record Topic(int partitions, Map<String, String> configs) {}

    @BeforeAll
    static void read() throws IOException {
        document = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
        catalogue = new HashMap<>();
        for (String line : Files.readAllLines(CATALOGUE)) {
            String[] words = line.strip().split("\\s+");
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Map<String, String> configs = new HashMap<>();
            for (int i = 2; i < words.length; i++) {
                String[] pair = words[i].split("=", 2);
                configs.put(pair[0], pair[1]);
            }
            catalogue.put(words[0], new Topic(Integer.parseInt(words[1]), configs));
        }
    }

    @Test
    void it_is_an_asyncapi_3_document_of_kafka_topics() {
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        document.path("servers").forEach(server -> assertThat(server.path("protocol").asText()).isEqualTo("kafka"));
    }

    @Test
    void every_topic_of_the_catalogue_is_a_channel_or_reserved_and_agrees_with_it() {
        Set<String> documented = new HashSet<>();
        document.path("channels").forEach(channel -> {
            String topic = channel.path("address").asText();
            documented.add(topic);
            assertThat(catalogue).as("the catalogue has %s", topic).containsKey(topic);
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertThat(kafka.path("partitions").asInt()).as("partitions of %s", topic)
                    .isEqualTo(catalogue.get(topic).partitions());
            kafka.path("topicConfiguration").fields().forEachRemaining(config -> assertThat(textOf(config.getValue()))
                    .as("%s of %s", config.getKey(), topic)
                    .isEqualTo(catalogue.get(topic).configs().get(config.getKey())));
        });
        document.path("x-reserved-topics").forEach(topic -> documented.add(topic.asText()));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(catalogue.keySet());
    }

    @Test
    void each_topic_with_a_schema_carries_the_file_of_that_schema() throws IOException {
        for (TopicSchemas.TopicSchema topic : TopicSchemas.all()) {
            JsonNode message = messageOf(channelFor(topic.topic()));
            Path file = Path.of(message.path("payload").path("schema").path("$ref").asText());
            assertThat(file).as("schema file of %s", topic.topic()).exists();
            Schema.Parser parser = new Schema.Parser();
            for (JsonNode shared : document.path("components").path("schemas")) {
                parser.parse(Path.of(shared.path("schema").path("$ref").asText()).toFile());
            }
            Schema documented = parser.parse(file.toFile());
            assertThat(documented.getFullName()).isEqualTo(topic.valueSchema().getFullName());
            assertThat(message.path("name").asText()).isEqualTo(topic.valueSchema().getName());
            assertThat(message.path("payload").path("schemaFormat").asText())
                    .startsWith("application/vnd.apache.avro;version=1.");
        }
    }

    @Test
    void the_dead_letter_headers_are_the_ones_the_services_write() throws IllegalAccessException {
        List<String> written = new ArrayList<>();
        for (Field field : DeadLetterHeaders.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                written.add((String) field.get(null));
            }
        }
        JsonNode headers = messageOf(channelFor("ledgerline.dead-letter.v1")).path("headers").path("properties");
        List<String> documented = new ArrayList<>();
        headers.fieldNames().forEachRemaining(documented::add);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void every_reference_within_the_document_resolves() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertThat(references).isNotEmpty();
        for (String reference : references) {
            if (reference.startsWith("#/")) {
                assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
            } else {
                assertThat(Path.of(reference)).as(reference).exists();
            }
        }
        document.path("operations").forEach(operation -> assertThat(operation.path("action").asText())
                .isIn("send", "receive"));
    }

    private static JsonNode channelFor(String topic) {
        for (JsonNode channel : document.path("channels")) {
            if (channel.path("address").asText().equals(topic)) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + topic);
    }

    private static JsonNode messageOf(JsonNode channel) {
        JsonNode reference = channel.path("messages").elements().next().path("$ref");
        return document.at(reference.asText().substring(1));
    }

    private static String textOf(JsonNode value) {
        if (!value.isArray()) {
            return value.asText();
        }
        List<String> parts = new ArrayList<>();
        value.forEach(part -> parts.add(part.asText()));
        return String.join(",", parts);
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asText());
                } else {
                    collectReferences(field.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectReferences(child, references));
        }
    }
}
