package kefu.channel.telegram;

import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import org.springframework.beans.factory.ObjectProvider;

import java.util.List;
import java.util.Map;

/**
 * Starts serving Telegram for {@code serve} (and its alias {@code telegram}) when a token is set; explains how to get
 * a token otherwise.
 */
public final class TelegramCommand {

    private final TelegramProperties props;
    private final ObjectProvider<TelegramBot> bot;
    private final ObjectProvider<TelegramShutdown> shutdown;
    private final ReplyTexts texts;

    public TelegramCommand(TelegramProperties props, ObjectProvider<TelegramBot> bot,
                           ObjectProvider<TelegramShutdown> shutdown, ReplyTexts texts) {
        this.props = props;
        this.bot = bot;
        this.shutdown = shutdown;
        this.texts = texts;
    }

    public boolean configured() {
        return props.hasToken();
    }

    public int run(List<String> args) throws Exception {
        if (!props.hasToken()) {
            System.err.println(texts.get("telegram.no_token", Lang.ZH, Map.of()));
            System.err.println(texts.get("telegram.no_token", Lang.EN, Map.of()));
            return 2;
        }
        if (props.mode() == TelegramProperties.Mode.WEBHOOK
                && (blank(props.webhook().url()) || blank(props.webhook().secret()))) {
            System.err.println("Webhook mode needs kefu.telegram.webhook.url (KEFU_TELEGRAM_WEBHOOK_URL) and "
                    + "kefu.telegram.webhook.secret (KEFU_TELEGRAM_WEBHOOK_SECRET).");
            return 2;
        }
        shutdown.getObject();   // made with the bot, so the application's stop stops it first
        bot.getObject().start();
        return 0;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
