package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.session.RedisKeys;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Which buyer a staff-desk thread belongs to (Redis hash thread reference to conversation key). */
public final class ThreadIndex {

    private final StringRedisTemplate redis;
    private final String key;

    public ThreadIndex(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.key = keys.named("handoff", "threads");
    }

    public void put(String threadRef, ConversationKey buyer) {
        redis.opsForHash().put(key, threadRef, buyer.asString());
    }

    /** The buyer behind a thread, or null for an unknown thread. */
    public ConversationKey buyerOf(String threadRef) {
        if (threadRef == null) {
            return null;
        }
        Object buyer = redis.opsForHash().get(key, threadRef);
        return buyer == null ? null : ConversationKey.parse(buyer.toString());
    }

    /** Drops every thread of the buyer (their {@code /forget}): staff writing there later reach nobody. */
    public void forget(ConversationKey buyer) {
        String wanted = buyer.asString();
        List<Object> threads = new ArrayList<>();
        redis.opsForHash().entries(key).forEach((thread, owner) -> {
            if (wanted.equals(owner)) {
                threads.add(thread);
            }
        });
        if (!threads.isEmpty()) {
            redis.opsForHash().delete(key, threads.toArray());
        }
    }
}
