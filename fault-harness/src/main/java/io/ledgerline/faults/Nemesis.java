package io.ledgerline.faults;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Breaks things, one at a time, every few seconds, until told to stop: kill -9 of an instance (started again
 * shortly after, as a supervisor would), SIGSTOP of an instance for up to 12 s (longer than its session timeout, so
 * it comes back as a zombie whose partitions another owner has taken), kill -9 of the broker (started again), and
 * SIGSTOP of the broker.
 */
final class Nemesis {

    enum Fault { KILL_INSTANCE, PAUSE_INSTANCE, KILL_BROKER, PAUSE_BROKER }

    private final KafkaNode broker;
    private final List<CommandServiceNode> instances;
    private final Random random;
    private final PrintStream log;
    private final Map<Fault, Integer> injected = new TreeMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread thread;

    Nemesis(KafkaNode broker, List<CommandServiceNode> instances, long seed, PrintStream log) {
        this.broker = broker;
        this.instances = instances;
        this.random = new Random(seed);
        this.log = log;
    }

    void start() {
        thread = Thread.ofPlatform().name("nemesis").start(() -> {
            try {
                while (running.get()) {
                    Thread.sleep(1500 + random.nextInt(2500));
                    if (running.get()) {
                        strike();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException("the nemesis failed", e);
            }
        });
    }

    /** Stops striking, and brings every process back: resumed if paused, started if dead. */
    void stopAndHeal() throws Exception {
        running.set(false);
        thread.join();
        broker.heal();
        for (CommandServiceNode instance : instances) {
            instance.heal();
        }
    }

    Map<Fault, Integer> injected() {
        return new TreeMap<>(injected);
    }

    int total() {
        return injected.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void strike() throws Exception {
        Fault fault = pick();
        CommandServiceNode instance = instances.get(random.nextInt(instances.size()));
        long started = System.currentTimeMillis();
        switch (fault) {
            case KILL_INSTANCE -> {
                instance.kill();
                Thread.sleep(200 + random.nextInt(1800));
                instance.start();
            }
            case PAUSE_INSTANCE -> {
                instance.pause();
                Thread.sleep(1000 + random.nextInt(11_000));
                instance.resume();
            }
            case KILL_BROKER -> {
                broker.kill();
                Thread.sleep(500 + random.nextInt(2500));
                broker.start();
            }
            case PAUSE_BROKER -> {
                broker.pause();
                Thread.sleep(1000 + random.nextInt(5000));
                broker.resume();
            }
        }
        injected.merge(fault, 1, Integer::sum);
        log.printf("  fault %-14s %-10s %5d ms%n", fault, fault.name().endsWith("BROKER") ? "kafka" : instance.name(),
                System.currentTimeMillis() - started);
    }

    private Fault pick() {
        int dice = random.nextInt(100);
        if (dice < 35) {
            return Fault.KILL_INSTANCE;
        }
        if (dice < 65) {
            return Fault.PAUSE_INSTANCE;
        }
        return dice < 82 ? Fault.KILL_BROKER : Fault.PAUSE_BROKER;
    }
}
