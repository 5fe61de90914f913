package kefu.session;

import kefu.conversation.ConversationKey;
import org.springframework.data.redis.core.StringRedisTemplate;


/** Buyers staff have banned: the bot ignores their messages (checked in the same script that starts a turn). */
public final class BanList {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    public BanList(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public void ban(ConversationKey buyer) {
        redis.opsForSet().add(keys.banned(), buyer.asString());
    }

    public boolean unban(ConversationKey buyer) {
        Long removed = redis.opsForSet().remove(keys.banned(), buyer.asString());
        return removed != null && removed > 0;
    }

    public boolean banned(ConversationKey buyer) {
        return Boolean.TRUE.equals(redis.opsForSet().isMember(keys.banned(), buyer.asString()));
    }
}
