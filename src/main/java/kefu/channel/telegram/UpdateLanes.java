package kefu.channel.telegram;

import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Incoming updates, queued in Redis in one lane per chat (a buyer, a staff topic). An update id is queued
 * once however often Telegram delivers it; one instance at a time drains a lane, in arrival order, under
 * an expiring lease, so two instances never handle one chat's updates concurrently or out of order.
 */
public final class UpdateLanes {

    // KEYS: seen, lane, pending. ARGV: ttl seconds, lane name, update json.
    private static final DefaultRedisScript<Long> ENQUEUE = new DefaultRedisScript<>("""
            if redis.call('SET', KEYS[1], '1', 'NX', 'EX', tonumber(ARGV[1])) then
              redis.call('RPUSH', KEYS[2], ARGV[3])
              redis.call('SADD', KEYS[3], ARGV[2])
              return 1
            end
            return 0
            """, Long.class);

    // KEYS: lock, lane, pending. ARGV: token, lane name. Gives the lane back; returns what is still waiting in it.
    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
            local left = redis.call('LLEN', KEYS[2])
            if left == 0 then redis.call('SREM', KEYS[3], ARGV[2]) end
            return left
            """, Long.class);

    // KEYS: lock. ARGV: token, lease ms.
    private static final DefaultRedisScript<Long> RENEW = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
            end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final Duration dedupeTtl;
    private final Duration lease;

    public UpdateLanes(StringRedisTemplate redis, RedisKeys keys, Duration dedupeTtl, Duration lease) {
        this.redis = redis;
        this.keys = keys;
        this.dedupeTtl = dedupeTtl;
        this.lease = lease;
    }

    /** Queues an update at the end of its lane; false when this update id was queued before. */
    public boolean enqueue(String lane, int updateId, String json) {
        Long added = redis.execute(ENQUEUE, List.of(keys.named("tg-update", String.valueOf(updateId)), laneKey(lane),
                pendingKey()), String.valueOf(dedupeTtl.toSeconds()), lane, json);
        return added != null && added == 1;
    }

    /** Takes the lane for this instance, or empty when another instance is draining it. */
    public Optional<String> take(String lane) {
        String token = UUID.randomUUID().toString();
        Boolean ok = redis.opsForValue().setIfAbsent(lockKey(lane), token, lease);
        return Boolean.TRUE.equals(ok) ? Optional.of(token) : Optional.empty();
    }

    /** The oldest waiting update of the lane, left in place until {@link #done}. */
    public Optional<String> head(String lane) {
        return Optional.ofNullable(redis.opsForList().index(laneKey(lane), 0));
    }

    /** Removes the head after it was handled and extends the lease; false when the lease was lost. */
    public boolean done(String lane, String token) {
        redis.opsForList().leftPop(laneKey(lane));
        return renew(lane, token);
    }

    /** Extends the lease on a lane this instance holds; false when it was lost. */
    public boolean renew(String lane, String token) {
        Long renewed = redis.execute(RENEW, List.of(lockKey(lane)), token, String.valueOf(lease.toMillis()));
        return renewed != null && renewed == 1;
    }

    public Duration lease() {
        return lease;
    }

    /** Gives the lane back; returns how many updates arrived meanwhile (the caller drains again if any). */
    public long release(String lane, String token) {
        Long left = redis.execute(RELEASE, List.of(lockKey(lane), laneKey(lane), pendingKey()), token, lane);
        return left == null ? 0 : left;
    }

    /** Lanes with waiting updates, including those an instance stopped in the middle of. */
    public Set<String> pending() {
        Set<String> all = redis.opsForSet().members(pendingKey());
        return all == null ? Set.of() : all;
    }

    private String laneKey(String lane) {
        return keys.named("tg-lane", lane);
    }

    private String lockKey(String lane) {
        return keys.named("tg-lane-lock", lane);
    }

    private String pendingKey() {
        return keys.named("tg-lane", "pending");
    }
}
