package kefu.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import kefu.conversation.command.BuyerCommand;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The running bot: announces its commands, then receives updates by long polling or by webhook and hands
 * them to the {@link UpdateDispatcher}. Both paths end in the same place.
 */
public final class TelegramBot implements AutoCloseable {

    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    private final TelegramProperties props;
    private final TelegramClient client;
    private final TelegramUrl url;
    private final UpdateDispatcher dispatcher;
    private final OutboundSenders senders;
    private final StaffMembership staff;
    private final BotIdentity identity;
    private final ReplyTexts texts;
    private final ObjectMapper json;
    private TelegramBotsLongPollingApplication polling;

    public TelegramBot(TelegramProperties props, TelegramClient client, TelegramUrl url, UpdateDispatcher dispatcher,
                       OutboundSenders senders, BotIdentity identity, ReplyTexts texts, ObjectMapper json,
                       StaffMembership staff) {
        this.senders = senders;
        this.staff = staff;
        this.props = props;
        this.client = client;
        this.url = url;
        this.dispatcher = dispatcher;
        this.identity = identity;
        this.texts = texts;
        this.json = json;
    }

    public synchronized void start() throws TelegramApiException {
        log.info("Telegram bot @{} starting ({} mode, API {})", identity.username(),
                props.mode().name().toLowerCase(), props.apiUrl());
        registerCommands();
        staff.groupsWithoutTopicRights(identity.me().getId());
        senders.start();
        dispatcher.start();
        if (props.mode() == TelegramProperties.Mode.WEBHOOK) {
            client.execute(SetWebhook.builder().url(props.webhook().url()).secretToken(props.webhook().secret())
                    .maxConnections(props.webhook().maxConnections()).allowedUpdates(ALLOWED_UPDATES).build());
        } else {
            startPolling();
        }
    }

    /** Command menus in Chinese (also the default) and English. */
    private void registerCommands() throws TelegramApiException {
        client.execute(SetMyCommands.builder().commands(commands(Lang.ZH)).build());
        client.execute(SetMyCommands.builder().commands(commands(Lang.ZH)).languageCode("zh").build());
        client.execute(SetMyCommands.builder().commands(commands(Lang.EN)).languageCode("en").build());
    }

    private List<BotCommand> commands(Lang lang) {
        return BuyerCommand.menu().stream().map(BuyerCommand::wireName)
                .map(c -> new BotCommand(c, texts.get("telegram.command." + c, lang, Map.of())))
                .toList();
    }

    private void startPolling() throws TelegramApiException {
        int timeout = (int) props.pollTimeout().toSeconds();
        OkHttpClient http = new OkHttpClient.Builder()
                .readTimeout(props.pollTimeout().plus(Duration.ofSeconds(15)))
                .build();
        polling = new TelegramBotsLongPollingApplication(() -> json, () -> http);
        LongPollingUpdateConsumer consumer = this::consume;
        polling.registerBot(props.token(), () -> url,
                last -> GetUpdates.builder().offset(last + 1).timeout(timeout).limit(100)
                        .allowedUpdates(ALLOWED_UPDATES).build(),
                consumer);
    }

    private void consume(List<Update> updates) {
        // Queued in Redis before the next getUpdates confirms them to Telegram; while Redis is unreachable
        // polling waits here rather than confirming updates it could not keep.
        for (Update u : updates) {
            for (int attempt = 1; ; attempt++) {
                try {
                    dispatcher.accept(u);
                    break;
                } catch (RuntimeException e) {
                    log.warn("cannot queue update {} (attempt {}): {}", u.getUpdateId(), attempt, e.getMessage());
                    try {
                        Thread.sleep(Math.min(10_000, 500L * attempt));
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (polling != null) {
            polling.close();
            polling = null;
        }
        dispatcher.close();
        // After the turns in hand: their replies are queued; what is not posted yet waits in Redis.
        senders.close();
    }
}
