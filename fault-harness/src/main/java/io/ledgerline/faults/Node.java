package io.ledgerline.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One process of the system under test that the harness starts and abuses: a command-service instance or the
 * broker. Its output is appended to its own log file, so a failure can show what the process saw.
 */
abstract class Node {

    private final String name;
    private final Path log;
    private Process process;
    private boolean paused;

    Node(String name, Path log) {
        this.name = name;
        this.log = log;
    }

    String name() {
        return name;
    }

    /** The command line and environment that start this node. */
    abstract List<String> command();

    abstract Map<String, String> environment();

    /** Waits until the node answers as it should; fails with the tail of its log otherwise. */
    abstract void awaitReady(Duration atMost) throws Exception;

    synchronized void start() throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, "\n===== " + java.time.Instant.now() + " start " + name + " =====\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment());
        process = builder.start();
        paused = false;
    }

    synchronized void kill() throws InterruptedException {
        if (process != null) {
            Signals.kill(process);
        }
        paused = false;
    }

    synchronized void pause() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            Signals.pause(process);
            paused = true;
        }
    }

    synchronized void resume() throws IOException, InterruptedException {
        if (process != null && paused) {
            Signals.resume(process);
        }
        paused = false;
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** Back to running: resumed if paused, started again if dead. */
    synchronized void heal() throws IOException, InterruptedException {
        resume();
        if (!alive()) {
            start();
        }
    }

    synchronized void stop() throws InterruptedException, IOException {
        resume();
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                Signals.kill(process);
            }
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    void requireAlive() {
        if (!alive()) {
            throw new IllegalStateException(name + " exited\n" + logTail());
        }
    }
}
