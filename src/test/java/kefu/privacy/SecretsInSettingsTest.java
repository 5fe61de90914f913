package kefu.privacy;

import kefu.channel.telegram.TelegramProperties;
import kefu.shop.ShopProperties;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings objects end up in logs and error reports; the bot token, webhook secret and shop secret must not. */
class SecretsInSettingsTest {

    @Test
    void telegramSettingsPrintWithoutTokenOrWebhookSecret() {
        TelegramProperties props = new TelegramProperties("123456:AAE-very-secret-token", "https://api.telegram.org",
                TelegramProperties.Mode.WEBHOOK,
                new TelegramProperties.Webhook("https://bot.example.com/hook", "/telegram/webhook", 8443,
                        "hook-secret-42", 40, "127.0.0.1", Duration.ofSeconds(5), Duration.ofSeconds(15), 200, 50),
                -100L, List.of(), List.of(1L), List.of(), Duration.ofMinutes(10), 1024, Path.of("data"), 2, Duration.ofSeconds(50),
                Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofHours(24), Duration.ofDays(30), 8, null);

        assertThat(props.toString()).doesNotContain("very-secret-token").doesNotContain("hook-secret-42")
                .contains("api.telegram.org");
    }

    @Test
    void shopSettingsPrintWithoutTheSigningSecret() {
        ShopProperties props = new ShopProperties("https://shop.example.com", "key-1", "shop-signing-secret",
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(60), null, null, null, "http");

        assertThat(props.toString()).doesNotContain("shop-signing-secret").contains("key-1");
    }
}
