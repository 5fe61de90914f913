package kefu.channel.telegram;

import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Telegram's sending limits (per chat, per group, overall) as sliding windows kept in Redis, so every instance
 * of the bot draws from the same allowance. The check and the booking happen in one script, on Redis' clock.
 */
public final class SendRateLimiter {

    // KEYS: one sorted set per window. ARGV: member, then (max, windowMs) per key.
    // Returns 0 when a slot was booked in every window, else the milliseconds until one frees up.
    private static final DefaultRedisScript<Long> ACQUIRE = new DefaultRedisScript<>("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local wait = 0
            for i, key in ipairs(KEYS) do
              local max = tonumber(ARGV[i * 2])
              local window = tonumber(ARGV[i * 2 + 1])
              redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
              if redis.call('ZCARD', key) >= max then
                local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
                local w = tonumber(oldest[2]) + window - now + 1
                if w > wait then wait = w end
              end
            end
            if wait > 0 then return wait end
            for i, key in ipairs(KEYS) do
              redis.call('ZADD', key, now, ARGV[1])
              redis.call('PEXPIRE', key, tonumber(ARGV[i * 2 + 1]))
            end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final TelegramProperties.Limits limits;

    public SendRateLimiter(StringRedisTemplate redis, RedisKeys keys, TelegramProperties.Limits limits) {
        this.redis = redis;
        this.keys = keys;
        this.limits = limits;
    }

    /** Blocks until a message to {@code chatId} may be sent, and books it. */
    public void acquire(long chatId) throws InterruptedException {
        List<String> windowKeys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        args.add(UUID.randomUUID().toString());
        add(windowKeys, args, keys.named("tg-rate", "global"), limits.global());
        add(windowKeys, args, keys.named("tg-rate", "chat:" + chatId), limits.perChat());
        if (chatId < 0) {
            add(windowKeys, args, keys.named("tg-rate", "group:" + chatId), limits.perGroup());
        }
        while (true) {
            Long wait = redis.execute(ACQUIRE, windowKeys, args.toArray());
            if (wait == null || wait <= 0) {
                return;
            }
            Thread.sleep(Math.min(wait, 5_000));
        }
    }

    private void add(List<String> windowKeys, List<String> args, String key, TelegramProperties.Limit limit) {
        windowKeys.add(key);
        args.add(String.valueOf(limit.messages()));
        args.add(String.valueOf(limit.window().plus(limits.margin()).toMillis()));
    }
}
