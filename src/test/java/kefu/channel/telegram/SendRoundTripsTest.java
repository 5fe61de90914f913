package kefu.channel.telegram;

import kefu.session.RedisKeys;
import kefu.testsupport.RealRedis;
import kefu.testsupport.RedisProcess;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.clients.jedis.Jedis;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one message costs Redis from queued to sent, counted by a redis-server of its own: queue, take the chat
 * with its first batch, the rate windows' take, the blocked-chat check, the windows' completion, done (and the
 * chat let go) — six round trips, where the queues before the shards took eleven.
 */
class SendRoundTripsTest {

    private static final int MESSAGES = 20;

    @Test
    void aMessageToAnIdleChatCostsSixRedisRoundTrips() throws Exception {
        try (RedisProcess redis = RedisProcess.server(Files.createTempDirectory("kefu-trips"));
             BotApiTestServer api = new BotApiTestServer()) {
            JedisConnectionFactory factory = new JedisConnectionFactory(
                    new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
            factory.afterPropertiesSet();
            factory.start();
            try {
                StringRedisTemplate template = new StringRedisTemplate(factory);
                template.afterPropertiesSet();
                RedisKeys keys = new RedisKeys(RealRedis.freshPrefix());
                TelegramProperties.Limits limits = new TelegramProperties.Limits(
                        new TelegramProperties.Limit(3, Duration.ofSeconds(3)),
                        new TelegramProperties.Limit(20, Duration.ofSeconds(60)),
                        new TelegramProperties.Limit(30, Duration.ofSeconds(1)), Duration.ofMillis(100));
                // No scan of the ready sets during the count: only what sending itself costs.
                OutboxProperties settings = new OutboxProperties(2, 0, 0, 40, 30, 20, Duration.ofHours(1));
                OutboundQueue queue = new OutboundQueue(template, keys, TelegramConfig.telegramJson(), 10_000);
                SendRateLimiter limiter = new SendRateLimiter(template, keys, limits);
                TelegramOutbox outbox = new TelegramOutbox(queue, settings);
                TelegramSender sender = api.sender(limiter, new BlockedChats(template, keys, Duration.ofDays(1)));
                OutboundSenders senders = new OutboundSenders(queue, limiter, sender, outbox, settings, 8);
                senders.start();
                try {
                    // Warm: the scripts are loaded once (EVALSHA after the first EVAL), the pool connected.
                    outbox.reply(1L, "warm", List.of());
                    api.await("sendMessage", c -> c.ok() && c.chatId() == 1L, 1, Duration.ofSeconds(20));
                    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (!queue.due(10).isEmpty() && System.nanoTime() < end) {
                        Thread.sleep(10); // the warm message's done, after Telegram's answer
                    }
                    List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
                    Jedis monitor = redis.jedis();
                    Thread watch = new Thread(() -> {
                        try {
                            monitor.monitor(new redis.clients.jedis.JedisMonitor() {
                                @Override
                                public void onCommand(String command) {
                                    seen.add(command);
                                }
                            });
                        } catch (RuntimeException closed) {
                            // the connection is closed when the count is done
                        }
                    });
                    watch.setDaemon(true);
                    watch.start();
                    Thread.sleep(300);
                    for (int i = 0; i < MESSAGES; i++) {
                        long chat = 1_000 + i;
                        outbox.reply(chat, "m" + i, List.of());
                        assertThat(api.await("sendMessage", c -> c.ok() && c.chatId() == chat, 1,
                                Duration.ofSeconds(20))).hasSize(1);
                    }
                    Thread.sleep(300);
                    monitor.close();
                    // What clients sent, not the commands scripts ran inside Redis ("[0 lua]").
                    List<String> sent = List.copyOf(seen).stream().filter(c -> !c.contains(" lua]")).toList();
                    double perMessage = sent.size() / (double) MESSAGES;
                    sent.stream().map(c -> c.replaceAll("^[0-9.]+ \\[[^]]*\\] ", "").split(" ")[0])
                            .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting()))
                            .forEach((c, n) -> System.out.println("SEND command " + c + " x" + n));
                    System.out.printf("SEND round trips per message: %.2f%n", perMessage);
                    assertThat(perMessage).as("Redis commands per message sent").isLessThanOrEqualTo(6.0);
                } finally {
                    senders.close();
                }
            } finally {
                factory.destroy();
            }
        }
    }

}
