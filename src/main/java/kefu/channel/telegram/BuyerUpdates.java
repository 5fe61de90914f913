package kefu.channel.telegram;

import kefu.privacy.Pseudonym;

import kefu.conversation.Button;
import kefu.conversation.ChatType;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Media;
import kefu.conversation.ConversationState;
import kefu.conversation.ConversationStore;
import kefu.conversation.Lang;
import kefu.conversation.Reply;
import kefu.conversation.ReplyTexts;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;
import kefu.conversation.command.SlashCommand;
import kefu.session.BuyerGate;
import kefu.spam.BlockList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a buyer's Telegram update (text, command, button press, photo) into an engine turn and sends the
 * replies back. In groups the bot speaks only when addressed and never posts a private-only reply there.
 */
public final class BuyerUpdates {

    private static final Logger log = LoggerFactory.getLogger(BuyerUpdates.class);

    public static final String CHANNEL = "tg";

    private final ConversationEngine engine;
    private final ConversationStore store;
    private final TelegramSender sender;
    private final TelegramOutbox outbox;
    private final FileFetcher files;
    private final BotIdentity identity;
    private final BlockedChats blocked;
    private final ReplyTexts texts;
    private final BuyerGate gate;
    private final BlockList blockList;

    public BuyerUpdates(ConversationEngine engine, ConversationStore store, TelegramSender sender, TelegramOutbox outbox,
                        FileFetcher files, BotIdentity identity, BlockedChats blocked, ReplyTexts texts, BuyerGate gate,
                        BlockList blockList) {
        this.gate = gate;
        this.blockList = blockList;
        this.engine = engine;
        this.store = store;
        this.sender = sender;
        this.outbox = outbox;
        this.files = files;
        this.identity = identity;
        this.blocked = blocked;
        this.texts = texts;
    }

    public void handle(Update update) {
        User from = update.hasCallbackQuery() ? update.getCallbackQuery().getFrom()
                : update.hasMessage() ? update.getMessage().getFrom() : null;
        if (from != null && blockList.blocked(key(from))) {
            return; // on the shared block list: not even the button's spinner is answered
        }
        if (update.hasCallbackQuery()) {
            press(update.getUpdateId(), update.getCallbackQuery());
        } else if (update.hasMessage()) {
            message(update.getUpdateId(), update.getMessage());
        }
    }

    private void press(int updateId, CallbackQuery callback) {
        // Every press is answered at once so the button stops spinning, whatever happens next.
        sender.answerCallback(callback.getId(), null);
        if (callback.getMessage() == null) {
            return;
        }
        long chatId = callback.getMessage().getChatId();
        ConversationKey key = key(callback.getFrom());
        String data = callback.getData();
        int bytes = data == null ? 0 : data.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > Button.MAX_DATA_BYTES) {
            if (gate.look(key) == BuyerGate.Verdict.OPEN) {
                outbox.reply(chatId, texts.get("button.stale", lang(key, callback.getFrom()), Map.of()), List.of());
            }
            return;
        }
        Turn turn = Turn.button(key, String.valueOf(updateId), data)
                .inChat(chatType(callback.getMessage().getChat().getType())).withLanguageHint(hint(callback.getFrom()));
        deliver(chatId, turn, engine.handle(turn), callback.getFrom());
    }

    private void message(int updateId, Message message) {
        User from = message.getFrom();
        if (from == null || Boolean.TRUE.equals(from.getIsBot())) {
            return;
        }
        ChatType type = chatType(message.getChat().getType());
        if (type == null) {
            return; // channels are not conversations
        }
        if (type == ChatType.GROUP && !addressed(message)) {
            return;
        }
        long chatId = message.getChatId();
        if (type == ChatType.PRIVATE) {
            blocked.clear(chatId); // writing again means they unblocked the bot
        }
        ConversationKey key = key(from);
        String id = String.valueOf(updateId);
        String text = message.hasText() ? withoutMention(message.getText()) : message.getCaption();
        Media media = media(message);
        if (media != null) {
            // Not downloaded: staff get the message copied whole from this chat; the bot itself reads none.
            Turn turn = Turn.media(key, id, media, text).inChat(type).withLanguageHint(hint(from));
            deliver(chatId, turn, engine.handle(turn), from);
            return;
        }
        if (message.hasPhoto() || message.hasDocument()) {
            BuyerGate.Verdict verdict = gate.look(key);
            if (verdict != BuyerGate.Verdict.OPEN) {
                // Nothing is downloaded or refused for a banned or flooding buyer; the engine still counts the
                // message (and sends the one cool-down note) as it would any other.
                Turn bare = Turn.text(key, id, text == null ? "" : text).inChat(type).withLanguageHint(hint(from));
                deliver(chatId, bare, engine.handle(bare), from);
                return;
            }
            FileFetcher.Fetched fetched = fetch(message);
            if (!(fetched instanceof FileFetcher.Fetched.Ok ok)) {
                log.info("file from chat {} refused: {}", Pseudonym.ofTelegramChat(chatId), fetched);
                String reason = fetched instanceof FileFetcher.Fetched.TooBig ? "telegram.file.too_big"
                        : fetched instanceof FileFetcher.Fetched.NotImage ? "telegram.file.not_image"
                        : "telegram.file.failed";
                outbox.reply(chatId, texts.get(reason, lang(key, from), Map.of("max_mb", maxMb())), List.of());
                return;
            }
            Turn turn = Turn.attachment(key, id, ok.attachment(), text).inChat(type).withLanguageHint(hint(from));
            try {
                deliver(chatId, turn, engine.handle(turn), from);
            } finally {
                files.discard(ok.attachment());
            }
            return;
        }
        Turn turn = Turn.text(key, id, text).inChat(type).withLanguageHint(hint(from));
        deliver(chatId, turn, engine.handle(turn), from);
    }

    private void deliver(long chatId, Turn turn, TurnResult result, User from) {
        boolean noteSent = false;
        for (Reply reply : result.replies()) {
            if (!turn.isPrivate() && reply.privateOnly()) {
                if (!noteSent) {
                    outbox.reply(chatId, texts.get("telegram.private_only", lang(turn.key(), from),
                            Map.of("bot", identity.username())), List.of());
                    noteSent = true;
                }
                continue;
            }
            // Queued: the senders post it as the chat's window allows; this worker goes on to the next update.
            if (reply.receipt()) {
                outbox.receipt(chatId, reply.text(), reply.buttons());
            } else {
                outbox.reply(chatId, reply.text(), reply.buttons());
            }
        }
    }

    /** Voice, video, a sticker (an animation before a document: Telegram sends a GIF as both), or null. */
    static Media media(Message m) {
        String ref = m.getChatId() + ":" + m.getMessageId();
        if (m.hasVoice()) {
            return new Media(Media.Kind.VOICE, ref, length(m.getVoice().getDuration()));
        }
        if (m.hasVideoNote()) {
            return new Media(Media.Kind.VIDEO_NOTE, ref, length(m.getVideoNote().getDuration()));
        }
        if (m.hasVideo()) {
            return new Media(Media.Kind.VIDEO, ref, length(m.getVideo().getDuration()));
        }
        if (m.hasAudio()) {
            return new Media(Media.Kind.AUDIO, ref, length(m.getAudio().getDuration()));
        }
        if (m.hasAnimation()) {
            return new Media(Media.Kind.ANIMATION, ref, "");
        }
        if (m.hasSticker()) {
            return new Media(Media.Kind.STICKER, ref, m.getSticker().getEmoji());
        }
        return null;
    }

    private static String length(Integer seconds) {
        return seconds == null ? "" : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private FileFetcher.Fetched fetch(Message message) {
        if (message.hasPhoto()) {
            // The largest size Telegram made; the fetcher refuses it if it is still over the limit.
            PhotoSize best = message.getPhoto().stream()
                    .max(Comparator.comparingLong(p -> p.getFileSize() == null ? 0 : p.getFileSize())).orElseThrow();
            return files.fetch(best.getFileId(), best.getFileSize() == null ? null : best.getFileSize().longValue(),
                    null, true);
        }
        Document doc = message.getDocument();
        return files.fetch(doc.getFileId(), doc.getFileSize(), doc.getFileName(), true);
    }

    /** In a group: a command (for this bot or any), an @mention of the bot, or a reply to one of its messages. */
    private boolean addressed(Message message) {
        String name = identity.username().toLowerCase(Locale.ROOT);
        String text = message.hasText() ? message.getText() : message.getCaption();
        Optional<SlashCommand> command = SlashCommand.parse(text);
        if (command.isPresent()) {
            return command.get().addressedTo(name);
        }
        if (text != null && !name.isEmpty() && text.toLowerCase(Locale.ROOT).contains("@" + name)) {
            return true;
        }
        List<MessageEntity> entities = message.getEntities();
        if (entities != null) {
            for (MessageEntity e : entities) {
                if ("text_mention".equals(e.getType()) && e.getUser() != null
                        && e.getUser().getId().equals(identity.me().getId())) {
                    return true;
                }
            }
        }
        Message replyTo = message.getReplyToMessage();
        return replyTo != null && replyTo.getFrom() != null && replyTo.getFrom().getId().equals(identity.me().getId());
    }

    private String withoutMention(String text) {
        String name = identity.username();
        if (name.isEmpty()) {
            return text;
        }
        return text.replaceAll("(?i)@" + Pattern.quote(name) + "\\b", "").strip();
    }

    private Lang lang(ConversationKey key, User from) {
        return store.peek(key).map(ConversationState::lang).orElse(hint(from) == Lang.EN ? Lang.EN : Lang.ZH);
    }

    /** The language of the buyer's Telegram app: English or Chinese, or null for any other. */
    static Lang hint(User from) {
        String code = from == null ? null : from.getLanguageCode();
        if (code == null) {
            return null;
        }
        return code.startsWith("en") ? Lang.EN : code.startsWith("zh") ? Lang.ZH : null;
    }

    private long maxMb() {
        return Math.max(1, files.maxBytes() / (1024 * 1024));
    }

    static ConversationKey key(User from) {
        return new ConversationKey(CHANNEL, String.valueOf(from.getId()));
    }

    static ChatType chatType(String telegramType) {
        return switch (telegramType) {
            case "private" -> ChatType.PRIVATE;
            case "group", "supergroup" -> ChatType.GROUP;
            default -> null;
        };
    }
}
