package kefu.channel.telegram;

import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Telegram's sending limits (per chat, per group, overall) as sliding windows kept in Redis, so every instance
 * of the bot draws from the same allowance. A message holds its slot from the moment it is allowed until its
 * request has completed, and the window counts from completion: however late a request reaches Telegram, it
 * cannot bunch up with the next window's messages. Scripts run on Redis' clock, shared by all instances.
 */
public final class SendRateLimiter {

    private static final long IN_FLIGHT_MS = 60_000;

    // KEYS: one sorted set per window. ARGV: member, in-flight ms, then (max, windowMs) per key.
    // Returns 0 when a slot was taken in every window, else how many milliseconds to wait before asking again.
    private static final DefaultRedisScript<Long> ACQUIRE = new DefaultRedisScript<>("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local wait = 0
            for i, key in ipairs(KEYS) do
              local max = tonumber(ARGV[i * 2 + 1])
              local window = tonumber(ARGV[i * 2 + 2])
              redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
              if redis.call('ZCARD', key) >= max then
                local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
                local w = tonumber(oldest[2]) + window - now + 1
                if w > wait then wait = w end
              end
            end
            if wait > 0 then return wait end
            local flight = tonumber(ARGV[2])
            for i, key in ipairs(KEYS) do
              redis.call('ZADD', key, now + flight, ARGV[1])
              redis.call('PEXPIRE', key, flight + tonumber(ARGV[i * 2 + 2]))
            end
            return 0
            """, Long.class);

    // KEYS: the windows of a permit. ARGV: member. The slot now counts from this moment.
    private static final DefaultRedisScript<Long> COMPLETE = new DefaultRedisScript<>("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            for _, key in ipairs(KEYS) do
              redis.call('ZADD', key, 'XX', now, ARGV[1])
            end
            return 1
            """, Long.class);

    /** A taken slot; give it to {@link #complete} when the request is done. */
    public record Permit(String member, List<String> windows) { }

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final TelegramProperties.Limits limits;
    private final Map<Long, TelegramProperties.Limit> groupLimits;

    public SendRateLimiter(StringRedisTemplate redis, RedisKeys keys, TelegramProperties.Limits limits) {
        this(redis, keys, limits, Map.of());
    }

    /** @param groupLimits groups with a limit of their own (staff groups), instead of {@code limits.per-group} */
    public SendRateLimiter(StringRedisTemplate redis, RedisKeys keys, TelegramProperties.Limits limits,
                           Map<Long, TelegramProperties.Limit> groupLimits) {
        this.redis = redis;
        this.keys = keys;
        this.limits = limits;
        this.groupLimits = Map.copyOf(groupLimits);
    }

    /** The answer of {@link #tryAcquire}: a slot, or how long to wait before asking again. */
    public record Attempt(Permit permit, long waitMillis) {
        public boolean granted() {
            return permit != null;
        }
    }

    /** Blocks until a message to {@code chatId} may be sent, and takes the slot. */
    public Permit acquire(long chatId) throws InterruptedException {
        while (true) {
            Attempt attempt = tryAcquire(chatId, 0);
            if (attempt.granted()) {
                return attempt.permit();
            }
            // A slot held by a request in flight frees up when it completes: ask again soon.
            Thread.sleep(Math.max(10, Math.min(attempt.waitMillis(), 1_000)));
        }
    }

    /**
     * Takes a slot for a message to {@code chatId} if every window has room, without waiting.
     *
     * @param groupReserve slots of a group's window this message may not use: kept free for messages that
     *                     must not wait behind it (staff commands' answers behind buyer relays)
     */
    public Attempt tryAcquire(long chatId, int groupReserve) {
        return tryAcquire(chatId, groupReserve, 0);
    }

    /**
     * As {@link #tryAcquire(long, int)}, also leaving {@code globalReserve} slots of the overall window free
     * (for buyers' answers: a burst of staff posts and receipts must not make the next buyer wait a second).
     */
    public Attempt tryAcquire(long chatId, int groupReserve, int globalReserve) {
        List<String> windowKeys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        String member = UUID.randomUUID().toString();
        args.add(member);
        args.add(String.valueOf(IN_FLIGHT_MS));
        // One hash tag for every window: the script checks the global window with the chat's in one Redis
        // Cluster slot. Telegram allows ~30 sends a second in all, a trivial load for the one node holding it.
        add(windowKeys, args, keys.named("tg-rate", "{tg-rate}:global"), limits.global(), globalReserve);
        add(windowKeys, args, keys.named("tg-rate", "{tg-rate}:chat:" + chatId), limits.perChat(), 0);
        if (chatId < 0) {
            add(windowKeys, args, keys.named("tg-rate", "{tg-rate}:group:" + chatId),
                    groupLimits.getOrDefault(chatId, limits.perGroup()), groupReserve);
        }
        Long wait = redis.execute(ACQUIRE, windowKeys, args.toArray());
        if (wait == null || wait <= 0) {
            return new Attempt(new Permit(member, List.copyOf(windowKeys)), 0);
        }
        return new Attempt(null, wait);
    }

    /** The request of this slot is done (sent, refused or failed). */
    public void complete(Permit permit) {
        redis.execute(COMPLETE, permit.windows(), permit.member());
    }

    private void add(List<String> windowKeys, List<String> args, String key, TelegramProperties.Limit limit,
                     int reserve) {
        windowKeys.add(key);
        args.add(String.valueOf(Math.max(1, limit.messages() - reserve)));
        args.add(String.valueOf(limit.window().plus(limits.margin()).toMillis()));
    }
}
