package kefu;

import kefu.app.CommandLine;
import kefu.app.CommandRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * kefu-bot: a customer-service bot for digital-goods shops. {@code java -jar kefu-bot.jar [command]};
 * see {@code help} for the commands.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({
        // Every configuration, controller and component of the bot, listed rather than found by scanning the
        // jar's classes, which cost a second of every start; BotPartsTest fails when one is missing here. Each
        // configuration enables its own @ConfigurationProperties.
        kefu.app.CoreConfig.class,
        kefu.app.ServeConfig.class,
        kefu.bench.BenchConfig.class,
        kefu.channel.console.ConsoleConfig.class,
        kefu.channel.telegram.TelegramConfig.class,
        kefu.channel.telegram.TelegramReplyKeys.class,
        kefu.channel.telegram.WebhookConnector.class,
        kefu.channel.telegram.WebhookController.class,
        kefu.channel.telegram.WebhookServerLimits.class,
        kefu.console.ConsoleReplyKeys.class,
        kefu.console.ConsoleWebConfig.class,
        kefu.console.WebConsoleConfig.class,
        kefu.console.admin.AdminController.class,
        kefu.console.conversations.ConversationsController.class,
        kefu.console.desk.WebDeskController.class,
        kefu.console.hits.HitTestController.class,
        kefu.console.kb.KnowledgeController.class,
        kefu.console.overview.OverviewController.class,
        kefu.console.tickets.TicketsController.class,
        kefu.console.unanswered.UnansweredController.class,
        kefu.console.web.LoginController.class,
        kefu.conversation.orders.OrderReplyKeys.class,
        kefu.conversation.orders.OrdersConfig.class,
        kefu.handoff.HandoffConfig.class,
        kefu.handoff.HandoffReplyKeys.class,
        kefu.knowledge.KnowledgeConfig.class,
        kefu.nlu.NluConfig.class,
        kefu.observability.ObservabilityConfig.class,
        kefu.policy.PolicyConfig.class,
        kefu.session.RedisConfig.class,
        kefu.shop.ShopConfig.class,
        kefu.spam.SpamConfig.class,
        kefu.spam.SpamReplyKeys.class})
public class KefuApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(KefuApplication.class);
        String token = setting(args, "kefu.telegram.token", "KEFU_TELEGRAM_TOKEN");
        CommandLine line = CommandLine.parse(args, token != null && !token.isBlank());
        // Short commands (chat, kb, bench) start without a web server; `serve` has one for the console, the
        // management port (health, metrics) and, in webhook mode, the webhook's own public port besides.
        app.setWebApplicationType(line.keepsRunning() ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        app.setDefaultProperties(defaults(line,
                "webhook".equalsIgnoreCase(setting(args, "kefu.telegram.mode", "KEFU_TELEGRAM_MODE"))));
        ConfigurableApplicationContext context = app.run(args);
        if (!context.getBean(CommandRunner.class).serving()) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /** Settings that depend on the command: which ports serve what, how much the terminal chat logs. */
    static java.util.Map<String, Object> defaults(CommandLine line, boolean webhook) {
        java.util.Map<String, Object> defaults = new java.util.HashMap<>();
        if (line.serves()) {
            // The console on its own (loopback by default) address, health and metrics on the management port,
            // and in webhook mode a second connector for the webhook (see WebhookConnector).
            defaults.put("server.port", "${kefu.console.port:8080}");
            defaults.put("server.address", "${kefu.console.bind:127.0.0.1}");
            defaults.put("management.server.port", "${kefu.management.port:9090}");
            defaults.put("management.server.address", "${kefu.management.address:127.0.0.1}");
            defaults.put("kefu.telegram.webhook.own-connector", Boolean.toString(webhook));
        } else if (line.keepsRunning()) {
            // Nothing else is served over HTTP: the management endpoints are the whole web server.
            defaults.put("server.port", "${kefu.management.port:9090}");
            defaults.put("server.address", "${kefu.management.address:127.0.0.1}");
        }
        if (!line.keepsRunning()) {
            // No web server: health, metrics export and the console's security, sessions and pages are not built.
            defaults.put(kefu.app.ServingOnlyParts.SHORT_COMMAND, "true");
        }
        if (line.interactive()) {
            // The terminal chat shows only the dialogue; warnings still reach stderr.
            defaults.put("logging.level.root", "WARN");
            defaults.put("logging.level.kefu.session.EmbeddedRedis", "INFO");
        }
        return defaults;
    }

    /** Off in tests, which drive the beans directly instead of a command line. */
    @Bean
    @ConditionalOnProperty(name = "kefu.command-runner.enabled", matchIfMissing = true)
    CommandRunner commandRunner(ObjectProvider<kefu.app.CliCommand> commands, Environment env) {
        return new CommandRunner(commands, env);
    }

    /**
     * A setting needed before Spring starts (which web server, which log level): the command-line
     * {@code --name=value} wins over the environment variable, as it does in Spring.
     */
    static String setting(String[] args, String name, String envName) {
        String value = System.getenv(envName);
        for (String a : args) {
            if (a.startsWith("--" + name + "=")) {
                value = a.substring(name.length() + 3);
            }
        }
        return value;
    }
}
