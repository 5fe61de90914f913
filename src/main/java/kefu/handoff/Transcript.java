package kefu.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.conversation.ConversationKey;
import kefu.conversation.HistoryEntry;
import kefu.session.RedisKeys;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The longer record of a conversation, for staff: a capped Redis list with a TTL at the transcript key.
 * It is copied from the conversation history (where secrets are already replaced) by {@link #sync}, under
 * the buyer's lease and in one script, so two copies never interleave; internal staff notes are {@link #append}ed only
 * here and never reach the history that answers may be built from.
 */
public final class Transcript {

    public static final String NOTE = "note";

    /**
     * KEYS: transcript. ARGV: size, ttl seconds, then the history lines as JSON, oldest first. JSON of the same
     * line is the same string every time (one mapper, fields in declaration order), so lines compare as strings.
     */
    /** KEYS: the transcript. ARGV: lines kept, ttl s, then the lines to append. */
    private static final RedisScript<Long> APPEND = RedisScript.of("""
            for i = 3, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
            redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
            redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
            return 1
            """, Long.class);

    private static final RedisScript<Long> SYNC = RedisScript.of("""
            local n = #ARGV - 2
            local tail = {}
            for _, e in ipairs(redis.call('LRANGE', KEYS[1], -2 * n, -1)) do
              if string.sub(e, 1, 15) ~= '{"role":"note",' then table.insert(tail, e) end
            end
            local m = math.min(#tail, n)
            local known = 0
            for j = n, 1, -1 do
              local len = math.min(j, m)
              if len > 0 then
                local same = true
                for i = 0, len - 1 do
                  if ARGV[2 + j - len + 1 + i] ~= tail[#tail - len + 1 + i] then same = false break end
                end
                if same then known = j break end
              end
            end
            if known < n then
              for i = known + 1, n do redis.call('RPUSH', KEYS[1], ARGV[2 + i]) end
              redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
              redis.call('EXPIRE', KEYS[1], ARGV[2])
            end
            return n - known
            """, Long.class);

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
     * Appends the history lines the transcript does not have yet, in one round trip. The history is a sliding
     * window, newest last; the new lines are those after the latest point where the history's lines match the
     * transcript's last lines (notes, which the history never has, left aside).
     */
    public void sync(ConversationKey buyer, List<HistoryEntry> history) {
        if (history.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(history.size() + 2);
        args.add(String.valueOf(size));
        args.add(String.valueOf(ttl.toSeconds()));
        history.forEach(e -> args.add(write(e)));
        redis.execute(SYNC, List.of(keys.transcript(buyer)), args.toArray());
    }

    public void append(ConversationKey buyer, HistoryEntry entry) {
        push(buyer, List.of(entry));
    }

    /** The last {@code count} lines, oldest first. */
    /** Deletes the buyer's transcript (the buyer's {@code /forget}). */
    public void forget(ConversationKey buyer) {
        redis.delete(keys.transcript(buyer));
    }

    public List<HistoryEntry> last(ConversationKey buyer, int count) {
        List<String> raw = redis.opsForList().range(keys.transcript(buyer), -count, -1);
        return raw == null ? List.of() : raw.stream().map(this::read).toList();
    }

    private void push(ConversationKey buyer, List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String key = keys.transcript(buyer);
        List<String> values = entries.stream().map(this::write).toList();
        // A script rather than a pipeline: one round trip either way, and Redis Cluster runs scripts, not pipelines.
        List<String> args = new java.util.ArrayList<>(values.size() + 2);
        args.add(String.valueOf(size));
        args.add(String.valueOf(ttl.toSeconds()));
        args.addAll(values);
        redis.execute(APPEND, List.of(key), args.toArray());
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
