package io.ledgerline.projection.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.projection.model.EntryStatus;
import io.ledgerline.projection.model.Priority;
import io.ledgerline.queue.FieldLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ledgerline.queue.v1.QueueEventEnvelope;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The read-model columns hold whatever the decider accepts: their widths come from the domain's field limits, so a
 * long id from the commands topic can never break the projection again.
 */
class ColumnWidthsTest {

    /** A column of a CREATE TABLE, or one added by ALTER TABLE … ADD COLUMN. */
    private static final Pattern COLUMN = Pattern.compile(
            "(?m)^\\s*(?:ALTER\\s+TABLE\\s+\\w+\\s+ADD\\s+COLUMN\\s+)?(\\w+)\\s+VARCHAR\\((\\d+)\\)");
    /** Ticket prefix (at most 8, SettingsShape.PREFIX_MAX), '-' and a long's digits. */
    private static final int NUMBER_MAX = 8 + 1 + Long.toString(Long.MAX_VALUE).length();

    @Test
    void ids_names_and_texts_fit_their_columns() throws IOException {
        Map<String, Integer> widths = declaredWidths();
        assertThat(widths.get("queue_id")).isGreaterThanOrEqualTo(FieldLimits.ID_MAX);
        assertThat(widths.get("entry_id")).isGreaterThanOrEqualTo(FieldLimits.ID_MAX);
        assertThat(widths.get("name")).isGreaterThanOrEqualTo(FieldLimits.NAME_MAX);
        assertThat(widths.get("counter")).isGreaterThanOrEqualTo(FieldLimits.COUNTER_MAX);
        assertThat(widths.get("entry_number")).isGreaterThanOrEqualTo(NUMBER_MAX);
    }

    /**
     * A new entry status or event (CLOSED_OUT, EntriesClosedOut) must not be the value that breaks a batch's write.
     * Widths go by column name, and entry statuses have the narrowest {@code status} column; queue statuses have one
     * twice as wide.
     */
    @Test
    void entry_statuses_priorities_and_event_types_fit_their_columns() throws IOException {
        Map<String, Integer> widths = declaredWidths();
        assertThat(Arrays.stream(EntryStatus.values()).map(Enum::name))
                .allMatch(name -> name.length() <= widths.get("status"));
        assertThat(Arrays.stream(Priority.values()).map(Enum::name))
                .allMatch(name -> name.length() <= widths.get("priority"));
        assertThat(QueueEventEnvelope.getClassSchema().getField("payload").schema().getTypes())
                .extracting(Schema::getName)
                .allMatch(name -> name.length() <= widths.get("event_type"));
    }

    /** The narrowest width each column is given across the migrations (a later migration may change it). */
    private static Map<String, Integer> declaredWidths() throws IOException {
        Map<String, Integer> widths = new HashMap<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration")).sorted()) {
            for (Path migration : migrations.toList()) {
                Matcher column = COLUMN.matcher(Files.readString(migration));
                while (column.find()) {
                    widths.merge(column.group(1), Integer.parseInt(column.group(2)), Math::min);
                }
            }
        }
        return widths;
    }
}
