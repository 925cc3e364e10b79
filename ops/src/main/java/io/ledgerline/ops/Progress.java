package io.ledgerline.ops;

import java.io.PrintStream;
import java.time.Duration;

/** One line on the terminal that shows how far long work has come, its rate and the time left. */
final class Progress {

    private final PrintStream out;
    private final String what;
    private final long started = System.nanoTime();
    /** On a terminal the line is redrawn in place; in a log (no console) a new line is written now and then. */
    private final boolean terminal = System.console() != null;
    private long lastDrawn;

    Progress(PrintStream out, String what) {
        this.out = out;
        this.what = what;
    }

    /** Redraws at most four times a second. */
    void show(long done, long total) {
        long now = System.nanoTime();
        if (now - lastDrawn < (terminal ? 250_000_000L : 5_000_000_000L) && done < total) {
            return;
        }
        lastDrawn = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        int width = 30;
        int filled = total <= 0 ? width : (int) Math.min(width, width * done / total);
        String left = rate <= 0 || done >= total ? "-" : format(Duration.ofSeconds((long) ((total - done) / rate)));
        String line = "%s [%s%s] %,d/%,d  %,.0f/s  left %s   ".formatted(what, "#".repeat(filled),
                " ".repeat(width - filled), done, total, rate, left);
        out.print(terminal ? "\r" + line : line + System.lineSeparator());
        out.flush();
    }

    void done() {
        if (terminal) {
            out.println();
        }
    }

    static String format(Duration d) {
        return d.toHours() > 0 ? "%dh%02dm".formatted(d.toHours(), d.toMinutesPart())
                : "%dm%02ds".formatted(d.toMinutes(), d.toSecondsPart());
    }
}
