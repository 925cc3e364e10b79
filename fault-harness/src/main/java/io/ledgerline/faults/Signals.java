package io.ledgerline.faults;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The signals the nemesis sends: kill -9, SIGSTOP and SIGCONT, to a process the harness started. */
final class Signals {

    private Signals() {}

    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Unix
        process.waitFor(30, TimeUnit.SECONDS);
    }

    static void pause(Process process) throws IOException, InterruptedException {
        signal("-STOP", process);
    }

    static void resume(Process process) throws IOException, InterruptedException {
        signal("-CONT", process);
    }

    private static void signal(String signal, Process process) throws IOException, InterruptedException {
        if (process.isAlive()) {
            new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        }
    }
}
