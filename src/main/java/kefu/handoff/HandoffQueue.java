package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Buyers waiting for staff, oldest first: a Redis sorted set scored by the time they were queued, plus the
 * set of those staff were already reminded about.
 */
public final class HandoffQueue {

    /** One waiting buyer. */
    public record Waiting(ConversationKey buyer, Instant since) { }

    private final StringRedisTemplate redis;
    private final String queue;
    private final String reminded;

    public HandoffQueue(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.queue = keys.named("handoff", "queue");
        this.reminded = keys.named("handoff", "reminded");
    }

    /** Queues the buyer; one already waiting keeps their place. */
    public void enqueue(ConversationKey buyer, Instant at) {
        redis.opsForZSet().addIfAbsent(queue, buyer.asString(), at.toEpochMilli());
    }

    public void remove(ConversationKey buyer) {
        redis.opsForZSet().remove(queue, buyer.asString());
        redis.opsForSet().remove(reminded, buyer.asString());
    }

    /** 1 for the buyer served next; empty when the buyer is not waiting. */
    public OptionalLong position(ConversationKey buyer) {
        Long rank = redis.opsForZSet().rank(queue, buyer.asString());
        return rank == null ? OptionalLong.empty() : OptionalLong.of(rank + 1);
    }

    /** How many buyers wait. */
    public long size() {
        Long n = redis.opsForZSet().zCard(queue);
        return n == null ? 0 : n;
    }

    /** When the longest-waiting buyer was queued; empty when nobody waits. */
    public java.util.Optional<Instant> oldest() {
        List<Waiting> first = read(redis.opsForZSet().rangeWithScores(queue, 0, 0));
        return first.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(first.get(0).since());
    }

    /** Everyone waiting, oldest first. */
    public List<Waiting> waiting() {
        return read(redis.opsForZSet().rangeWithScores(queue, 0, -1));
    }

    /** Those waiting since {@code before} or earlier, oldest first. */
    public List<Waiting> waitingSince(Instant before) {
        return read(redis.opsForZSet().rangeByScoreWithScores(queue, Double.NEGATIVE_INFINITY, before.toEpochMilli()));
    }

    /** True the first time only, so each waiting buyer is brought up once. */
    public boolean markReminded(ConversationKey buyer) {
        Long added = redis.opsForSet().add(reminded, buyer.asString());
        return added != null && added > 0;
    }

    private static List<Waiting> read(Set<TypedTuple<String>> tuples) {
        List<Waiting> out = new ArrayList<>();
        if (tuples != null) {
            for (TypedTuple<String> t : tuples) {
                out.add(new Waiting(ConversationKey.parse(Objects.requireNonNull(t.getValue())),
                        Instant.ofEpochMilli(Objects.requireNonNull(t.getScore()).longValue())));
            }
        }
        return out;
    }
}
