package kefu.channel.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.ConversationKey;
import kefu.conversation.Reply;
import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages for a chat CLI buyer sent outside their turn (staff on the web desk, a ticket's status change, the
 * rating request), kept in Redis until the {@code chat} process serving that buyer takes them — which may be
 * another process than the one that sent them (`serve` with the web console). One list per buyer, capped at
 * {@value #KEEP} and kept {@code keep} after the last message.
 */
public final class CliInbox {

    static final int KEEP = 200;

    /** KEYS: the buyer's list. Everything in it, and the list gone, in one step: no message is taken twice. */
    private static final RedisScript<List> TAKE = RedisScript.of("""
            local all = redis.call('LRANGE', KEYS[1], 0, -1)
            redis.call('DEL', KEYS[1])
            return all
            """, List.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final Duration keep;

    public CliInbox(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, Duration keep) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.keep = keep;
    }

    public void put(ConversationKey buyer, List<Reply> replies) {
        if (replies.isEmpty()) {
            return;
        }
        String key = key(buyer);
        List<String> raw = new ArrayList<>();
        for (Reply r : replies) {
            try {
                raw.add(json.writeValueAsString(r));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a reply cannot be written as JSON", e);
            }
        }
        redis.opsForList().rightPushAll(key, raw);
        redis.opsForList().trim(key, -KEEP, -1);
        redis.expire(key, keep);
    }

    /** What was sent to the buyer since the last call, oldest first; taken out of the inbox. */
    public List<Reply> take(ConversationKey buyer) {
        @SuppressWarnings("unchecked")
        List<String> raw = (List<String>) redis.execute(TAKE, List.of(key(buyer)));
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        List<Reply> replies = new ArrayList<>();
        for (String r : raw) {
            try {
                replies.add(json.readValue(r, Reply.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a message in a chat inbox is unreadable", e);
            }
        }
        return replies;
    }

    private String key(ConversationKey buyer) {
        return keys.named("cli-inbox", "{" + buyer.asString() + "}");
    }
}
