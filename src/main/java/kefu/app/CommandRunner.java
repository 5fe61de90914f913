package kefu.app;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;

import java.util.Comparator;
import java.util.List;

/** Runs the sub-command named on the command line once the application is ready, and keeps its exit code. */
public final class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private final ObjectProvider<CliCommand> commands;
    private final Environment env;
    private int exitCode;
    private boolean serving;

    public CommandRunner(ObjectProvider<CliCommand> commands, Environment env) {
        this.commands = commands;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        CommandLine line = CommandLine.parse(arguments.getSourceArgs(), telegramConfigured(env));
        List<CliCommand> all = commands.orderedStream().sorted(Comparator.comparing(CliCommand::name)).toList();
        if (List.of("help", "--help", "-h").contains(line.command())) {
            printHelp(all);
            return;
        }
        CliCommand command = all.stream().filter(c -> c.name().equals(line.command())).findFirst().orElse(null);
        if (command == null) {
            System.err.println("Unknown command '" + line.command() + "'.");
            printHelp(all);
            exitCode = 2;
            return;
        }
        exitCode = command.run(line.args());
        serving = exitCode == 0 && command.keepsRunning();
    }

    /** True when the command started a server that runs until the process is stopped. */
    public boolean serving() {
        return serving;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    static boolean telegramConfigured(Environment env) {
        String token = env.getProperty("kefu.telegram.token");
        return token != null && !token.isBlank();
    }

    private static void printHelp(List<CliCommand> all) {
        System.err.println("Usage: java -jar kefu-bot.jar [COMMAND] [ARGS] [--property=value ...]");
        for (CliCommand c : all) {
            System.err.printf("  %-14s %s%n", c.name(), c.summary());
        }
    }
}
