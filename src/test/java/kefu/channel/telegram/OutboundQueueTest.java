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
    private static StringRedisTemplate redis;
    private static RedisKeys keys;
    private static final long GROUP = -100123L;

    @BeforeAll
    static void connect() {
        URI uri = URI.create(RealRedis.url());
        factory = new JedisConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        redis.afterPropertiesSet();
        keys = new RedisKeys(RealRedis.freshPrefix());
        queue = new OutboundQueue(redis, keys, TelegramConfig.telegramJson(), 10_000);
    }

    @AfterAll
    static void close() {
        factory.destroy();
    }

    @Test
    void urgentFirstThenTheTopicWhoseOldestMessageIsOldestEachInOrder() {
        long before = queue.depth(true);
        queue.enqueue(GROUP, Outbound.text(Outbound.Kind.CARD, 7, "card 7", List.of(new Button("接手", "staff:claim"))), 0);
        queue.enqueue(GROUP, Outbound.relay(8, "relay 8a", "head", "8a"), 40);
        queue.enqueue(GROUP, Outbound.relay(7, "relay 7a", "head", "7a"), 40);
        queue.enqueue(GROUP, Outbound.relay(7, "relay 7b", "head", "7b"), 40);
        queue.enqueue(GROUP, Outbound.text(Outbound.Kind.URGENT, 0, "queue listing", List.of()), 0);

        assertThat(queue.depth(true)).isEqualTo(before + 5);

        List<String> sent = new ArrayList<>();
        OutboundQueue.Hold hold = queue.take(GROUP, 20);
        for (OutboundQueue.Batch batch = hold.batch(); batch != null; ) {
            // What a sender posts as one: a card or relay with the relays queued right behind it.
            List<Outbound> items = batch.items();
            int n = batch.urgent() ? 1 : (int) items.stream().takeWhile(o -> o == items.get(0)
                    || o.kind() == Outbound.Kind.RELAY).count();
            sent.add(OutboundSenders.text(batch.items(), n));
            batch = queue.done(GROUP, hold.token(), batch, n, 20);
        }

        assertThat(sent).containsExactly("queue listing", "card 7\n\nhead\n7a\n7b", "relay 8a");
        assertThat(queue.depth(GROUP)).isZero();
        assertThat(queue.depth(true)).isEqualTo(before);
        assertThat(queue.due(10)).doesNotContain(GROUP);
        assertThat(queue.take(GROUP, 20)).as("an empty chat, let go").isNull();
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
        queue.enqueue(chat, Outbound.text(Outbound.Kind.REPLY, 0, "hi", List.of()), 0);
        OutboundQueue.Hold hold = queue.take(chat, 20);
        assertThat(hold).isNotNull();
        assertThat(queue.take(chat, 20)).isNull();
        queue.release(chat, hold.token());
        assertThat(queue.take(chat, 20)).isNotNull();
    }

    @Test
    void aChatPutOffIsNotDueUntilItsTimeUnlessAnUrgentMessageComes() {
        long group = GROUP - 2;
        queue.enqueue(group, Outbound.relay(3, "r1", "h", "1"), 40);
        OutboundQueue.Hold hold = queue.take(group, 20);
        assertThat(queue.later(group, hold.token(), System.currentTimeMillis() + 60_000, false)).isNull();

        queue.enqueue(group, Outbound.relay(3, "r2", "h", "2"), 40);
        assertThat(queue.due(100)).doesNotContain(group);
        assertThat(queue.take(group, 20)).as("put off").isNull();

        queue.enqueue(group, Outbound.text(Outbound.Kind.URGENT, 0, "/queue answer", List.of()), 0);
        assertThat(queue.due(100)).contains(group);
        OutboundQueue.Hold urgent = queue.take(group, 20);
        assertThat(urgent.batch().urgent()).isTrue();
        assertThat(urgent.batch().items().get(0).text()).isEqualTo("/queue answer");
    }

    @Test
    void whatAVersionBeforeTheShardsQueuedIsSentFirst() {
        long chat = 515151L;
        String old = keys.named("tg-out", "{" + chat + "}:");
        redis.opsForList().rightPush(old + "t:0", "3|" + json(Outbound.text(Outbound.Kind.REPLY, 0, "old reply", List.of())));
        redis.opsForZSet().add(old + "heads", "0", 3);
        redis.opsForValue().set(old + "seq", "3");
        redis.opsForZSet().add(keys.named("tg-out", "ready"), String.valueOf(chat), 1);
        queue.enqueue(chat, Outbound.text(Outbound.Kind.REPLY, 0, "new reply", List.of()), 0);

        assertThat(queue.adoptLegacy()).isEqualTo(1);

        OutboundQueue.Hold hold = queue.take(chat, 20);
        assertThat(hold.batch().items()).extracting(Outbound::text).containsExactly("old reply", "new reply");
        assertThat(redis.hasKey(old + "t:0")).isFalse();
        assertThat(redis.opsForZSet().size(keys.named("tg-out", "ready"))).isZero();
    }

    private static String json(Outbound o) {
        try {
            return TelegramConfig.telegramJson().writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
