package kefu.app;

import java.util.List;

/**
 * A sub-command of {@code java -jar kefu-bot.jar NAME ...} ({@code chat}, {@code kb}, {@code sandbox-shop}...).
 * Returns the process exit code.
 */
public interface CliCommand {

    String name();

    /** One line for {@code --help}. */
    String summary();

    int run(List<String> args) throws Exception;

    /** Servers (Telegram, the standalone sandbox shop) return from {@link #run} and keep serving until stopped. */
    default boolean keepsRunning() {
        return false;
    }
}
