package kefu.channel.telegram;

import kefu.session.RedisKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two sender instances sharing one Redis send a burst of 300 messages to 50 chats; the Bot API server's
 * arrival times show no limit exceeded. The group window is scaled down (4 per 5 s instead of 20 per minute)
 * so that it binds within a test of a few seconds; the per-chat and global limits are Telegram's.
 */
class SendRateLimitTest extends TelegramBotTest {

    static final TelegramProperties.Limit PER_CHAT = new TelegramProperties.Limit(3, Duration.ofSeconds(3));
    static final TelegramProperties.Limit PER_GROUP = new TelegramProperties.Limit(4, Duration.ofSeconds(5));
    static final TelegramProperties.Limit GLOBAL = new TelegramProperties.Limit(30, Duration.ofSeconds(1));

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisKeys keys;
    @Autowired
    BlockedChats blocked;

    @Test
    void burstOf300MessagesTo50ChatsFromTwoInstancesStaysWithinEveryLimit() throws Exception {
        var limits = new TelegramProperties.Limits(PER_CHAT, PER_GROUP, GLOBAL, Duration.ofMillis(100));
        List<TelegramSender> instances = List.of(sender(limits), sender(limits));
        long base = 50_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            chats.add(base + i);
        }
        for (int i = 0; i < 5; i++) {
            chats.add(-(base + i));
        }

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<?>> sends = new ArrayList<>();
        for (int c = 0; c < chats.size(); c++) {
            long chat = chats.get(c);
            int instance = c;
            sends.add(pool.submit(() -> {
                for (int m = 0; m < 6; m++) {
                    // Each message of a chat goes out through one instance or the other.
                    assertThat(instances.get((instance + m) % 2).send(chat, null, "burst " + m, List.of()))
                            .isEqualTo(TelegramSender.Delivery.SENT);
                }
                return null;
            }));
        }
        for (Future<?> f : sends) {
            f.get();
        }
        pool.shutdown();
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        Set<Long> ours = Set.copyOf(chats);
        List<BotApiTestServer.Call> delivered = api.calls("sendMessage").stream()
                .filter(c -> c.ok() && ours.contains(c.chatId())).toList();
        assertThat(delivered).hasSize(300);
        Map<Long, List<Long>> byChat = delivered.stream().collect(Collectors.groupingBy(BotApiTestServer.Call::chatId,
                Collectors.mapping(BotApiTestServer.Call::atNanos, Collectors.toList())));
        assertThat(violations(delivered.stream().map(BotApiTestServer.Call::atNanos).toList(), GLOBAL)).isZero();
        byChat.forEach((chat, times) -> {
            assertThat(times).hasSize(6);
            assertThat(violations(times, PER_CHAT)).as("chat %s", chat).isZero();
            if (chat < 0) {
                assertThat(violations(times, PER_GROUP)).as("group %s", chat).isZero();
            }
        });
        // 300 messages at 30/s cannot take less than ~9 s; far longer would mean the limiter over-throttles.
        assertThat(tookMs).isBetween(9_000L, 25_000L);
        System.out.printf("burst of 300 to 50 chats: %d ms%n", tookMs);
    }

    /** How many times more than {@code limit.messages()} arrived within one window. */
    static int violations(List<Long> arrivals, TelegramProperties.Limit limit) {
        List<Long> sorted = arrivals.stream().sorted().toList();
        long window = limit.window().toNanos();
        int bad = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) >= window) {
                from++;
            }
            if (to - from + 1 > limit.messages()) {
                bad++;
            }
        }
        return bad;
    }

    /** Staff posts and receipts leave part of the overall window to buyers' answers: a burst of them cannot fill it. */
    @Test
    void rationedMessagesLeaveTheGlobalReserveToAnswers() {
        // A long window, so that nothing slides out of it while the test runs.
        var limits = new TelegramProperties.Limits(PER_CHAT, PER_GROUP,
                new TelegramProperties.Limit(30, Duration.ofMinutes(1)), Duration.ZERO);
        // Its own window keys: the other test of this class draws from this class's global window.
        SendRateLimiter limiter = new SendRateLimiter(redis, new RedisKeys(keys.prefix() + "reserve-"
                + ThreadLocalRandom.current().nextInt(1_000_000) + ":"), limits);
        long base = 60_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        int rationed = 0;
        for (int i = 0; i < 25; i++) {
            if (limiter.tryAcquire(base + i, 0, 10).granted()) {
                rationed++;
            }
        }
        int answers = 0;
        for (int i = 25; i < 40; i++) {
            if (limiter.tryAcquire(base + i, 0, 0).granted()) {
                answers++;
            }
        }
        assertThat(rationed).as("rationed messages stop at the window less the reserve").isEqualTo(20);
        assertThat(answers).as("answers still get the reserved slots, and no more").isEqualTo(10);
        assertThat(limiter.tryAcquire(base + 99, 0, 10).waitMillis()).as("and the rationed are told to wait")
                .isPositive();
    }

    private TelegramSender sender(TelegramProperties.Limits limits) {
        var telegramUrl = new org.telegram.telegrambots.meta.TelegramUrl("http", "127.0.0.1",
                Integer.parseInt(api.url().substring(api.url().lastIndexOf(':') + 1)), false);
        var client = new OkHttpTelegramClient(TelegramConfig.telegramJson(), TelegramConfig.sendingHttpClient(), "123456:TEST",
                telegramUrl);
        return new TelegramSender(client, new SendRateLimiter(redis, keys, limits), blocked, 8);
    }
}
