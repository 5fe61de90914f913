package kefu.app;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the program arguments into the sub-command and its own arguments; {@code --name=value} options
 * are Spring properties and are left to Spring. Without a command the bot serves Telegram when a token is
 * configured and opens the chat CLI otherwise.
 */
public record CommandLine(String command, List<String> args) {

    public static final String SERVE = "serve";
    /** The earlier name of {@code serve}, kept so existing deployments start the same way. */
    public static final String TELEGRAM = "telegram";
    public static final String CHAT = "chat";

    public static CommandLine parse(String[] argv, boolean telegramConfigured) {
        List<String> words = new ArrayList<>();
        for (String a : argv) {
            if (!(a.startsWith("--") && a.contains("="))) {
                words.add(a);
            }
        }
        if (words.isEmpty()) {
            return new CommandLine(telegramConfigured ? SERVE : CHAT, List.of());
        }
        String command = TELEGRAM.equals(words.get(0)) ? SERVE : words.get(0);
        return new CommandLine(command, List.copyOf(words.subList(1, words.size())));
    }

    public boolean serves() {
        return SERVE.equals(command);
    }

    /** Commands that serve until the process is stopped, and so expose health and metrics. */
    private static final java.util.Set<String> SERVING = java.util.Set.of(TELEGRAM, "sandbox-shop", "serve");

    public boolean keepsRunning() {
        return SERVING.contains(command);
    }

    public boolean interactive() {
        return CHAT.equals(command) && !args.contains("--json");
    }
}
