package io.ledgerline.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "ledgerline ops", mixinStandardHelpOptions = true,
        description = "Operations on the log: replay a queue's past, verify and rebuild the read models, export a"
                + " queue's history, check a lottery, back the log up and restore it.",
        subcommands = {ReplayCommand.class, VerifyCommand.class, RebuildCommand.class, ExportCommand.class,
                LotteryCheckCommand.class, BackupCommand.class, RestoreCommand.class, CommandLine.HelpCommand.class})
public class LedgerlineOps {

    public static void main(String[] args) {
        CommandLine line = new CommandLine(new LedgerlineOps());
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof OpsFailure) {
                commandLine.getErr().println("ops: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(line.execute(args));
    }
}
