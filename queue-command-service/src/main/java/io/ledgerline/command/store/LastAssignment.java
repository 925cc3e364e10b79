package io.ledgerline.command.store;

import io.ledgerline.command.config.CommandServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The partitions this instance owned last, on local disk. A restarted instance is almost always given the same ones
 * back (static group membership), so it starts restoring them while it is still joining the group. It is only a
 * guess: the group's assignment decides, and a wrong or missing file costs nothing but that head start.
 */
@ApplicationScoped
public class LastAssignment {

    private static final Logger LOG = Logger.getLogger(LastAssignment.class);

    private final Path file;

    public LastAssignment(CommandServiceConfig config) {
        this.file = config.command().instanceDir().resolve("partitions");
    }

    public Set<Integer> read() {
        try {
            if (!Files.exists(file)) {
                return Set.of();
            }
            String text = Files.readString(file).strip();
            return text.isEmpty() ? Set.of() : Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException | NumberFormatException e) {
            LOG.warnf("ignoring the last assignment in %s: %s", file, e.getMessage());
            return Set.of();
        }
    }

    public void write(Collection<Integer> partitions) {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling("partitions.next");
            Files.writeString(next, new TreeSet<>(partitions).stream().map(String::valueOf)
                    .collect(Collectors.joining(",")));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warnf("could not keep the last assignment in %s: %s", file, e.getMessage());
        }
    }
}
