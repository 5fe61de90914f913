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
        UpdateRoutes routes = new UpdateRoutes(null);
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
