package kefu.shop.notices;

import kefu.shop.OrderStatus;
import kefu.shop.ShopOrder;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The undelivered orders buyers are waiting on, in Redis: a sorted set of watches by when to check next, each with
 * the buyer, the order, when watching began and the current gap. A watch is taken by exactly one instance
 * ({@code ZREM} decides), so two bots never notify twice; a per-order-and-buyer marker makes the notice once.
 */
public final class DeliveryWatches {

    /** One watch: {@code chatUser} waits on {@code orderNo}. */
    public record Watch(String orderNo, String chatUser, Instant since, Duration gap) {
    }

    private final StringRedisTemplate redis;
    private final String prefix;
    private final NoticeProperties settings;
    private final Clock clock;

    public DeliveryWatches(StringRedisTemplate redis, String prefix, NoticeProperties settings, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts watching when the order still awaits delivery, the buyer wants notices and the watch list has room. */
    public void watch(String chatUser, ShopOrder order) {
        if (!settings.enabled() || chatUser == null || order == null || !awaits(order.status())) {
            return;
        }
        String member = member(order.orderNo(), chatUser);
        if (off(chatUser) || Boolean.TRUE.equals(redis.hasKey(key("sent:" + member)))
                || Boolean.TRUE.equals(redis.hasKey(key("watch:" + member)))) {
            return;
        }
        Long size = redis.opsForZSet().zCard(key("due"));
        if (size != null && size >= settings.maxWatched()) {
            return;
        }
        Instant now = clock.instant();
        redis.opsForHash().putAll(key("watch:" + member), Map.of("since", now.toString(),
                "gap", Long.toString(settings.firstCheck().toSeconds())));
        redis.expire(key("watch:" + member), settings.watchFor().plusHours(1));
        redis.opsForSet().add(key("by-order:" + order.orderNo()), chatUser);
        redis.expire(key("by-order:" + order.orderNo()), settings.watchFor().plusHours(1));
        redis.opsForZSet().add(key("due"), member, now.plus(settings.firstCheck()).toEpochMilli());
    }

    /** The shop said this order changed (a hook): its watches become due now. */
    public int poke(String orderNo) {
        Set<String> users = redis.opsForSet().members(key("by-order:" + orderNo));
        int n = 0;
        for (String u : users == null ? Set.<String>of() : users) {
            if (Boolean.TRUE.equals(redis.hasKey(key("watch:" + member(orderNo, u))))) {
                redis.opsForZSet().add(key("due"), member(orderNo, u), 0);
                n++;
            }
        }
        return n;
    }

    /** Takes up to {@code max} due watches; each is this caller's alone until it is rescheduled or finished. */
    public List<Watch> takeDue(int max) {
        Set<String> due = redis.opsForZSet().rangeByScore(key("due"), 0, clock.instant().toEpochMilli(), 0, max);
        List<Watch> taken = new ArrayList<>();
        for (String member : due == null ? Set.<String>of() : due) {
            Long removed = redis.opsForZSet().remove(key("due"), member);
            if (removed == null || removed == 0) {
                continue;
            }
            Map<Object, Object> h = redis.opsForHash().entries(key("watch:" + member));
            int nl = member.indexOf('\n');
            if (h.isEmpty() || nl < 0) {
                continue;
            }
            taken.add(new Watch(member.substring(0, nl), member.substring(nl + 1), Instant.parse(h.get("since").toString()),
                    Duration.ofSeconds(Long.parseLong(h.get("gap").toString()))));
        }
        return taken;
    }

    /** Checks again later, the gap doubled up to the maximum; gives up once the order has been watched long enough. */
    public void later(Watch w) {
        Instant now = clock.instant();
        if (!now.isBefore(w.since().plus(settings.watchFor())) || off(w.chatUser())) {
            finish(w);
            return;
        }
        Duration gap = w.gap().multipliedBy(2);
        if (gap.compareTo(settings.maxGap()) > 0) {
            gap = settings.maxGap();
        }
        String member = member(w.orderNo(), w.chatUser());
        redis.opsForHash().put(key("watch:" + member), "gap", Long.toString(gap.toSeconds()));
        redis.opsForZSet().add(key("due"), member, now.plus(gap).toEpochMilli());
    }

    /**
     * Marks the notice as sent; true only the first time for this order and buyer. The marker outlives the watch,
     * so a later look-up of the same order does not notify again.
     */
    public boolean markSent(Watch w) {
        String member = member(w.orderNo(), w.chatUser());
        Boolean first = redis.opsForValue().setIfAbsent(key("sent:" + member), clock.instant().toString(), Duration.ofDays(30));
        finish(w);
        return Boolean.TRUE.equals(first);
    }

    public void finish(Watch w) {
        String member = member(w.orderNo(), w.chatUser());
        redis.delete(key("watch:" + member));
        redis.opsForZSet().remove(key("due"), member);
        redis.opsForSet().remove(key("by-order:" + w.orderNo()), w.chatUser());
    }

    /** The buyer turns notices off (or on again). */
    public void setOff(String chatUser, boolean off) {
        if (off) {
            redis.opsForValue().set(key("off:" + chatUser), "1");
        } else {
            redis.delete(key("off:" + chatUser));
        }
    }

    public boolean off(String chatUser) {
        return Boolean.TRUE.equals(redis.hasKey(key("off:" + chatUser)));
    }

    public long watched() {
        Long n = redis.opsForZSet().zCard(key("due"));
        return n == null ? 0 : n;
    }

    static boolean awaits(OrderStatus s) {
        return s == OrderStatus.PAID || s == OrderStatus.PROCESSING;
    }

    private static String member(String orderNo, String chatUser) {
        return orderNo + "\n" + chatUser;
    }

    private String key(String suffix) {
        return prefix + suffix;
    }
}
