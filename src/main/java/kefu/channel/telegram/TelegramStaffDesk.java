package kefu.channel.telegram;

import kefu.conversation.Attachment;
import kefu.conversation.Button;
import kefu.conversation.ConversationKey;
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

/**
 * The staff desk on Telegram: a forum supergroup with one topic per buyer. A thread reference is
 * {@code <chat id>:<topic id>}; the buyer's topic is remembered in Redis and reopened on the next escalation.
 */
public final class TelegramStaffDesk implements StaffDesk {

    private static final Logger log = LoggerFactory.getLogger(TelegramStaffDesk.class);
    private static final int MAX_TOPIC_NAME = 128;

    private final TelegramClient client;
    private final TelegramSender sender;
    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final long staffChatId;

    public TelegramStaffDesk(TelegramClient client, TelegramSender sender, StringRedisTemplate redis, RedisKeys keys,
                             long staffChatId) {
        this.client = client;
        this.sender = sender;
        this.redis = redis;
        this.keys = keys;
        this.staffChatId = staffChatId;
    }

    @Override
    public String openThread(ConversationKey buyer, String title) {
        String mapping = keys.named("tg-topic", buyer.asString());
        String known = redis.opsForValue().get(mapping);
        if (known != null) {
            try {
                client.execute(ReopenForumTopic.builder().chatId(staffChatId).messageThreadId(topic(known)).build());
            } catch (TelegramApiException e) {
                // Telegram refuses to reopen a topic that is open; the topic is usable either way.
                log.debug("reopenForumTopic: {}", e.getMessage());
            }
            return known;
        }
        String name = title.length() > MAX_TOPIC_NAME ? title.substring(0, MAX_TOPIC_NAME) : title;
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

    @Override
    public void post(String threadRef, String text, List<Button> buttons) {
        sender.send(chat(threadRef), topicOrGeneral(threadRef), text, buttons);
    }

    @Override
    public void postFile(String threadRef, Attachment file, String caption) {
        sender.sendFile(chat(threadRef), topicOrGeneral(threadRef), file, caption);
    }

    static String ref(long chatId, int topicId) {
        return chatId + ":" + topicId;
    }

    /** A null reference is the group's general thread: a command given outside any buyer's topic. */
    private long chat(String ref) {
        return ref == null ? staffChatId : Long.parseLong(ref.substring(0, ref.lastIndexOf(':')));
    }

    private static Integer topicOrGeneral(String ref) {
        return ref == null ? null : topic(ref);
    }

    private static int topic(String ref) {
        return Integer.parseInt(ref.substring(ref.lastIndexOf(':') + 1));
    }
}
