package io.ledgerline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import ledgerline.queue.v1.QueueCommandEnvelope;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** Proves the gate bites: deliberately broken variants of the command schema are reported, harmless ones are not. */
class BackwardCompatibilityRuleTest {

    private static final Path RELEASED_COMMANDS = Path.of(
            System.getProperty("ledgerline.schemas.released-dir", "src/released"), "0.1.0", "QueueCommandEnvelope.avsc");

    private final Schema released = parse(RELEASED_COMMANDS);
    private final Schema current = QueueCommandEnvelope.getClassSchema();

    @Test
    void a_new_required_field_without_default_is_incompatible() {
        Schema variant = withField(current, new Schema.Field("tenantId", Schema.create(Schema.Type.STRING), "Tenant."));

        assertThat(BackwardCompatibility.problems(variant, released))
                .singleElement().asString().startsWith("READER_FIELD_MISSING_DEFAULT").contains("tenantId");
    }

    @Test
    void a_new_required_field_inside_a_payload_record_is_incompatible() {
        Schema variant = mapPayload(current, branches -> branches.stream()
                .map(b -> b.getName().equals("JoinQueue")
                        ? withField(b, new Schema.Field("channel", Schema.create(Schema.Type.STRING), "Channel."))
                        : b)
                .toList());

        // Avro matches union branches by compatibility, so the released JoinQueue finds no branch it fits:
        // reported against the payload union at branch 2 (JoinQueue) rather than as a missing default.
        assertThat(BackwardCompatibility.problems(variant, released))
                .singleElement().asString().startsWith("MISSING_UNION_BRANCH at /fields/4/type/2");
    }

    @Test
    void a_removed_union_branch_is_incompatible() {
        Schema variant = mapPayload(current, branches -> branches.stream()
                .filter(b -> !b.getName().equals("EmergencyStopQueue"))
                .toList());

        assertThat(BackwardCompatibility.problems(variant, released))
                .singleElement().asString().startsWith("MISSING_UNION_BRANCH");
    }

    @Test
    void a_changed_field_type_is_incompatible() {
        Schema variant = withFieldType(current, "issuedAt", Schema.create(Schema.Type.STRING));

        assertThat(BackwardCompatibility.problems(variant, released))
                .singleElement().asString().startsWith("TYPE_MISMATCH");
    }

    @Test
    void a_new_optional_field_with_default_is_compatible() {
        Schema optionalString = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        Schema variant = withField(current,
                new Schema.Field("traceId", optionalString, "Trace id, null when untraced.", JsonProperties.NULL_VALUE));

        assertThat(BackwardCompatibility.problems(variant, released)).isEmpty();
    }

    @Test
    void a_new_union_branch_is_compatible() {
        Schema newCommand = Schema.createRecord("ExtendOpeningHours", "A new command.", "ledgerline.queue.v1", false,
                List.of(new Schema.Field("minutes", Schema.create(Schema.Type.INT), "Minutes.")));
        Schema variant = mapPayload(current, branches -> {
            List<Schema> more = new ArrayList<>(branches);
            more.add(newCommand);
            return more;
        });

        assertThat(BackwardCompatibility.problems(variant, released)).isEmpty();
    }

    @Test
    void the_current_schema_really_reads_a_record_written_with_the_release() throws IOException {
        Schema variant = withField(current, new Schema.Field("traceId",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "Trace id.", JsonProperties.NULL_VALUE));
        GenericRecord written = new GenericData.Record(released);
        written.put("commandId", "c-1");
        written.put("queueId", "q-1");
        written.put("issuedAt", 1_700_000_000_000L);
        written.put("actor", "tester");
        GenericRecord leave = new GenericData.Record(branch(released, "LeaveQueue"));
        leave.put("entryId", "e-1");
        written.put("payload", leave);

        GenericRecord read = roundTrip(written, released, variant);

        assertThat(read.get("traceId")).isNull();
        assertThat(((GenericRecord) read.get("payload")).getSchema().getName()).isEqualTo("LeaveQueue");
    }

    @Test
    void an_unknown_priority_symbol_reads_as_the_default() throws IOException {
        Schema joinQueue = branch(current, "JoinQueue");
        Schema priority = joinQueue.getField("priority").schema();
        Schema newerPriority = Schema.createEnum("Priority", priority.getDoc(), priority.getNamespace(),
                List.of("CRITICAL", "URGENT", "HIGH", "NORMAL", "LOW"), "NORMAL");
        Schema newerJoinQueue = withFieldType(joinQueue, "priority", newerPriority);
        GenericRecord written = new GenericData.Record(newerJoinQueue);
        written.put("entryId", "e-1");
        written.put("priority", new GenericData.EnumSymbol(newerPriority, "CRITICAL"));
        written.put("joinedAt", 1_700_000_000_000L);
        written.put("metadata", java.util.Map.of());
        written.put("anonymous", false);

        assertThat(BackwardCompatibility.problems(joinQueue, newerJoinQueue)).isEmpty();
        assertThat(roundTrip(written, newerJoinQueue, joinQueue).get("priority")).hasToString("NORMAL");
    }

    private static GenericRecord roundTrip(GenericRecord record, Schema writer, Schema reader) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(writer, reader)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }

    private static Schema branch(Schema envelope, String name) {
        return envelope.getField("payload").schema().getTypes().stream()
                .filter(b -> b.getName().equals(name)).findFirst().orElseThrow();
    }

    private static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static Schema withField(Schema record, Schema.Field extra) {
        List<Schema.Field> fields = copyFields(record, UnaryOperator.identity());
        fields.add(extra);
        return copyRecord(record, fields);
    }

    private static Schema withFieldType(Schema record, String name, Schema type) {
        return copyRecord(record, copyFields(record, f -> f.name().equals(name) ? new Schema.Field(f, type) : f));
    }

    private static Schema mapPayload(Schema envelope, UnaryOperator<List<Schema>> branches) {
        Schema payload = Schema.createUnion(branches.apply(envelope.getField("payload").schema().getTypes()));
        return withFieldType(envelope, "payload", payload);
    }

    private static List<Schema.Field> copyFields(Schema record, UnaryOperator<Schema.Field> change) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : record.getFields()) {
            Schema.Field changed = change.apply(f);
            // a Field belongs to one record; copy it so the variant does not steal it from the original
            fields.add(changed == f ? new Schema.Field(f, f.schema()) : changed);
        }
        return fields;
    }

    private static Schema copyRecord(Schema record, List<Schema.Field> fields) {
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
