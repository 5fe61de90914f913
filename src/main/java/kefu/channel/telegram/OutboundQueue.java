package kefu.channel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The send queues, kept in Redis so that a restart or another instance sends what was queued. Each chat has
 * an urgent list and one list per forum topic (a private chat has topic 0); the topic whose head was queued
 * first goes next, so posts keep their order per topic and topics take turns.
 * <p>
 * For Redis Cluster every script touches one hash slot: a chat belongs to one of {@value #SHARDS} shards, and
 * its lists, its sender's lease, the shard's ready set (chats with something to send, scored by when they may
 * next be tried) and the shard's depth counters carry the shard's hash tag ({@code {tgo7}}). A send costs
 * three round trips here: queue, take (lease and first batch), done (and the next batch, or let go).
 */
public final class OutboundQueue {

    static final int SHARDS = 16;

    /** What to send next in one chat: the urgent head alone, or the first items of one topic. */
    public record Batch(String list, int topic, List<Outbound> items) {
        public boolean urgent() {
            return topic < 0;
        }
    }

    /** A sender's hold on a chat (one sender at a time posts to a chat, so order is kept) and what to send first. */
    public record Hold(String token, Batch batch) { }

    private static final String CARD_MARK = "\"kind\":\"CARD\"";

    // The next batch of a chat, or nil: the urgent head, else the first items of the topic queued first.
    private static final String PEEK = """
            local function peek(urgent, heads, max, prefix)
              local u = redis.call('LINDEX', urgent, 0)
              if u then return {'u', u} end
              while true do
                local h = redis.call('ZRANGE', heads, 0, 0)
                if #h == 0 then return nil end
                local items = redis.call('LRANGE', prefix .. h[1], 0, max - 1)
                if #items > 0 then
                  local out = {h[1]}
                  for _, v in ipairs(items) do table.insert(out, v) end
                  return out
                end
                redis.call('ZREM', heads, h[1])
              end
            end
            """;

    // KEYS: ready, urgent, heads, seq, topic list, depth. ARGV: chat, topic, urgent, item, cap, now ms,
    // unique mark, depth field. A relay does not make a put-off chat due; an urgent message does.
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
            redis.call('HINCRBY', KEYS[6], ARGV[8], 1)
            local cur = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if (not cur) or (ARGV[3] == '1' and tonumber(cur) > tonumber(ARGV[6])) then
              redis.call('ZADD', KEYS[1], ARGV[6], ARGV[1])
            end
            return 1
            """, Long.class);

    // KEYS: lease, urgent, heads, ready. ARGV: token, lease ms, max, topic prefix, chat, now ms.
    // Returns {'held'} (another sender has it), {'later'} (put off), {} (nothing waits: off the ready set),
    // or the first batch with the lease taken.
    @SuppressWarnings("rawtypes")
    private static final DefaultRedisScript<List> TAKE = new DefaultRedisScript<>(PEEK + """
            local at = redis.call('ZSCORE', KEYS[4], ARGV[5])
            if at and tonumber(at) > tonumber(ARGV[6]) and redis.call('LLEN', KEYS[2]) == 0 then return {'later'} end
            if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', tonumber(ARGV[2])) then return {'held'} end
            local b = peek(KEYS[2], KEYS[3], tonumber(ARGV[3]), ARGV[4])
            if b then return b end
            redis.call('ZREM', KEYS[4], ARGV[5])
            redis.call('DEL', KEYS[1])
            return {}
            """, List.class);

    // KEYS: list, heads, urgent, ready, lease, depth. ARGV: how many were sent, topic ('' for the urgent list),
    // token, max, topic prefix, chat, depth field, lease ms. Returns the next batch, or {} when the chat is
    // empty: then it leaves the ready set and the lease is let go.
    @SuppressWarnings("rawtypes")
    private static final DefaultRedisScript<List> DONE = new DefaultRedisScript<>(PEEK + """
            local n = math.min(tonumber(ARGV[1]), redis.call('LLEN', KEYS[1]))
            redis.call('LTRIM', KEYS[1], n, -1)
            if n > 0 then redis.call('HINCRBY', KEYS[6], ARGV[7], -n) end
            if ARGV[2] ~= '' then
              local head = redis.call('LINDEX', KEYS[1], 0)
              if head then
                redis.call('ZADD', KEYS[2], tonumber(string.match(head, '^(%d+)|')), ARGV[2])
              else
                redis.call('ZREM', KEYS[2], ARGV[2])
              end
            end
            local b = peek(KEYS[3], KEYS[2], tonumber(ARGV[4]), ARGV[5])
            if b then
              redis.call('PEXPIRE', KEYS[5], tonumber(ARGV[8]))
              return b
            end
            redis.call('ZREM', KEYS[4], ARGV[6])
            if redis.call('GET', KEYS[5]) == ARGV[3] then redis.call('DEL', KEYS[5]) end
            return {}
            """, List.class);

    // KEYS: ready, urgent, lease. ARGV: chat, at ms, whether the waiting message was urgent, token.
    // Puts the chat off and lets it go ({}); an urgent message queued meanwhile is not put off behind a
    // relay's window: its batch is returned and the lease kept.
    @SuppressWarnings("rawtypes")
    private static final DefaultRedisScript<List> LATER = new DefaultRedisScript<>("""
            if ARGV[3] == '0' then
              local u = redis.call('LINDEX', KEYS[2], 0)
              if u then return {'u', u} end
            end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            if redis.call('GET', KEYS[3]) == ARGV[4] then redis.call('DEL', KEYS[3]) end
            return {}
            """, List.class);

    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """, Long.class);

    /**
     * Moves one chat's queue of the version before the shards (always a single Redis, where a script may span
     * slots) in front of its sharded queue. KEYS: old ready, new ready, new depth. ARGV: chat, old base, new
     * base, depth field, now ms. Left alone while a sender of that version holds the chat (returns 0).
     */
    private static final DefaultRedisScript<Long> ADOPT = new DefaultRedisScript<>("""
            local old, new = ARGV[2], ARGV[3]
            if redis.call('EXISTS', old .. 'lease') == 1 then return 0 end
            local moved = 0
            local function prepend(from, to)
              local items = redis.call('LRANGE', from, 0, -1)
              for i = #items, 1, -1 do redis.call('LPUSH', to, items[i]) end
              redis.call('DEL', from)
              moved = moved + #items
            end
            prepend(old .. 'u', new .. 'u')
            local heads = redis.call('ZRANGE', old .. 'heads', 0, -1, 'WITHSCORES')
            for i = 1, #heads, 2 do
              prepend(old .. 't:' .. heads[i], new .. 't:' .. heads[i])
              redis.call('ZADD', new .. 'heads', 'LT', tonumber(heads[i + 1]), heads[i])
            end
            local seq = tonumber(redis.call('GET', old .. 'seq') or '0')
            if seq > tonumber(redis.call('GET', new .. 'seq') or '0') then redis.call('SET', new .. 'seq', seq) end
            redis.call('DEL', old .. 'heads', old .. 'seq')
            redis.call('ZREM', KEYS[1], ARGV[1])
            if moved > 0 then
              redis.call('HINCRBY', KEYS[3], ARGV[4], moved)
              redis.call('ZADD', KEYS[2], 'LT', tonumber(ARGV[5]), ARGV[1])
            end
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final long leaseMillis;

    public OutboundQueue(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, long leaseMillis) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.leaseMillis = leaseMillis;
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
        Long queued = redis.execute(ENQUEUE, List.of(ready(shard(chat)), urgent(chat), heads(chat), base(chat) + "seq",
                        topic(chat, message.topic()), depthKey(shard(chat))), String.valueOf(chat),
                String.valueOf(message.topic()), urgent ? "1" : "0", item, String.valueOf(cap),
                String.valueOf(System.currentTimeMillis()), mark, depthField(chat));
        return queued != null && queued == 1;
    }

    /** Chats with something to send now, from every shard. */
    public Set<Long> due(int max) {
        Set<Long> due = new LinkedHashSet<>();
        long now = System.currentTimeMillis();
        for (int shard = 0; shard < SHARDS && due.size() < max; shard++) {
            Set<String> chats = redis.opsForZSet().rangeByScore(ready(shard), Double.NEGATIVE_INFINITY, now, 0,
                    max - due.size());
            if (chats != null) {
                chats.forEach(c -> due.add(Long.parseLong(c)));
            }
        }
        return due;
    }

    /**
     * Takes the chat for this sender with its first batch; null when another sender holds it, it is put off,
     * or nothing waits in it (then it leaves the ready set).
     */
    public Hold take(long chat, int max) {
        String token = UUID.randomUUID().toString();
        List<?> raw = redis.execute(TAKE, List.of(lease(chat), urgent(chat), heads(chat), ready(shard(chat))), token,
                String.valueOf(leaseMillis), String.valueOf(max), base(chat) + "t:", String.valueOf(chat),
                String.valueOf(System.currentTimeMillis()));
        Batch batch = batch(chat, raw);
        return batch == null ? null : new Hold(token, batch);
    }

    /**
     * The first {@code count} items of the batch's list were sent (or given up); returns the chat's next
     * batch, or null when nothing more waits (the chat is let go).
     */
    public Batch done(long chat, String token, Batch batch, int count, int max) {
        List<?> raw = redis.execute(DONE, List.of(batch.list(), heads(chat), urgent(chat), ready(shard(chat)),
                        lease(chat), depthKey(shard(chat))), String.valueOf(count),
                batch.urgent() ? "" : String.valueOf(batch.topic()), token, String.valueOf(max), base(chat) + "t:",
                String.valueOf(chat), depthField(chat), String.valueOf(leaseMillis));
        return batch(chat, raw);
    }

    /**
     * The chat is tried again at {@code atMillis} and let go (null); when the waiting message was not urgent
     * and an urgent one came meanwhile, that one is returned instead and the chat kept.
     */
    public Batch later(long chat, String token, long atMillis, boolean urgent) {
        List<?> raw = redis.execute(LATER, List.of(ready(shard(chat)), urgent(chat), lease(chat)), String.valueOf(chat),
                String.valueOf(atMillis), urgent ? "1" : "0", token);
        return batch(chat, raw);
    }

    public void release(long chat, String token) {
        redis.execute(RELEASE, List.of(lease(chat)), token);
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
        redis.opsForZSet().remove(ready(shard(chat)), String.valueOf(chat));
        if (!dropped.isEmpty()) {
            redis.opsForHash().increment(depthKey(shard(chat)), depthField(chat), -dropped.size());
        }
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

    /** Messages waiting in all chats of one kind ({@code true}: groups, the staff desk's; else private chats). */
    public long depth(boolean groups) {
        long n = 0;
        for (int shard = 0; shard < SHARDS; shard++) {
            Object v = redis.opsForHash().get(depthKey(shard), groups ? "g" : "p");
            n += v == null ? 0 : Math.max(0, Long.parseLong(v.toString()));
        }
        return n;
    }

    /** Moves what a version before the shards queued into the shards; returns how many chats were moved. */
    public int adoptLegacy() {
        String oldReady = keys.named("tg-out", "ready");
        Set<String> chats = redis.opsForZSet().range(oldReady, 0, -1);
        int moved = 0;
        for (String c : chats == null ? Set.<String>of() : chats) {
            long chat = Long.parseLong(c);
            Long done = redis.execute(ADOPT, List.of(oldReady, ready(shard(chat)), depthKey(shard(chat))), c,
                    keys.named("tg-out", "{" + chat + "}:"), base(chat), depthField(chat),
                    String.valueOf(System.currentTimeMillis()));
            moved += done != null && done == 1 ? 1 : 0;
        }
        return moved;
    }

    private Batch batch(long chat, List<?> raw) {
        if (raw == null || raw.isEmpty() || "held".equals(raw.get(0)) || "later".equals(raw.get(0))) {
            return null;
        }
        List<Outbound> items = new ArrayList<>();
        for (int k = 1; k < raw.size(); k++) {
            items.add(read((String) raw.get(k)));
        }
        if ("u".equals(raw.get(0))) {
            return new Batch(urgent(chat), -1, items);
        }
        int topic = Integer.parseInt((String) raw.get(0));
        return new Batch(topic(chat, topic), topic, items);
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

    static int shard(long chat) {
        return (int) Math.floorMod(chat, (long) SHARDS);
    }

    private static String tag(int shard) {
        return "{tgo" + shard + "}";
    }

    private static String depthField(long chat) {
        return chat < 0 ? "g" : "p";
    }

    private String ready(int shard) {
        return keys.named("tg-out", tag(shard) + ":ready");
    }

    private String depthKey(int shard) {
        return keys.named("tg-out", tag(shard) + ":depth");
    }

    private String base(long chat) {
        return keys.named("tg-out", tag(shard(chat)) + ":" + chat + ":");
    }

    private String lease(long chat) {
        return base(chat) + "lease";
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
