package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** When each conversation served by staff last saw a message (Redis sorted set), for the idle auto-close. */
public final class StaffActivity {

    private final StringRedisTemplate redis;
    private final String key;

    public StaffActivity(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.key = keys.named("handoff", "active");
    }

    public void touch(ConversationKey buyer, Instant at) {
        redis.opsForZSet().add(key, buyer.asString(), at.toEpochMilli());
    }

    public void remove(ConversationKey buyer) {
        redis.opsForZSet().remove(key, buyer.asString());
    }

    public Optional<Instant> lastSeen(ConversationKey buyer) {
        Double score = redis.opsForZSet().score(key, buyer.asString());
        return Optional.ofNullable(score).map(s -> Instant.ofEpochMilli(s.longValue()));
    }

    /** Conversations quiet since {@code before} or earlier. */
    public List<ConversationKey> quietSince(Instant before) {
        Set<String> keys = redis.opsForZSet().rangeByScore(key, Double.NEGATIVE_INFINITY, before.toEpochMilli());
        return keys == null ? List.of() : keys.stream().map(ConversationKey::parse).toList();
    }
}
