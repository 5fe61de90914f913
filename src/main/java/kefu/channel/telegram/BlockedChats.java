package kefu.channel.telegram;

import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;

/** Users who blocked the bot (Telegram answered 403): not written to again until they write to the bot. */
public final class BlockedChats {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final Duration ttl;

    public BlockedChats(StringRedisTemplate redis, RedisKeys keys, Duration ttl) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = ttl;
    }

    public void mark(long chatId) {
        redis.opsForValue().set(key(chatId), "1", ttl);
    }

    public boolean isBlocked(long chatId) {
        return Boolean.TRUE.equals(redis.hasKey(key(chatId)));
    }

    public void clear(long chatId) {
        redis.delete(key(chatId));
    }

    private String key(long chatId) {
        return keys.named("tg-blocked", String.valueOf(chatId));
    }
}
