package kefu.channel.telegram;

import kefu.session.RedisKeys;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis lanes on their own: one queueing per update id, one drainer per lane, takeover after a crash. */
class UpdateLanesTest extends TelegramBotTest {

    @Autowired
    StringRedisTemplate redis;

    private UpdateLanes lanes(Duration lease) {
        return new UpdateLanes(redis, new RedisKeys(RealRedis.freshPrefix()), Duration.ofMinutes(5), lease);
    }

    @Test
    void anUpdateIdIsQueuedOnce() {
        UpdateLanes lanes = lanes(Duration.ofSeconds(30));

        assertThat(lanes.enqueue("buyer:1", 42, "{\"update_id\":42}")).isTrue();
        assertThat(lanes.enqueue("buyer:1", 42, "{\"update_id\":42}")).isFalse();

        Optional<String> token = lanes.take("buyer:1");
        assertThat(lanes.head("buyer:1")).contains("{\"update_id\":42}");
        lanes.done("buyer:1", token.orElseThrow());
        assertThat(lanes.head("buyer:1")).isEmpty();
        assertThat(lanes.release("buyer:1", token.get())).isZero();
        assertThat(lanes.pending()).doesNotContain("buyer:1");
    }

    @Test
    void onlyOneInstanceDrainsALaneAndAStoppedOneIsTakenOverAfterItsLease() throws Exception {
        UpdateLanes lanes = lanes(Duration.ofMillis(300));
        lanes.enqueue("buyer:2", 7, "{\"update_id\":7}");

        Optional<String> first = lanes.take("buyer:2");
        assertThat(first).isPresent();
        assertThat(lanes.take("buyer:2")).isEmpty();

        // The first instance stops without releasing; its update is still waiting and listed as pending.
        Thread.sleep(400);
        assertThat(lanes.pending()).contains("buyer:2");
        Optional<String> second = lanes.take("buyer:2");
        assertThat(second).isPresent();
        assertThat(lanes.head("buyer:2")).contains("{\"update_id\":7}");
    }
}
