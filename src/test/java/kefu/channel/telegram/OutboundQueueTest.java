package kefu.channel.telegram;

import kefu.conversation.Button;
import kefu.session.RedisKeys;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The send queues on the real Redis: what goes next, in which order, and what is refused. */
class OutboundQueueTest {

    private static JedisConnectionFactory factory;
    private static OutboundQueue queue;
    private static final long GROUP = -100123L;

    @BeforeAll
    static void connect() {
        URI uri = URI.create(RealRedis.url());
        factory = new JedisConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        StringRedisTemplate redis = new StringRedisTemplate(factory);
        redis.afterPropertiesSet();
        queue = new OutboundQueue(redis, new RedisKeys(RealRedis.freshPrefix()), TelegramConfig.telegramJson());
    }

    @AfterAll
    static void close() {
        factory.destroy();
    }

    @Test
    void urgentFirstThenTheTopicWhoseOldestMessageIsOldestEachInOrder() {
        queue.enqueue(GROUP, Outbound.text(Outbound.Kind.CARD, 7, "card 7", List.of(new Button("接手", "staff:claim"))), 0);
        queue.enqueue(GROUP, Outbound.relay(8, "relay 8a", "head", "8a"), 40);
        queue.enqueue(GROUP, Outbound.relay(7, "relay 7a", "head", "7a"), 40);
        queue.enqueue(GROUP, Outbound.relay(7, "relay 7b", "head", "7b"), 40);
        queue.enqueue(GROUP, Outbound.text(Outbound.Kind.URGENT, 0, "queue listing", List.of()), 0);

        List<String> sent = new ArrayList<>();
        for (OutboundQueue.Batch batch = queue.peek(GROUP, 20); batch != null; batch = queue.peek(GROUP, 20)) {
            // What a sender posts as one: a card or relay with the relays queued right behind it.
            List<Outbound> items = batch.items();
            int n = batch.urgent() ? 1 : (int) items.stream().takeWhile(o -> o == items.get(0)
                    || o.kind() == Outbound.Kind.RELAY).count();
            sent.add(OutboundSenders.text(batch.items(), n));
            queue.done(GROUP, batch, n);
        }

        assertThat(sent).containsExactly("queue listing", "card 7\n\nhead\n7a\n7b", "relay 8a");
        assertThat(queue.idle(GROUP)).isTrue();
        assertThat(queue.depth(GROUP)).isZero();
    }

    @Test
    void aSecondCardWaitsNeverAndRelaysStopAtTheCap() {
        long group = GROUP - 1;
        assertThat(queue.enqueue(group, Outbound.text(Outbound.Kind.CARD, 9, "card", List.of()), 0)).isTrue();
        assertThat(queue.enqueue(group, Outbound.text(Outbound.Kind.CARD, 9, "card again", List.of()), 0)).isFalse();
        assertThat(queue.enqueue(group, Outbound.relay(9, "r1", "h", "1"), 3)).isTrue();
        assertThat(queue.enqueue(group, Outbound.relay(9, "r2", "h", "2"), 3)).isTrue();
        assertThat(queue.enqueue(group, Outbound.relay(9, "r3", "h", "3"), 3)).isFalse();
        assertThat(queue.depth(group)).isEqualTo(3);

        queue.clear(group);
        assertThat(queue.enqueue(group, Outbound.text(Outbound.Kind.CARD, 9, "card after", List.of()), 0)).isTrue();
    }

    @Test
    void oneSenderAtATimeHoldsAChat() {
        long chat = 424242L;
        String token = queue.claim(chat, 10_000);
        assertThat(token).isNotNull();
        assertThat(queue.claim(chat, 10_000)).isNull();
        queue.release(chat, token);
        assertThat(queue.claim(chat, 10_000)).isNotNull();
    }
}
