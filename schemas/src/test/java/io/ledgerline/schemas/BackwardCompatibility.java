package io.ledgerline.schemas;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/** The BACKWARD rule, shared by the gate and by the tests that prove the gate bites. */
final class BackwardCompatibility {

    private BackwardCompatibility() {
    }

    /**
     * Why {@code reader} (the current schema) cannot read data written with {@code writer} (a released schema); empty
     * when it can.
     */
    static List<String> problems(Schema reader, Schema writer) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .toList();
    }
}
