package kefu.app;

import kefu.channel.telegram.TelegramCommand;
import kefu.console.ConsoleProperties;
import kefu.console.users.ConsoleUsers;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import java.util.List;

/**
 * {@code serve} (alias {@code telegram}): the deployment. The operator console always, Telegram when a token is
 * set, and whatever else the web server carries (the webhook, the shop's hooks). Prints where the console is.
 */
public final class ServeCommand implements CliCommand {

    private final TelegramCommand telegram;
    private final ConsoleProperties console;
    private final ConsoleUsers users;
    private final ApplicationContext context;

    public ServeCommand(TelegramCommand telegram, ConsoleProperties console, ConsoleUsers users,
                        ApplicationContext context) {
        this.telegram = telegram;
        this.console = console;
        this.users = users;
        this.context = context;
    }

    @Override
    public String name() {
        return CommandLine.SERVE;
    }

    @Override
    public String summary() {
        return "run the bot: the web console (KEFU_CONSOLE_PORT, default 8080) and Telegram when KEFU_TELEGRAM_TOKEN is set";
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (telegram.configured()) {
            int code = telegram.run(List.of());
            if (code != 0) {
                return code;
            }
            System.out.println("Telegram: serving.");
        } else {
            System.out.println("Telegram: off (no KEFU_TELEGRAM_TOKEN); the console and `chat` still work.");
        }
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            System.err.println("The console needs a web server; start with `serve`.");
            return 2;
        }
        String host = console.bind().contains(":") ? "[" + console.bind() + "]" : console.bind();
        System.out.println("Console: http://" + host + ":" + web.getWebServer().getPort() + "/console/");
        if (users.list().isEmpty()) {
            System.out.println("No console users yet: java -jar kefu-bot.jar console user add NAME --role admin");
        }
        return 0;
    }

    @Override
    public boolean keepsRunning() {
        return true;
    }
}
