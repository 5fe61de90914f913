package kefu.console.overview;

import kefu.session.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the daily counters {@link ConversationCounters} keeps and sums them over today, 7 or 30 days. */
public final class OverviewReport {

    private static final int TOP = 10;

    private final StringRedisTemplate redis;
    private final DailyKeys keys;
    private final Clock clock;

    public OverviewReport(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
        this.redis = redis;
        this.keys = new DailyKeys(keys);
        this.clock = clock;
    }

    public Overview read(int days) {
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusDays(days - 1L);
        Map<Counter, Long> sum = new HashMap<>();
        Map<String, Long> intents = new HashMap<>();
        Map<String, Long> articles = new HashMap<>();
        Map<String, Long> unanswered = new HashMap<>();
        List<Long> waits = new ArrayList<>();
        List<Long> firstReplies = new ArrayList<>();
        List<Overview.Day> daily = new ArrayList<>();
        long conversations = 0;
        long resolved = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<Object, Object> counts = redis.opsForHash().entries(keys.counts(day));
            for (Counter c : Counter.values()) {
                Object v = counts.get(c.field());
                if (v != null) {
                    sum.merge(c, Long.parseLong(v.toString()), Long::sum);
                }
            }
            Map<Object, Object> standing = redis.opsForHash().entries(keys.conversations(day));
            Set<String> handed = redis.opsForSet().members(keys.handed(day));
            long dayResolved = standing.entrySet().stream()
                    .filter(e -> "a".equals(e.getValue()) && (handed == null || !handed.contains(e.getKey().toString())))
                    .count();
            conversations += standing.size();
            resolved += dayResolved;
            merge(intents, keys.intents(day));
            merge(articles, keys.articles(day));
            merge(unanswered, keys.unanswered(day));
            waits.addAll(numbers(keys.waits(day)));
            firstReplies.addAll(numbers(keys.firstReplies(day)));
            long dayTurns = number(counts, Counter.TURNS);
            daily.add(new Overview.Day(day, standing.size(), dayResolved, handed == null ? 0 : handed.size(),
                    number(counts, Counter.FALLBACKS) + number(counts, Counter.NOT_SURE), dayTurns));
        }
        long[] ratings = new long[5];
        for (int i = 1; i <= 5; i++) {
            ratings[i - 1] = sum.getOrDefault(Counter.rated(i), 0L);
        }
        return new Overview(days, from, to, conversations, get(sum, Counter.TURNS), resolved,
                get(sum, Counter.FALLBACKS), get(sum, Counter.NOT_SURE), get(sum, Counter.HANDOVERS),
                get(sum, Counter.STAFF_JOINED), get(sum, Counter.STAFF_REPLIES), median(waits), median(firstReplies),
                ratings, get(sum, Counter.RATING_SUM), get(sum, Counter.ORDERS_LOOKED_UP),
                get(sum, Counter.ORDERS_URGED), get(sum, Counter.TICKETS_FILED),
                top(intents), top(articles), top(unanswered), daily);
    }

    /** The middle value (the lower of the two middle ones for an even count), or -1 for none. */
    static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static long get(Map<Counter, Long> sum, Counter c) {
        return sum.getOrDefault(c, 0L);
    }

    private static long number(Map<Object, Object> counts, Counter c) {
        Object v = counts.get(c.field());
        return v == null ? 0 : Long.parseLong(v.toString());
    }

    private List<Long> numbers(String key) {
        List<String> raw = redis.opsForList().range(key, 0, -1);
        return raw == null ? List.of() : raw.stream().map(Long::parseLong).toList();
    }

    private void merge(Map<String, Long> into, String key) {
        Set<TypedTuple<String>> tuples = redis.opsForZSet().reverseRangeWithScores(key, 0, 199);
        if (tuples != null) {
            for (TypedTuple<String> t : tuples) {
                if (t.getValue() != null && t.getScore() != null) {
                    into.merge(t.getValue(), t.getScore().longValue(), Long::sum);
                }
            }
        }
    }

    private static List<Overview.Ranked> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(e -> new Overview.Ranked(e.getKey(), e.getValue())).toList();
    }
}
