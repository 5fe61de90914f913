package kefu.channel.telegram;

import kefu.testsupport.RealRedis;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every Telegram test's application needs: real Redis under a key prefix of its own, the Bot API test
 * server, and a folder for buyers' files. Called from the class's {@code @DynamicPropertySource}.
 */
final class TelegramTestContext {

    private TelegramTestContext() {
    }

    static void register(DynamicPropertyRegistry registry, BotApiTestServer api, String name) {
        String prefix = RealRedis.freshPrefix();
        registry.add("kefu.redis.url", RealRedis::url);
        registry.add("kefu.redis.key-prefix", () -> prefix);
        registry.add("kefu.telegram.api-url", api::url);
        registry.add("kefu.telegram.download-dir", () -> RealRedis.tempDir(name).toString());
    }
}
