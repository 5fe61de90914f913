package kefu.channel.telegram;

import kefu.conversation.Attachment;
import kefu.conversation.Button;
import kefu.conversation.ConversationKey;
import kefu.conversation.Media;
import kefu.handoff.RelayedMessage;
import kefu.handoff.StaffDesk;
import kefu.session.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.ReopenForumTopic;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The staff desk on Telegram: forum supergroups with one topic per buyer. A thread reference is
 * {@code <chat id>:<topic id>} (topic 0: the group's General thread); the buyer's topic is remembered in Redis and
 * reopened on the next escalation, so a buyer stays in their group. A new topic opens in the group
 * {@link StaffGroups#route} picks.
 * Posts are queued in the {@link TelegramOutbox}: answers to staff ahead of buyer traffic, cards and relays in
 * each topic's order. A relayed file is copied aside until it is posted (the turn's copy is deleted after it).
 */
public final class TelegramStaffDesk implements StaffDesk {

    private static final Logger log = LoggerFactory.getLogger(TelegramStaffDesk.class);
    private static final int MAX_TOPIC_NAME = 128;

    private final TelegramClient client;
    private final TelegramOutbox outbox;
    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final StaffGroups groups;
    private final FileCopies copies;

    public TelegramStaffDesk(TelegramClient client, TelegramOutbox outbox, StringRedisTemplate redis, RedisKeys keys,
                             StaffGroups groups, FileCopies copies) {
        this.client = client;
        this.outbox = outbox;
        this.redis = redis;
        this.keys = keys;
        this.groups = groups;
        this.copies = copies;
    }

    @Override
    public String openThread(ConversationKey buyer, String title) {
        return openThread(buyer, title, Optional::empty);
    }

    @Override
    public String openThread(ConversationKey buyer, String title, Supplier<Optional<String>> category) {
        String mapping = keys.named("tg-topic", buyer.asString());
        String known = redis.opsForValue().get(mapping);
        if (known != null && groups.contains(chat(known))) {
            try {
                client.execute(ReopenForumTopic.builder().chatId(chat(known)).messageThreadId(topic(known)).build());
            } catch (TelegramApiException e) {
                // Telegram refuses to reopen a topic that is open; the topic is usable either way.
                log.debug("reopenForumTopic: {}", e.getMessage());
            }
            return known;
        }
        String name = title.length() > MAX_TOPIC_NAME ? title.substring(0, MAX_TOPIC_NAME) : title;
        long staffChatId = groups.route(category.get());
        try {
            ForumTopic created = client.execute(CreateForumTopic.builder().chatId(staffChatId).name(name).build());
            String ref = ref(staffChatId, created.getMessageThreadId());
            redis.opsForValue().set(mapping, ref);
            return ref;
        } catch (TelegramApiException e) {
            throw new IllegalStateException("cannot open a topic in the staff group " + staffChatId
                    + " (is the bot an admin with 'manage topics'?): " + e.getMessage(), e);
        }
    }

    /** An answer to staff: ahead of buyer traffic. No thread: the group's General topic. */
    @Override
    public void post(String threadRef, String text, List<Button> buttons) {
        outbox.urgent(chat(threadRef), topic(threadRef), text, buttons);
    }

    @Override
    public void postCard(String threadRef, String text, List<Button> buttons) {
        outbox.inOrder(chat(threadRef), topic(threadRef), Outbound.Kind.CARD, text, buttons);
    }

    @Override
    public void postInOrder(String threadRef, String text) {
        outbox.inOrder(chat(threadRef), topic(threadRef), Outbound.Kind.NOTE, text, List.of());
    }

    @Override
    public void relay(String threadRef, RelayedMessage message) {
        outbox.relay(chat(threadRef), topic(threadRef), message.text(), message.head(), message.line());
    }

    /** The note, then the buyer's message itself copied into the topic (Telegram keeps it in the buyer's chat). */
    @Override
    public void relayMedia(String threadRef, Media media, RelayedMessage note) {
        relay(threadRef, note);
        outbox.copy(chat(threadRef), topic(threadRef), media.ref());
    }

    @Override
    public void postFile(String threadRef, Attachment file, String caption) {
        copies.keep(file).ifPresentOrElse(
                copy -> outbox.file(chat(threadRef), topic(threadRef), copy, file.fileName(), file.mimeType(), caption),
                () -> postInOrder(threadRef, caption));
    }

    @Override
    public boolean isGeneral(String threadRef) {
        return general(threadRef);
    }

    static String ref(long chatId, int topicId) {
        return chatId + ":" + topicId;
    }

    /** A group's General thread: where commands outside any buyer's topic are given and answered. */
    static boolean general(String ref) {
        return ref == null || topic(ref) == 0;
    }

    /** A null reference is the primary group's General thread (a notice that belongs to no buyer). */
    private long chat(String ref) {
        return ref == null ? groups.primary() : Long.parseLong(ref.substring(0, ref.lastIndexOf(':')));
    }

    private static int topic(String ref) {
        return ref == null ? 0 : Integer.parseInt(ref.substring(ref.lastIndexOf(':') + 1));
    }
}
