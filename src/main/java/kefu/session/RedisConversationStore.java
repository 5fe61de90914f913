package kefu.session;

import kefu.conversation.ConversationBusyException;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.ConversationStore;
import kefu.conversation.LeaseLostException;
import kefu.conversation.StoreUnavailableException;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Conversation state in Redis, one JSON document per buyer with an idle TTL. A turn costs two round trips:
 * one script takes the lease, checks the message id and reads the state; one saves, marks and releases.
 * Spring's data-access failures leave as {@link StoreUnavailableException}, so the core knows no Spring type.
 */
public final class RedisConversationStore implements ConversationStore {

    private static final String NO_MESSAGE = "-";

    /**
     * KEYS: lock, state, seen, turn counter, ban flag, flood strikes: all of one buyer, so one Redis Cluster slot.
     * ARGV: token, lease ms, window ms, max turns per window, buyer, seen ttl s, '1' for a buyer's turn or '0' for
     * a staff action (no ban check, not counted), '1' when the turn has a message id (else the seen key is a
     * placeholder never read or written), strike window ms, strikes that ban (0: never), ban ms, the ban's record.
     * Returns {'dup'}, {'banned'}, {'busy'}, {'limited', 1 if first over the limit}
     * or {'ok', state-or-empty}. A turn is counted once, when it gets the lease. A lease already held with
     * this turn's own token is this turn's (its first try got through but the answer was lost). Each first
     * turn over the limit is a strike; enough strikes ban the buyer for a while, in the same step.
     */
    private static final RedisScript<List> BEGIN = RedisScript.of("""
            if ARGV[8] == '1' and redis.call('EXISTS', KEYS[3]) == 1 then return {'dup'} end
            if ARGV[7] == '1' and redis.call('EXISTS', KEYS[5]) == 1 then return {'banned'} end
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) or redis.call('GET', KEYS[1]) == ARGV[1] then
              if ARGV[7] ~= '1' then return {'ok', redis.call('GET', KEYS[2]) or ''} end
              local n = redis.call('INCR', KEYS[4])
              if n == 1 then redis.call('PEXPIRE', KEYS[4], ARGV[3]) end
              if n > tonumber(ARGV[4]) then
                redis.call('DEL', KEYS[1])
                if ARGV[8] == '1' then redis.call('SET', KEYS[3], '1', 'EX', ARGV[6]) end
                if n == tonumber(ARGV[4]) + 1 then
                  if tonumber(ARGV[10]) > 0 then
                    local strikes = redis.call('INCR', KEYS[6])
                    if strikes == 1 then redis.call('PEXPIRE', KEYS[6], ARGV[9]) end
                    if strikes >= tonumber(ARGV[10]) then
                      redis.call('SET', KEYS[5], ARGV[12], 'PX', ARGV[11])
                      redis.call('DEL', KEYS[6])
                    end
                  end
                  return {'limited', '1'}
                end
                return {'limited', '0'}
              end
              return {'ok', redis.call('GET', KEYS[2]) or ''}
            end
            return {'busy'}
            """, List.class);

    /**
     * KEYS: lock, state, seen (one buyer's slot). ARGV: token, state json, state ttl s, seen ttl s, '1' when the
     * turn has a message id. Returns 1, or 0 if the lease was lost.
     */
    private static final RedisScript<Long> COMMIT = RedisScript.of("""
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
            if ARGV[5] == '1' then redis.call('SET', KEYS[3], '1', 'EX', ARGV[4]) end
            redis.call('DEL', KEYS[1])
            return 1
            """, Long.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final StateCodec codec;
    private final SessionProperties settings;

    public RedisConversationStore(StringRedisTemplate redis, RedisKeys keys, StateCodec codec,
                                  SessionProperties settings) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.settings = settings;
    }

    @Override
    public Begin begin(ConversationKey key, String messageId, Duration wait) {
        return reachable(() -> begin(key, messageId, wait, true));
    }

    @Override
    public Begin.Acquired beginAction(ConversationKey key, Duration wait) {
        return reachable(() -> (Begin.Acquired) begin(key, null, wait, false));
    }

    private Begin begin(ConversationKey key, String messageId, Duration wait, boolean buyerTurn) {
        String token = UUID.randomUUID().toString();
        List<String> scriptKeys = List.of(keys.lock(key), keys.state(key), seenKey(key, messageId),
                keys.turnCounter(key), keys.banned(key), keys.floodStrikes(key));
        long deadline = System.nanoTime() + wait.toNanos();
        long backoffMs = 2;
        while (true) {
            List<?> reply = beginOnce(scriptKeys, token, key, buyerTurn, hasMessage(messageId));
            String status = reply == null || reply.isEmpty() ? "busy" : String.valueOf(reply.get(0));
            switch (status) {
                case "dup":
                    return new Begin.Duplicate();
                case "banned":
                    return new Begin.Banned();
                case "limited":
                    return new Begin.Limited("1".equals(String.valueOf(reply.get(1))));
                case "ok":
                    String stored = reply.size() > 1 && reply.get(1) != null ? String.valueOf(reply.get(1)) : "";
                    return new Begin.Acquired(new Lease(key, messageId, token), codec.decode(stored));
                default:
                    if (System.nanoTime() > deadline) {
                        throw new ConversationBusyException(key);
                    }
                    sleep(backoffMs);
                    backoffMs = Math.min(backoffMs * 2, 50);
            }
        }
    }

    /**
     * One try of the lease script, and one more on a connection failure: after a Redis restart the first pooled
     * connection is dead, and the pool hands out a fresh one on the next borrow.
     */
    private List<?> beginOnce(List<String> scriptKeys, String token, ConversationKey key, boolean buyerTurn,
                              boolean hasMessage) {
        Object[] args = {token, String.valueOf(settings.lease().toMillis()),
                String.valueOf(settings.floodWindow().toMillis()), String.valueOf(settings.floodMaxTurns()),
                key.asString(), String.valueOf(settings.dedupeTtl().toSeconds()), buyerTurn ? "1" : "0",
                hasMessage ? "1" : "0",
                String.valueOf(settings.floodStrikeWindow().toMillis()), String.valueOf(settings.floodStrikes()),
                String.valueOf(Math.max(1, settings.floodBan().toMillis())), BanList.floodBanRecord()};
        try {
            return redis.execute(BEGIN, scriptKeys, args);
        } catch (RedisConnectionFailureException e) {
            return redis.execute(BEGIN, scriptKeys, args);
        }
    }

    @Override
    public void commit(Lease lease, ConversationState state) {
        Long ok = reachable(() -> redis.execute(COMMIT,
                List.of(keys.lock(lease.key()), keys.state(lease.key()), seenKey(lease.key(), lease.messageId())),
                lease.token(), codec.encode(state),
                String.valueOf(settings.idleTtl().toSeconds()), String.valueOf(settings.dedupeTtl().toSeconds()),
                hasMessage(lease.messageId()) ? "1" : "0"));
        if (ok == null || ok == 0) {
            throw new LeaseLostException(lease.key());
        }
    }

    @Override
    public void release(Lease lease) {
        reachable(() -> redis.execute(RELEASE, List.of(keys.lock(lease.key())), lease.token()));
    }

    @Override
    public Optional<ConversationState> peek(ConversationKey key) {
        return reachable(() -> Optional.ofNullable(redis.opsForValue().get(keys.state(key))).map(codec::decode));
    }

    @Override
    public void forget(ConversationKey key) {
        reachable(() -> redis.delete(keys.state(key)));
    }

    private static <T> T reachable(Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException e) {
            throw new StoreUnavailableException("conversation store unavailable: " + e.getMessage(), e);
        }
    }

    /** The message's seen marker, or a placeholder in the buyer's slot (a script's keys must share one slot). */
    private String seenKey(ConversationKey key, String messageId) {
        return keys.seen(key, hasMessage(messageId) ? messageId : NO_MESSAGE);
    }

    private static boolean hasMessage(String messageId) {
        return messageId != null && !messageId.isBlank();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the conversation", e);
        }
    }
}
