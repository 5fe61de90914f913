package kefu.channel.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import kefu.session.RedisKeys;
import kefu.testsupport.RealRedis;
import kefu.testsupport.RedisProcess;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The senders while their Redis is down: the outage is logged once, the queues are looked at less and less
 * often (not every 50 ms), its end is logged once, and what is queued afterwards is sent.
 */
class SendQueueOutageTest {

    private static final long CHAT = 4_242_424_242L;

    @Test
    void anOutageIsLoggedOnceTriedLessAndLessOftenAndSendingGoesOnAfterIt() throws Exception {
        Path dir = Files.createTempDirectory("kefu-outage");
        RedisProcess redis = RedisProcess.server(dir);
        int port = redis.port();
        JedisConnectionFactory factory = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
                JedisClientConfiguration.builder().connectTimeout(Duration.ofMillis(300))
                        .readTimeout(Duration.ofMillis(300)).build());
        factory.afterPropertiesSet();
        factory.start();
        StringRedisTemplate template = new StringRedisTemplate(factory);
        template.afterPropertiesSet();
        RedisKeys keys = new RedisKeys(RealRedis.freshPrefix());
        TelegramProperties.Limits limits = new TelegramProperties.Limits(
                new TelegramProperties.Limit(3, Duration.ofSeconds(3)), new TelegramProperties.Limit(20, Duration.ofSeconds(60)),
                new TelegramProperties.Limit(30, Duration.ofSeconds(1)), Duration.ofMillis(100));
        OutboxProperties settings = new OutboxProperties(2, 0, 0, 40, 30, 20, Duration.ofMillis(50));
        OutboundQueue queue = new OutboundQueue(template, keys, TelegramConfig.telegramJson(), 10_000);
        SendRateLimiter limiter = new SendRateLimiter(template, keys, limits);
        TelegramOutbox outbox = new TelegramOutbox(queue, settings);

        Logger logger = (Logger) LoggerFactory.getLogger(OutboundSenders.class);
        Level before = logger.getLevel();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        logger.setLevel(Level.DEBUG);
        RedisProcess again = null;
        try (BotApiTestServer api = new BotApiTestServer()) {
            TelegramSender sender = api.sender(limiter, new BlockedChats(template, keys, Duration.ofDays(1)));
            OutboundSenders senders = new OutboundSenders(queue, limiter, sender, outbox, settings, 8);
            senders.start();
            try {
                outbox.reply(CHAT, "before", List.of());
                assertThat(api.await("sendMessage", c -> c.ok() && c.chatId() == CHAT, 1, Duration.ofSeconds(20)))
                        .hasSize(1);

                redis.kill();
                long down = System.nanoTime();
                waitFor(() -> count(logged, Level.WARN, "unreachable") == 1, Duration.ofSeconds(10));
                // Three seconds of outage: every 50 ms would be some 60 looks; doubling from 50 ms gives about 6.
                Thread.sleep(Math.max(0, 3_000 - (System.nanoTime() - down) / 1_000_000));
                long looks = count(logged, Level.DEBUG, "still unreachable");
                assertThat(looks).as("looks at the queues in 3 s of outage").isBetween(2L, 12L);
                assertThat(count(logged, Level.WARN, "unreachable")).as("warnings for one outage").isEqualTo(1);

                again = RedisProcess.server(dir, port);
                waitFor(() -> count(logged, Level.INFO, "reachable again") == 1, Duration.ofSeconds(20));
                outbox.reply(CHAT, "after", List.of());
                assertThat(api.await("sendMessage", c -> c.ok() && c.chatId() == CHAT, 2, Duration.ofSeconds(20)))
                        .extracting(BotApiTestServer.Call::text).containsExactly("before", "after");
                assertThat(count(logged, Level.WARN, "unreachable")).isEqualTo(1);
            } finally {
                senders.close();
            }
        } finally {
            logger.detachAppender(logged);
            logger.setLevel(before);
            factory.destroy();
            redis.close();
            if (again != null) {
                again.close();
            }
        }
    }

    private static long count(ListAppender<ILoggingEvent> logged, Level level, String words) {
        return List.copyOf(logged.list).stream()
                .filter(e -> e.getLevel() == level && e.getFormattedMessage().contains(words)).count();
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + timeout).isLessThan(end);
            Thread.sleep(20);
        }
    }
}
