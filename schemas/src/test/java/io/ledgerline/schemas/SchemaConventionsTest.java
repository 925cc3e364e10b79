package io.ledgerline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The rules every schema of this module follows, so that integrators can rely on them. */
class SchemaConventionsTest {

    @Test
    void every_named_type_and_field_is_documented_and_in_the_v1_namespace() {
        List<String> problems = new ArrayList<>();
        for (Schema named : namedTypes()) {
            if (!"ledgerline.queue.v1".equals(named.getNamespace())) {
                problems.add(named.getFullName() + " is outside namespace ledgerline.queue.v1");
            }
            if (isBlank(named.getDoc())) {
                problems.add(named.getFullName() + " has no doc");
            }
            if (named.getType() == Schema.Type.RECORD) {
                for (Schema.Field field : named.getFields()) {
                    if (isBlank(field.doc())) {
                        problems.add(named.getName() + "." + field.name() + " has no doc");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void points_in_time_are_timestamp_millis() {
        List<String> problems = new ArrayList<>();
        for (Schema named : namedTypes()) {
            if (named.getType() != Schema.Type.RECORD) {
                continue;
            }
            for (Schema.Field field : named.getFields()) {
                boolean pointInTime = field.name().endsWith("At") || field.name().endsWith("until")
                        || field.name().endsWith("Until");
                if (pointInTime && !(nonNull(field.schema()).getLogicalType() instanceof LogicalTypes.TimestampMillis)) {
                    problems.add(named.getName() + "." + field.name() + " is not a timestamp-millis");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void nullable_fields_put_null_first_and_default_to_null() {
        List<String> problems = new ArrayList<>();
        for (Schema named : namedTypes()) {
            if (named.getType() != Schema.Type.RECORD) {
                continue;
            }
            for (Schema.Field field : named.getFields()) {
                Schema type = field.schema();
                boolean nullable = type.getType() == Schema.Type.UNION
                        && type.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
                if (nullable && (type.getTypes().get(0).getType() != Schema.Type.NULL || !field.hasDefaultValue()
                        || field.defaultVal() != org.apache.avro.JsonProperties.NULL_VALUE)) {
                    problems.add(named.getName() + "." + field.name() + " must be [\"null\", ...] with default null");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void priority_is_one_enum_with_a_default_for_evolution() {
        Schema priority = ledgerline.queue.v1.Priority.getClassSchema();
        assertThat(priority.getEnumSymbols()).containsExactly("URGENT", "HIGH", "NORMAL", "LOW");
        assertThat(priority.getEnumDefault()).isEqualTo("NORMAL");
        assertThat(namedTypes()).filteredOn(s -> s.getName().equals("Priority")).allMatch(priority::equals);
    }

    /** Every record and enum reachable from the topics' value schemas, each once. */
    private static List<Schema> namedTypes() {
        Map<Schema, Boolean> seen = new IdentityHashMap<>();
        List<Schema> named = new ArrayList<>();
        TopicSchemas.all().forEach(t -> collect(t.valueSchema(), seen, named));
        return named;
    }

    private static void collect(Schema schema, Map<Schema, Boolean> seen, List<Schema> named) {
        if (seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        switch (schema.getType()) {
            case RECORD -> {
                named.add(schema);
                schema.getFields().forEach(f -> collect(f.schema(), seen, named));
            }
            case ENUM, FIXED -> named.add(schema);
            case UNION -> schema.getTypes().forEach(t -> collect(t, seen, named));
            case ARRAY -> collect(schema.getElementType(), seen, named);
            case MAP -> collect(schema.getValueType(), seen, named);
            default -> { }
        }
    }

    /** The type of a nullable field without its null branch; any other type as it is. */
    private static Schema nonNull(Schema type) {
        if (type.getType() == Schema.Type.UNION && type.getTypes().size() == 2
                && type.getTypes().get(0).getType() == Schema.Type.NULL) {
            return type.getTypes().get(1);
        }
        return type;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
