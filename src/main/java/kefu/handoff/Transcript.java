package kefu.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.ConversationKey;
import kefu.conversation.HistoryEntry;
import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.List;

/**
 * The longer record of a conversation, for staff: a capped Redis list with a TTL at the transcript key.
 * It is copied from the conversation history (where secrets are already replaced) by {@link #sync}, always
 * under the buyer's lease, so two copies never interleave; internal staff notes are {@link #append}ed only
 * here and never reach the history that answers may be built from.
 */
public final class Transcript {

    public static final String NOTE = "note";

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final int size;
    private final Duration ttl;

    public Transcript(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, int size, Duration ttl) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.size = size;
        this.ttl = ttl;
    }

    /**
     * Appends the history lines the transcript does not have yet. The history is a sliding window, newest
     * last; the new lines are those after the latest point where the history's lines match the transcript's
     * last lines (notes, which the history never has, left aside).
     */
    public void sync(ConversationKey buyer, List<HistoryEntry> history) {
        if (history.isEmpty()) {
            return;
        }
        List<HistoryEntry> tail = last(buyer, 2 * history.size()).stream()
                .filter(e -> !NOTE.equals(e.role())).toList();
        tail = tail.subList(Math.max(0, tail.size() - history.size()), tail.size());
        int known = 0;
        for (int j = history.size(); j > 0; j--) {
            int len = Math.min(j, tail.size());
            if (len > 0 && history.subList(j - len, j).equals(tail.subList(tail.size() - len, tail.size()))) {
                known = j;
                break;
            }
        }
        push(buyer, history.subList(known, history.size()));
    }

    public void append(ConversationKey buyer, HistoryEntry entry) {
        push(buyer, List.of(entry));
    }

    /** The last {@code count} lines, oldest first. */
    public List<HistoryEntry> last(ConversationKey buyer, int count) {
        List<String> raw = redis.opsForList().range(keys.transcript(buyer), -count, -1);
        return raw == null ? List.of() : raw.stream().map(this::read).toList();
    }

    private void push(ConversationKey buyer, List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String key = keys.transcript(buyer);
        redis.opsForList().rightPushAll(key, entries.stream().map(this::write).toList());
        redis.opsForList().trim(key, -size, -1);
        redis.expire(key, ttl);
    }

    private String write(HistoryEntry e) {
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("transcript line cannot be written as JSON", ex);
        }
    }

    private HistoryEntry read(String raw) {
        try {
            return json.readValue(raw, HistoryEntry.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored transcript line is unreadable", ex);
        }
    }
}
