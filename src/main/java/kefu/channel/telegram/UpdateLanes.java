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
 * <p>
 * For Redis Cluster every script touches one hash slot: each lane belongs to one of {@value #SHARDS} shards,
 * and the lane, its lock, its updates' dedupe markers and the shard's set of lanes with waiting updates all
 * carry the shard's hash tag ({@code {tgl7}}). The sweep reads the shards' sets.
 */
public final class UpdateLanes {

    static final int SHARDS = 16;

    // KEYS: seen, lane, pending (one shard). ARGV: ttl seconds, lane name, update json.
    private static final DefaultRedisScript<Long> ENQUEUE = new DefaultRedisScript<>("""
            if redis.call('SET', KEYS[1], '1', 'NX', 'EX', tonumber(ARGV[1])) then
              redis.call('RPUSH', KEYS[2], ARGV[3])
              redis.call('SADD', KEYS[3], ARGV[2])
              return 1
            end
            return 0
            """, Long.class);

    // KEYS: lock, lane, pending (one shard). ARGV: token, lane name. Gives the lane back; returns what is still waiting in it.
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

    /**
     * KEYS: legacy lock, legacy lane, legacy pending set, lane, shard pending set. ARGV: lane name. Moves a lane
     * queued by a version before the shards (always a single Redis, where a script may span slots) to the head
     * of its sharded lane, unless an instance of that version is draining it right now. Returns 1 when moved.
     */
    private static final DefaultRedisScript<Long> ADOPT = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            local old = redis.call('LRANGE', KEYS[2], 0, -1)
            for i = #old, 1, -1 do redis.call('LPUSH', KEYS[4], old[i]) end
            redis.call('DEL', KEYS[2])
            redis.call('SREM', KEYS[3], ARGV[1])
            if #old > 0 then redis.call('SADD', KEYS[5], ARGV[1]) end
            return 1
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
        Long added = redis.execute(ENQUEUE, List.of(keys.named("tg-update", shard(lane) + ":" + updateId),
                laneKey(lane), pendingKey(lane)), String.valueOf(dedupeTtl.toSeconds()), lane, json);
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
        Long left = redis.execute(RELEASE, List.of(lockKey(lane), laneKey(lane), pendingKey(lane)), token, lane);
        return left == null ? 0 : left;
    }

    /**
     * Lanes with waiting updates, including those an instance stopped in the middle of, and those an older
     * version queued (adopted into the shards first, so an upgrade loses none).
     */
    public Set<String> pending() {
        adoptLegacyLanes();
        Set<String> all = new java.util.LinkedHashSet<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            Set<String> lanes = redis.opsForSet().members(keys.named("tg-lane", tag(shard) + ":pending"));
            if (lanes != null) {
                all.addAll(lanes);
            }
        }
        return all;
    }

    private void adoptLegacyLanes() {
        String legacyPending = keys.named("tg-lane", "pending");
        Set<String> legacy = redis.opsForSet().members(legacyPending);
        if (legacy == null) {
            return;
        }
        for (String lane : legacy) {
            redis.execute(ADOPT, List.of(keys.named("tg-lane-lock", lane), keys.named("tg-lane", lane), legacyPending,
                    laneKey(lane), pendingKey(lane)), lane);
        }
    }

    /** The lane's hash tag, e.g. {@code {tgl7}}: the lane's keys and its shard's set share one slot. */
    static String shard(String lane) {
        return tag(Math.floorMod(lane.hashCode(), SHARDS));
    }

    private static String tag(int shard) {
        return "{tgl" + shard + "}";
    }

    private String laneKey(String lane) {
        return keys.named("tg-lane", shard(lane) + ":" + lane);
    }

    /** The lane's lease key (package-visible for tests that take a lane away). */
    String lockKey(String lane) {
        return keys.named("tg-lane-lock", shard(lane) + ":" + lane);
    }

    private String pendingKey(String lane) {
        return keys.named("tg-lane", shard(lane) + ":pending");
    }
}
