package kefu.channel.telegram;

import kefu.conversation.Button;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * Where everything the bot says on Telegram goes first: messages are queued per chat (and forum topic) in
 * Redis and posted by the {@link OutboundSenders}, so handling an update never waits for a send window.
 * A text over Telegram's length is queued as several messages, the buttons under the last.
 */
public final class TelegramOutbox {

    private static final Logger log = LoggerFactory.getLogger(TelegramOutbox.class);

    private final OutboundQueue queue;
    private final OutboxProperties settings;
    private final MessageSplitter splitter = new MessageSplitter(MessageSplitter.TELEGRAM_MAX);
    private volatile LongConsumer wake = chat -> { };

    public TelegramOutbox(OutboundQueue queue, OutboxProperties settings) {
        this.queue = queue;
        this.settings = settings;
    }

    /** Called when something was queued, so the senders of this instance look at once. */
    void onQueued(LongConsumer wake) {
        this.wake = wake;
    }

    /** A reply in a buyer's chat (or a group the bot was addressed in). */
    public void reply(long chatId, String text, List<Button> buttons) {
        text(chatId, 0, Outbound.Kind.REPLY, text, buttons);
    }

    /** A reply that only confirms something was passed on: it may wait behind other buyers' answers. */
    public void receipt(long chatId, String text, List<Button> buttons) {
        text(chatId, 0, Outbound.Kind.RECEIPT, text, buttons);
    }

    /** A message that must not wait behind buyer traffic: a staff command's answer, a staff reply to a buyer. */
    public void urgent(long chatId, int topic, String text, List<Button> buttons) {
        text(chatId, topic, Outbound.Kind.URGENT, text, buttons);
    }

    /** A message in a topic's order (card, note). */
    public void inOrder(long chatId, int topic, Outbound.Kind kind, String text, List<Button> buttons) {
        text(chatId, topic, kind, text, buttons);
    }

    /** A buyer's message relayed into their topic; merged with the relays behind it when the group is behind. */
    public void relay(long chatId, int topic, String text, String head, String line) {
        if (text.length() > MessageSplitter.TELEGRAM_MAX) {
            text(chatId, topic, Outbound.Kind.RELAY, text, List.of());
            return;
        }
        put(chatId, Outbound.relay(topic, text, head, line));
    }

    /** A message copied whole from another chat ({@code source}: {@code <chat id>:<message id>}), in the topic's order. */
    public void copy(long chatId, int topic, String source) {
        put(chatId, Outbound.copy(topic, source));
    }

    public void file(long chatId, int topic, String path, String fileName, String mimeType, String caption) {
        put(chatId, Outbound.file(topic, path, fileName, mimeType, caption));
    }

    private void text(long chatId, int topic, Outbound.Kind kind, String text, List<Button> buttons) {
        List<String> parts = splitter.split(text);
        for (int i = 0; i < parts.size(); i++) {
            List<Button> under = i == parts.size() - 1 ? buttons : List.of();
            put(chatId, kind == Outbound.Kind.RELAY ? Outbound.relay(topic, parts.get(i), null, null)
                    : Outbound.text(kind, topic, parts.get(i), under));
        }
    }

    private void put(long chatId, Outbound message) {
        int cap = switch (message.kind()) {
            case RELAY, FILE, COPY -> settings.relayCap();
            case REPLY -> chatId < 0 ? settings.groupCap() : 0;
            default -> 0;
        };
        if (!queue.enqueue(chatId, message, cap)) {
            log.info("a {} for chat {} was not queued: {}", message.kind().name().toLowerCase(),
                    kefu.privacy.Pseudonym.ofTelegramChat(chatId),
                    message.kind() == Outbound.Kind.CARD ? "a card already waits there" : "its queue is full");
            return;
        }
        wake.accept(chatId);
    }
}
