package kefu.channel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The send queues, kept in Redis so that a restart or another instance sends what was queued. Each chat has
 * an urgent list and one list per forum topic (a private chat has topic 0); the topic whose head was queued
 * first goes next, so posts keep their order per topic and topics take turns. {@code tg-out:ready} holds every
 * chat with something to send, scored by when it may next be tried; one sender at a time holds a chat's lease.
 */
public final class OutboundQueue {

    /** What to send next in one chat: the urgent head alone, or the first items of one topic. */
    public record Batch(String list, int topic, List<Outbound> items) {
        public boolean urgent() {
            return topic < 0;
        }
    }

    private static final String CARD_MARK = "\"kind\":\"CARD\"";

    // KEYS: ready, urgent, heads, seq, topic list. ARGV: chat, topic, urgent, item, cap, now ms, unique mark.
    private static final DefaultRedisScript<Long> ENQUEUE = new DefaultRedisScript<>("""
            local seq = redis.call('INCR', KEYS[4])
            redis.call('PEXPIRE', KEYS[4], 604800000)
            local item = seq .. '|' .. ARGV[4]
            if ARGV[3] == '1' then
              redis.call('RPUSH', KEYS[2], item)
            else
              local n = redis.call('LLEN', KEYS[5])
              local cap = tonumber(ARGV[5])
              if cap > 0 and n >= cap then return 0 end
              if ARGV[7] ~= '' and n > 0 then
                for _, v in ipairs(redis.call('LRANGE', KEYS[5], 0, -1)) do
                  if string.find(v, ARGV[7], 1, true) then return 0 end
                end
              end
              redis.call('RPUSH', KEYS[5], item)
              if n == 0 then redis.call('ZADD', KEYS[3], seq, ARGV[2]) end
            end
            local cur = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if (not cur) or tonumber(cur) > tonumber(ARGV[6]) then redis.call('ZADD', KEYS[1], ARGV[6], ARGV[1]) end
            return 1
            """, Long.class);

    // KEYS: urgent, heads. ARGV: max items, topic list key prefix. Returns {list, items...}, {} when empty.
    @SuppressWarnings("rawtypes")
    private static final DefaultRedisScript<List> PEEK = new DefaultRedisScript<>("""
            local u = redis.call('LINDEX', KEYS[1], 0)
            if u then return {'u', u} end
            local h = redis.call('ZRANGE', KEYS[2], 0, 0)
            if #h == 0 then return {} end
            local items = redis.call('LRANGE', ARGV[2] .. h[1], 0, tonumber(ARGV[1]) - 1)
            if #items == 0 then
              redis.call('ZREM', KEYS[2], h[1])
              return {'again'}
            end
            local out = {h[1]}
            for _, v in ipairs(items) do table.insert(out, v) end
            return out
            """, List.class);

    // KEYS: list, heads. ARGV: how many were sent, topic ('' for the urgent list).
    private static final DefaultRedisScript<Long> DONE = new DefaultRedisScript<>("""
            redis.call('LTRIM', KEYS[1], tonumber(ARGV[1]), -1)
            if ARGV[2] ~= '' then
              local head = redis.call('LINDEX', KEYS[1], 0)
              if head then
                redis.call('ZADD', KEYS[2], tonumber(string.match(head, '^(%d+)|')), ARGV[2])
              else
                redis.call('ZREM', KEYS[2], ARGV[2])
              end
            end
            return 1
            """, Long.class);

    // KEYS: ready, urgent, heads. ARGV: chat. Takes the chat off the ready set when nothing waits in it.
    private static final DefaultRedisScript<Long> IDLE = new DefaultRedisScript<>("""
            if redis.call('LLEN', KEYS[2]) == 0 and redis.call('ZCARD', KEYS[3]) == 0 then
              redis.call('ZREM', KEYS[1], ARGV[1])
              return 1
            end
            return 0
            """, Long.class);

    // KEYS: ready, urgent. ARGV: chat, at ms, whether the waiting message was urgent.
    // An urgent message queued meanwhile is not put off behind a relay's window: returns 0, try again now.
    private static final DefaultRedisScript<Long> LATER = new DefaultRedisScript<>("""
            if ARGV[3] == '0' and redis.call('LLEN', KEYS[2]) > 0 then return 0 end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            return 1
            """, Long.class);

    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;

    public OutboundQueue(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
    }

    /**
     * Queues a message; false when it was refused: the topic already holds {@code cap} messages (0: no cap),
     * or it is a card and a card already waits in the topic.
     */
    public boolean enqueue(long chat, Outbound message, int cap) {
        String item;
        try {
            item = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot queue a message", e);
        }
        boolean urgent = message.urgent();
        String mark = message.kind() == Outbound.Kind.CARD ? CARD_MARK : "";
        Long queued = redis.execute(ENQUEUE, List.of(ready(), urgent(chat), heads(chat), base(chat) + "seq",
                        topic(chat, message.topic())), String.valueOf(chat), String.valueOf(message.topic()),
                urgent ? "1" : "0", item, String.valueOf(cap), String.valueOf(System.currentTimeMillis()), mark);
        return queued != null && queued == 1;
    }

    /** Chats with something to send now. */
    public Set<String> due(int max) {
        Set<String> due = redis.opsForZSet().rangeByScore(ready(), Double.NEGATIVE_INFINITY,
                System.currentTimeMillis(), 0, max);
        return due == null ? Set.of() : due;
    }

    /** The next message (urgent) or the first {@code max} of the next topic; null when the chat is empty. */
    public Batch peek(long chat, int max) {
        for (int i = 0; i < 3; i++) {
            List<?> raw = redis.execute(PEEK, List.of(urgent(chat), heads(chat)), String.valueOf(max),
                    base(chat) + "t:");
            if (raw == null || raw.isEmpty()) {
                return null;
            }
            if ("again".equals(raw.get(0))) {
                continue;
            }
            boolean urgent = "u".equals(raw.get(0));
            List<Outbound> items = new ArrayList<>();
            for (int k = 1; k < raw.size(); k++) {
                items.add(read((String) raw.get(k)));
            }
            return urgent ? new Batch(urgent(chat), -1, items)
                    : new Batch(topic(chat, Integer.parseInt((String) raw.get(0))), Integer.parseInt((String) raw.get(0)),
                    items);
        }
        return null;
    }

    /** The first {@code count} items of the batch's list were sent (or given up). */
    public void done(long chat, Batch batch, int count) {
        redis.execute(DONE, List.of(batch.list(), heads(chat)), String.valueOf(count),
                batch.urgent() ? "" : String.valueOf(batch.topic()));
    }

    /** Takes the chat off the ready set if nothing waits in it; false when something was queued meanwhile. */
    public boolean idle(long chat) {
        Long idle = redis.execute(IDLE, List.of(ready(), urgent(chat), heads(chat)), String.valueOf(chat));
        return idle != null && idle == 1;
    }

    /** The chat is tried again at {@code atMillis}; false when an urgent message came meanwhile (try now). */
    public boolean later(long chat, long atMillis, boolean urgent) {
        Long set = redis.execute(LATER, List.of(ready(), urgent(chat)), String.valueOf(chat), String.valueOf(atMillis),
                urgent ? "1" : "0");
        return set != null && set == 1;
    }

    /** Everything queued for the chat is dropped (the buyer blocked the bot); returns the items for clean-up. */
    public List<Outbound> clear(long chat) {
        List<Outbound> dropped = new ArrayList<>();
        Set<String> topics = redis.opsForZSet().range(heads(chat), 0, -1);
        List<String> lists = new ArrayList<>();
        lists.add(urgent(chat));
        if (topics != null) {
            topics.forEach(t -> lists.add(topic(chat, Integer.parseInt(t))));
        }
        for (String list : lists) {
            List<String> items = redis.opsForList().range(list, 0, -1);
            if (items != null) {
                items.forEach(i -> dropped.add(read(i)));
            }
        }
        lists.add(heads(chat));
        redis.delete(lists);
        redis.opsForZSet().remove(ready(), String.valueOf(chat));
        return dropped;
    }

    /** Messages waiting for a chat (all topics). */
    public long depth(long chat) {
        long n = size(redis.opsForList().size(urgent(chat)));
        Set<String> topics = redis.opsForZSet().range(heads(chat), 0, -1);
        if (topics != null) {
            for (String t : topics) {
                n += size(redis.opsForList().size(topic(chat, Integer.parseInt(t))));
            }
        }
        return n;
    }

    /** A sender's hold on a chat, so that one sender at a time posts to it and order is kept; null when taken. */
    public String claim(long chat, long leaseMillis) {
        String token = UUID.randomUUID().toString();
        Boolean taken = redis.opsForValue().setIfAbsent(base(chat) + "lease", token, leaseMillis, TimeUnit.MILLISECONDS);
        return Boolean.TRUE.equals(taken) ? token : null;
    }

    public void release(long chat, String token) {
        redis.execute(RELEASE, List.of(base(chat) + "lease"), token);
    }

    private Outbound read(String item) {
        try {
            return json.readValue(item.substring(item.indexOf('|') + 1), Outbound.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable queued message", e);
        }
    }

    private static long size(Long n) {
        return n == null ? 0 : n;
    }

    private String ready() {
        return keys.named("tg-out", "ready");
    }

    private String base(long chat) {
        return keys.named("tg-out", "{" + chat + "}:");
    }

    private String urgent(long chat) {
        return base(chat) + "u";
    }

    private String heads(long chat) {
        return base(chat) + "heads";
    }

    private String topic(long chat, int topic) {
        return base(chat) + "t:" + topic;
    }
}
