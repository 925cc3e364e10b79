package io.ledgerline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short fault run of ./ledgerline test: a minute of load while instances and broker are killed and paused (longer,
 * up to three minutes, until 250 commands were accepted: a busy machine gets more time), then the whole log is
 * checked. The long run is ./ledgerline faults.
 */
class FaultHarnessIT {

    @Test
    void under_kills_and_pauses_every_acknowledged_command_has_exactly_its_events_and_the_log_has_no_anomaly()
            throws Exception {
        Path root = Path.of(System.getProperty("ledgerline.root", "..")).toAbsolutePath().normalize();
        Harness.Setup setup = Harness.Setup.fromEnvironment(root, root.resolve("fault-harness/target/fault-run"));

        var length = new Harness.Length(Duration.ofSeconds(60), Duration.ofSeconds(180), 250);
        Harness.Report report = Harness.run(setup, length, 6, 20261124L, System.out);
        report.print(System.out);

        assertThat(report.findings().anomalies()).isEmpty();
        assertThat(report.faultCount()).isGreaterThanOrEqualTo(8);
        assertThat(report.acknowledgedAccepted()).isGreaterThan(200);
        assertThat(report.findings().events()).isGreaterThanOrEqualTo(report.acknowledgedAccepted());
    }
}
