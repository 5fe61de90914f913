package kefu.session;

import kefu.conversation.ConversationKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.Set;

/**
 * Buyers staff have banned: the bot ignores their messages (checked in the same script that starts a turn).
 * One flag key per buyer, in the buyer's own hash slot, so that script touches one Redis Cluster slot only.
 */
public final class BanList {

    private static final Logger log = LoggerFactory.getLogger(BanList.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    public BanList(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public void ban(ConversationKey buyer) {
        redis.opsForValue().set(keys.banned(buyer), "1");
    }

    public boolean unban(ConversationKey buyer) {
        boolean flagged = Boolean.TRUE.equals(redis.delete(keys.banned(buyer)));
        Long legacy = redis.opsForSet().remove(keys.legacyBannedSet(), buyer.asString());
        return flagged || legacy != null && legacy > 0;
    }

    public boolean banned(ConversationKey buyer) {
        return Boolean.TRUE.equals(redis.hasKey(keys.banned(buyer)));
    }

    /**
     * Moves bans kept in the former single set to per-buyer flags (once, at start-up; a no-op afterwards).
     * Returns how many were moved.
     */
    public int migrateLegacySet() {
        Set<String> members = redis.opsForSet().members(keys.legacyBannedSet());
        if (members == null || members.isEmpty()) {
            return 0;
        }
        for (String buyer : members) {
            redis.opsForValue().set(keys.banned(ConversationKey.parse(buyer)), "1");
            redis.opsForSet().remove(keys.legacyBannedSet(), buyer);
        }
        log.info("moved {} bans to per-buyer flags", members.size());
        return members.size();
    }
}
