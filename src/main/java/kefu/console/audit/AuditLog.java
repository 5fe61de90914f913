package kefu.console.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Every console action by staff or admins, newest first, in a capped Redis list: who, when, what, on what. */
public final class AuditLog {

    private static final int KEEP = 50_000;

    /** One recorded action; {@code target} names what it acted on (an article id, a user, a buyer pseudonym). */
    public record Entry(Instant at, String user, String action, String target, String detail) { }

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Clock clock;
    private final String key;

    public AuditLog(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.key = keys.named("console", "audit");
    }

    public void record(String user, String action, String target, String detail) {
        try {
            redis.opsForList().leftPush(key, json.writeValueAsString(
                    new Entry(clock.instant(), user, action, target, detail == null ? "" : detail)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry cannot be written as JSON", e);
        }
        redis.opsForList().trim(key, 0, KEEP - 1);
    }

    public List<Entry> latest(int count) {
        List<String> raw = redis.opsForList().range(key, 0, count - 1L);
        return raw == null ? List.of() : raw.stream().map(this::read).toList();
    }

    private Entry read(String raw) {
        try {
            return json.readValue(raw, Entry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit entry is unreadable", e);
        }
    }
}
