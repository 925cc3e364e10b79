package io.ledgerline.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged operations tool (ops/target), run as {@code ./ledgerline ops} runs it, against the test stack. */
final class OpsTool {

    record Run(int exit, String out) {}

    private OpsTool() {}

    static Run run(String... args) throws IOException, InterruptedException {
        Path ops = ServiceProcess.root().resolve("ops/target");
        if (!Files.exists(ops.resolve("lib"))) {
            throw new IllegalStateException(ops + "/lib is missing: package the ops module first (./mvnw verify does)");
        }
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaBinary(), "-cp",
                ops.resolve("ops-0.1.0-SNAPSHOT.jar") + java.io.File.pathSeparator + ops.resolve("lib") + "/*",
                "io.ledgerline.ops.LedgerlineOps"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LEDGERLINE_TOPIC_PREFIX", "test.");
        builder.environment().put("LEDGERLINE_PROJECTION_URL", "http://127.0.0.1:18082");
        builder.environment().put("LEDGERLINE_TOKEN", Http.adminToken());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("ops " + String.join(" ", args) + " did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        System.out.println("$ ops " + String.join(" ", args) + "\n" + text);
        return new Run(process.exitValue(), text);
    }
}
