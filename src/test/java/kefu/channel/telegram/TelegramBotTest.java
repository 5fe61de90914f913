package kefu.channel.telegram;

import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of tests that run the whole application with the bot on long polling against one local Bot API server
 * (shared by all such tests, like their Spring context). Staff group -100777; user 900 is staff by config.
 */
@SpringBootTest(properties = {
        "kefu.command-runner.enabled=false",
        "kefu.telegram.token=123456:TEST",
        "kefu.telegram.poll-timeout=2s",
        "kefu.telegram.staff-chat-id=" + TelegramBotTest.STAFF_CHAT,
        "kefu.telegram.staff-ids=900",
        "kefu.telegram.sweep-interval=1s"})
@Import(TelegramTestBeans.class)
abstract class TelegramBotTest {

    static final long STAFF_CHAT = -100777L;
    static final BotApiTestServer api = new BotApiTestServer();
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PREFIX = RealRedis.freshPrefix();
    /** Where buyers' files are downloaded (its own folder below a temporary one, created by the bot). */
    static final java.nio.file.Path DOWNLOADS = RealRedis.tempDir("tg-files").resolve("downloads");
    /** The shared block-list file the bot reads; tests append to it. */
    static final java.nio.file.Path BLOCK_LIST = RealRedis.tempDir("tg-spam").resolve("blocked.txt");
    private static boolean started;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("kefu.redis.url", RealRedis::url);
        registry.add("kefu.redis.key-prefix", () -> PREFIX);
        registry.add("kefu.telegram.api-url", api::url);
        registry.add("kefu.telegram.download-dir", () -> DOWNLOADS.toString());
        registry.add("kefu.spam.block-list", () -> BLOCK_LIST.toString());
        registry.add("kefu.spam.block-list-reload", () -> "100ms");
    }

    @Autowired
    TelegramCommand command;

    @BeforeEach
    void startBotOnce() throws Exception {
        synchronized (TelegramBotTest.class) {
            if (!started) {
                assertThat(command.run(List.of())).isZero();
                // One round trip first: a cold JVM's first update takes seconds, which is no test's subject.
                long warm = newUser();
                api.privateText(warm, "#echo warm-up");
                assertThat(api.await("sendMessage", c -> c.ok() && c.chatId() == warm, 1, Duration.ofSeconds(60)))
                        .isNotEmpty();
                started = true;
            }
        }
    }

    static long newUser() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
    }
}
