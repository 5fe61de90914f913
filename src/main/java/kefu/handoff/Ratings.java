package kefu.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.ConversationKey;
import kefu.session.RedisKeys;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.util.List;

/**
 * Buyers' 1-5 ratings of staff conversations: newest first in one capped Redis list (for reports), and a
 * per-staff count and sum in a hash ({@code <id>:count}, {@code <id>:sum}) for averages.
 */
public final class Ratings {

    private static final int KEEP = 10_000;

    public static final String FORGOTTEN = "forgotten";

    /**
     * KEYS: ratings list. ARGV: the buyer's field as stored ({@code "buyer":"tg:1"}), its replacement. A plain
     * text replacement: the rest of each stored rating stays byte for byte as it was written.
     */
    private static final RedisScript<Long> ANONYMISE = RedisScript.of("""
            local n = 0
            local all = redis.call('LRANGE', KEYS[1], 0, -1)
            for i, raw in ipairs(all) do
              local from, to = string.find(raw, ARGV[1], 1, true)
              if from then
                redis.call('LSET', KEYS[1], i - 1, string.sub(raw, 1, from - 1) .. ARGV[2] .. string.sub(raw, to + 1))
                n = n + 1
              end
            end
            return n
            """, Long.class);

    /** One rating. */
    public record Rating(String buyer, String staff, int score, Instant at) { }

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final String list;
    private final String totals;

    public Ratings(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
        this.list = keys.named("handoff", "ratings");
        this.totals = keys.named("handoff", "rating-totals");
    }

    public void store(ConversationKey buyer, String staffId, int score, Instant at) {
        try {
            redis.opsForList().leftPush(list, json.writeValueAsString(new Rating(buyer.asString(), staffId, score, at)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rating cannot be written as JSON", e);
        }
        redis.opsForList().trim(list, 0, KEEP - 1);
        redis.opsForHash().increment(totals, staffId + ":count", 1);
        redis.opsForHash().increment(totals, staffId + ":sum", score);
    }

    /** The newest ratings first. */
    public List<Rating> latest(int count) {
        List<String> raw = redis.opsForList().range(list, 0, count - 1L);
        return raw == null ? List.of() : raw.stream().map(this::read).toList();
    }

    private Rating read(String raw) {
        try {
            return json.readValue(raw, Rating.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rating is unreadable", e);
        }
    }

    /**
     * Replaces the buyer in their ratings by {@link #FORGOTTEN} (their {@code /forget}); scores and staff totals
     * stay. One script, so a rating stored meanwhile cannot shift the list under it.
     */
    public void anonymise(ConversationKey buyer) {
        redis.execute(ANONYMISE, List.of(list), field(buyer.asString()), field(FORGOTTEN));
    }

    private String field(String buyer) {
        try {
            return "\"buyer\":" + json.writeValueAsString(buyer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
