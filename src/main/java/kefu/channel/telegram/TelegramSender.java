package kefu.channel.telegram;

import kefu.privacy.Pseudonym;

import kefu.conversation.Attachment;
import kefu.conversation.Button;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends messages within Telegram's limits: waits for the shared rate limiter, splits long texts, honours
 * {@code retry_after} on 429, and records a user who blocked the bot instead of retrying. Texts go out as
 * plain text (no parse mode), so nothing a buyer or the knowledge base wrote is read as markup.
 */
public final class TelegramSender {

    /** What became of a message. */
    public enum Delivery { SENT, BLOCKED, FAILED }

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);
    private static final int BUTTONS_PER_ROW = 2;

    private final TelegramClient client;
    private final SendRateLimiter limiter;
    private final BlockedChats blocked;
    private final int maxAttempts;
    private final MessageSplitter splitter = new MessageSplitter(MessageSplitter.TELEGRAM_MAX);

    private final SendMeters meters;

    public TelegramSender(TelegramClient client, SendRateLimiter limiter, BlockedChats blocked, int maxAttempts) {
        this(client, limiter, blocked, maxAttempts, new SimpleMeterRegistry());
    }

    public TelegramSender(TelegramClient client, SendRateLimiter limiter, BlockedChats blocked, int maxAttempts,
                          MeterRegistry registry) {
        this.client = client;
        this.limiter = limiter;
        this.blocked = blocked;
        this.maxAttempts = maxAttempts;
        this.meters = new SendMeters(registry);
    }

    /**
     * {@code kefu_telegram_sends_total{chat, outcome}} per message and {@code kefu_telegram_429_total{chat}}
     * per "too many requests" answer; {@code chat} is private or group, never a chat id.
     */
    private record SendMeters(MeterRegistry registry) {
        void sent(long chatId, Delivery outcome) {
            Counter.builder("kefu.telegram.sends").description("Messages sent to Telegram by outcome")
                    .tag("chat", kind(chatId)).tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry).increment();
        }

        void throttled(long chatId) {
            Counter.builder("kefu.telegram.429").description("Telegram answers 'too many requests'")
                    .tag("chat", kind(chatId)).register(registry).increment();
        }

        private static String kind(long chatId) {
            return chatId < 0 ? "group" : "private";
        }
    }

    /** Sends a text (split when over 4096 characters; the buttons go under the last part). */
    public Delivery send(long chatId, Integer threadId, String text, List<Button> buttons) {
        List<String> parts = splitter.split(text);
        Delivery result = Delivery.SENT;
        for (int i = 0; i < parts.size() && result == Delivery.SENT; i++) {
            SendMessage.SendMessageBuilder<?, ?> message = SendMessage.builder().chatId(chatId).text(parts.get(i))
                    .messageThreadId(threadId);
            if (i == parts.size() - 1 && !buttons.isEmpty()) {
                message.replyMarkup(keyboard(buttons));
            }
            SendMessage built = message.build();
            result = deliver(chatId, () -> client.execute(built));
        }
        return result;
    }

    /** Sends a file: images as photos, anything else as a document. */
    public Delivery sendFile(long chatId, Integer threadId, Attachment file, String caption) {
        InputFile input = new InputFile(new File(file.localPath()), file.fileName());
        if (file.mimeType() != null && file.mimeType().startsWith("image/")) {
            SendPhoto photo = SendPhoto.builder().chatId(chatId).messageThreadId(threadId).photo(input)
                    .caption(caption).build();
            return deliver(chatId, () -> client.execute(photo));
        }
        SendDocument document = SendDocument.builder().chatId(chatId).messageThreadId(threadId).document(input)
                .caption(caption).build();
        return deliver(chatId, () -> client.execute(document));
    }

    /** What one try of a queued message came to; {@code retryAfterMillis} when it is to be tried again. */
    public record Try(Delivery delivery, long retryAfterMillis) {
        static Try of(Delivery delivery) {
            return new Try(delivery, 0);
        }

        public boolean retry() {
            return retryAfterMillis > 0;
        }
    }

    /** One try of a text whose rate-limit slot the caller holds: never waits. */
    public Try tryText(long chatId, Integer threadId, String text, List<Button> buttons) {
        SendMessage.SendMessageBuilder<?, ?> message = SendMessage.builder().chatId(chatId).text(text)
                .messageThreadId(threadId);
        if (!buttons.isEmpty()) {
            message.replyMarkup(keyboard(buttons));
        }
        SendMessage built = message.build();
        return once(chatId, () -> client.execute(built));
    }

    /** One try of copying a message whole from another chat (a buyer's voice into a staff topic). */
    public Try tryCopy(long chatId, Integer threadId, long fromChatId, int messageId) {
        CopyMessage copy = CopyMessage.builder().chatId(chatId).messageThreadId(threadId).fromChatId(fromChatId)
                .messageId(messageId).build();
        return once(chatId, () -> client.execute(copy));
    }

    /** One try of a file (a photo when it is an image, else a document) whose slot the caller holds. */
    public Try tryFile(long chatId, Integer threadId, String path, String fileName, String mimeType, String caption) {
        InputFile input = new InputFile(new File(path), fileName);
        if (mimeType != null && mimeType.startsWith("image/")) {
            SendPhoto photo = SendPhoto.builder().chatId(chatId).messageThreadId(threadId).photo(input)
                    .caption(caption).build();
            return once(chatId, () -> client.execute(photo));
        }
        SendDocument document = SendDocument.builder().chatId(chatId).messageThreadId(threadId).document(input)
                .caption(caption).build();
        return once(chatId, () -> client.execute(document));
    }

    /** Metered like {@link #deliver}: a final outcome counts as a send, a 429 as throttled (it is tried again). */
    private Try once(long chatId, ApiCall call) {
        Try result = onceUnmetered(chatId, call);
        if (!result.retry()) {
            meters.sent(chatId, result.delivery());
        }
        return result;
    }

    private Try onceUnmetered(long chatId, ApiCall call) {
        if (blocked.isBlocked(chatId)) {
            return Try.of(Delivery.BLOCKED);
        }
        try {
            call.run();
            return Try.of(Delivery.SENT);
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code != null && code == 429) {
                meters.throttled(chatId);
                Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                return new Try(Delivery.FAILED, 1000L * (after == null ? 1 : after));
            }
            if (code != null && code == 403) {
                blocked.mark(chatId);
                log.info("chat {} blocked the bot; not writing to it again until it writes", Pseudonym.ofTelegramChat(chatId));
                return Try.of(Delivery.BLOCKED);
            }
            if (code != null && code >= 400 && code < 500) {
                log.warn("Telegram refused a message to chat {}: {}", Pseudonym.ofTelegramChat(chatId), e.getApiResponse());
                return Try.of(Delivery.FAILED);
            }
            return new Try(Delivery.FAILED, 1000);
        } catch (TelegramApiException e) {
            if (!isNetworkError(e)) {
                log.warn("unreadable answer sending to chat {}: {}", Pseudonym.ofTelegramChat(chatId), e.getMessage());
                return Try.of(Delivery.FAILED);
            }
            log.warn("sending to chat {} failed: {}", Pseudonym.ofTelegramChat(chatId), e.getMessage());
            return new Try(Delivery.FAILED, 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Try(Delivery.FAILED, 1000);
        }
    }

    /** Stops the button's spinner; a callback is not a message, so it does not count against the limits. */
    public void answerCallback(String callbackId, String text) {
        AnswerCallbackQuery answer = AnswerCallbackQuery.builder().callbackQueryId(callbackId).text(text).build();
        try {
            client.execute(answer);
        } catch (TelegramApiException e) {
            log.warn("answerCallbackQuery failed: {}", e.getMessage());
        }
    }

    private interface ApiCall {
        void run() throws TelegramApiException, InterruptedException;
    }

    private Delivery deliver(long chatId, ApiCall call) {
        Delivery outcome = attempt(chatId, call);
        meters.sent(chatId, outcome);
        return outcome;
    }

    private Delivery attempt(long chatId, ApiCall call) {
        if (blocked.isBlocked(chatId)) {
            return Delivery.BLOCKED;
        }
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            long pause;
            SendRateLimiter.Permit permit = null;
            try {
                permit = limiter.acquire(chatId);
                call.run();
                return Delivery.SENT;
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                if (code != null && code == 429) {
                    meters.throttled(chatId);
                    Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                    pause = 1000L * (after == null ? 1 : after);
                } else if (code != null && code == 403) {
                    blocked.mark(chatId);
                    log.info("chat {} blocked the bot; not writing to it again until it writes", Pseudonym.ofTelegramChat(chatId));
                    return Delivery.BLOCKED;
                } else if (code != null && code >= 400 && code < 500) {
                    log.warn("Telegram refused a message to chat {}: {}", Pseudonym.ofTelegramChat(chatId), e.getApiResponse());
                    return Delivery.FAILED;
                } else {
                    pause = 500L * attempt;
                }
            } catch (TelegramApiException e) {
                if (!isNetworkError(e)) {
                    // Telegram answered but the answer could not be read: the message may well have arrived.
                    log.warn("unreadable answer sending to chat {}: {}", Pseudonym.ofTelegramChat(chatId), e.getMessage());
                    return Delivery.FAILED;
                }
                // Network trouble: the same message is tried again after a pause.
                log.warn("sending to chat {} failed (attempt {}): {}", Pseudonym.ofTelegramChat(chatId), attempt, e.getMessage());
                pause = 500L * attempt;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Delivery.FAILED;
            } finally {
                if (permit != null) {
                    limiter.complete(permit);
                }
            }
            if (!sleep(pause)) {
                return Delivery.FAILED;
            }
        }
        log.error("gave up sending to chat {} after {} attempts", Pseudonym.ofTelegramChat(chatId), maxAttempts);
        return Delivery.FAILED;
    }

    private static boolean isNetworkError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && !(t instanceof com.fasterxml.jackson.core.JacksonException)) {
                return true;
            }
        }
        return false;
    }

    static InlineKeyboardMarkup keyboard(List<Button> buttons) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (Button b : buttons) {
            row.add(InlineKeyboardButton.builder().text(b.label()).callbackData(b.data()).build());
            if (row.size() == BUTTONS_PER_ROW) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
