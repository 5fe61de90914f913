package kefu.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.ConversationKey;
import kefu.conversation.HistoryEntry;
import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /** Appends the history lines the transcript does not have yet (history is a window: newest last). */
    public void sync(ConversationKey buyer, List<HistoryEntry> history) {
        if (history.isEmpty()) {
            return;
        }
        List<HistoryEntry> tail = last(buyer, history.size());
        List<HistoryEntry> fresh = new ArrayList<>();
        if (tail.isEmpty()) {
            fresh.addAll(history);
        } else {
            Instant lastAt = tail.get(tail.size() - 1).at();
            long knownAtLast = tail.stream().filter(e -> lastAt.equals(e.at())).count();
            long seenAtLast = 0;
            for (HistoryEntry e : history) {
                if (e.at() == null || e.at().isAfter(lastAt)) {
                    fresh.add(e);
                } else if (e.at().equals(lastAt) && ++seenAtLast > knownAtLast) {
                    fresh.add(e);
                }
            }
        }
        push(buyer, fresh);
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
