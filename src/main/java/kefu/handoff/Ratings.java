package kefu.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.ConversationKey;
import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.util.List;

/**
 * Buyers' 1-5 ratings of staff conversations: newest first in one capped Redis list (for reports), and a
 * per-staff count and sum in a hash ({@code <id>:count}, {@code <id>:sum}) for averages.
 */
public final class Ratings {

    private static final int KEEP = 10_000;

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
}
