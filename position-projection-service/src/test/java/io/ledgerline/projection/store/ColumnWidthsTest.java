package io.ledgerline.projection.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.queue.FieldLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The read-model columns hold whatever the decider accepts: their widths come from the domain's field limits, so a
 * long id from the commands topic can never break the projection again.
 */
class ColumnWidthsTest {

    private static final Pattern COLUMN = Pattern.compile("(?m)^\\s*(\\w+)\\s+VARCHAR\\((\\d+)\\)");

    @Test
    void ids_names_and_texts_fit_their_columns() throws IOException {
        Map<String, Integer> widths = declaredWidths();
        assertThat(widths.get("queue_id")).isGreaterThanOrEqualTo(FieldLimits.ID_MAX);
        assertThat(widths.get("entry_id")).isGreaterThanOrEqualTo(FieldLimits.ID_MAX);
        assertThat(widths.get("name")).isGreaterThanOrEqualTo(FieldLimits.NAME_MAX);
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
