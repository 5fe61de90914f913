package kefu.session;

import kefu.conversation.ConversationKey;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.util.List;

/**
 * A look, without counting, at whether a buyer's next message would be refused as banned or over the flood
 * limit. Channel adapters ask before work a turn would do ahead of the engine — downloading a file, answering
 * an unusable button — so a banned or flooding buyer costs no download and gets no reply. One round trip,
 * paid only for such updates; the turn itself is still checked (and counted) by the conversation store.
 */
public final class BuyerGate {

    /** Whether the buyer may be served: {@code OPEN}, or refused because banned or flooding. */
    public enum Verdict { OPEN, BANNED, FLOODING }

    /** KEYS: the buyer's ban flag and turn counter (one Cluster slot). ARGV: max turns per window. */
    private static final RedisScript<String> LOOK = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 'banned' end
            local n = tonumber(redis.call('GET', KEYS[2]) or '0')
            if n >= tonumber(ARGV[1]) then return 'flooding' end
            return 'open'
            """, String.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final SessionProperties settings;

    public BuyerGate(StringRedisTemplate redis, RedisKeys keys, SessionProperties settings) {
        this.redis = redis;
        this.keys = keys;
        this.settings = settings;
    }

    public Verdict look(ConversationKey buyer) {
        String verdict = redis.execute(LOOK, List.of(keys.banned(buyer), keys.turnCounter(buyer)),
                String.valueOf(settings.floodMaxTurns()));
        return switch (verdict == null ? "open" : verdict) {
            case "banned" -> Verdict.BANNED;
            case "flooding" -> Verdict.FLOODING;
            default -> Verdict.OPEN;
        };
    }
}
