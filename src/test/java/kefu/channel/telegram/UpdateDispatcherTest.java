package kefu.channel.telegram;

import kefu.session.RedisKeys;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Two dispatchers (two instances) on one Redis: a chat's updates never overlap, even when one outlasts the lease. */
class UpdateDispatcherTest extends TelegramBotTest {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void slowUpdateKeepsItsLaneSoTheOtherInstanceCannotOvertakeIt() throws Exception {
        UpdateLanes lanes = new UpdateLanes(redis, new RedisKeys(RealRedis.freshPrefix()), Duration.ofMinutes(5),
                Duration.ofMillis(300));
        List<String> events = new CopyOnWriteArrayList<>();
        UpdateRoutes routes = new UpdateRoutes(java.util.Set.of());
        UpdateDispatcher a = dispatcher(lanes, routes, "a", events);
        UpdateDispatcher b = dispatcher(lanes, routes, "b", events);
        a.start();
        b.start();
        try {
            a.accept(update(1));            // handled slowly (1 s, more than three leases) by instance a
            Thread.sleep(100);
            b.accept(update(2));            // arrives at instance b meanwhile
            b.accept(update(3));

            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (events.size() < 6 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
        } finally {
            a.close();
            b.close();
        }

        assertThat(events).extracting(e -> e.substring(2))
                .containsExactly("start 1", "end 1", "start 2", "end 2", "start 3", "end 3");
    }

    @Test
    void aLostLaneLeaseIsLoggedWithoutTheUsersId() throws Exception {
        RedisKeys keys = new RedisKeys(RealRedis.freshPrefix());
        UpdateLanes lanes = new UpdateLanes(redis, keys, Duration.ofMinutes(5), Duration.ofSeconds(30));
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(UpdateDispatcher.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        List<String> handled = new CopyOnWriteArrayList<>();
        UpdateDispatcher d = new UpdateDispatcher(lanes, TelegramConfig.telegramJson(), new UpdateRoutes(java.util.Set.of()), u -> {
            redis.delete(lanes.lockKey("buyer:4242")); // another instance took the lane over
            handled.add("h" + u.getUpdateId());
        }, 1, Duration.ofMillis(200));
        d.start();
        try {
            d.accept(update(7));
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (seen.list.stream().noneMatch(e -> e.getFormattedMessage().contains("lost the lease"))
                    && System.nanoTime() < end) {
                Thread.sleep(20);
            }
        } finally {
            d.close();
            logger.detachAppender(seen);
        }

        assertThat(handled).contains("h7");
        assertThat(seen.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains("lost the lease")).noneMatch(m -> m.contains("4242"));
    }

    private UpdateDispatcher dispatcher(UpdateLanes lanes, UpdateRoutes routes, String name, List<String> events) {
        return new UpdateDispatcher(lanes, TelegramConfig.telegramJson(), routes, u -> {
            events.add(name + " start " + u.getUpdateId());
            try {
                Thread.sleep(u.getUpdateId() == 1 ? 1000 : 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.add(name + " end " + u.getUpdateId());
        }, 2, Duration.ofMillis(200));
    }

    private static Update update(int id) throws Exception {
        return TelegramConfig.telegramJson().readValue("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1, "text": "hi",
                 "chat": {"id": 4242, "type": "private"}, "from": {"id": 4242, "is_bot": false, "first_name": "a"}}}
                """.formatted(id, id), Update.class);
    }
}
