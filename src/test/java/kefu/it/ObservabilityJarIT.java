package kefu.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kefu.channel.telegram.BotApiTestServer;
import kefu.observability.MetricsText;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serving modes from the packaged jar expose health and Prometheus metrics on the loopback management
 * port, scraped here over HTTP as Prometheus and a load balancer's probe would.
 */
class ObservabilityJarIT {

    private static final Duration START = Duration.ofSeconds(420);
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void webhookModeServesHealthAndMetricsOnTheManagementPortAndLogsJson() throws Exception {
        Path workDir = Files.createTempDirectory("kefu-obs");
        String secret = "obs-" + ThreadLocalRandom.current().nextInt(1_000_000);
        int webhookPort = ServingJar.freePort();
        long buyer = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
        try (BotApiTestServer api = new BotApiTestServer();
             ServingJar bot = new ServingJar(List.of("telegram"), Map.of(
                     "KEFU_TELEGRAM_TOKEN", "123456:TEST", "KEFU_TELEGRAM_API_URL", api.url(),
                     "KEFU_TELEGRAM_MODE", "webhook", "KEFU_TELEGRAM_WEBHOOK_PORT", String.valueOf(webhookPort),
                     "KEFU_TELEGRAM_WEBHOOK_URL", "https://bot.example.com/telegram/webhook",
                     "KEFU_TELEGRAM_WEBHOOK_SECRET", secret,
                     "KEFU_REDIS_URL", RealRedis.url(), "KEFU_REDIS_KEY_PREFIX", RealRedis.freshPrefix(),
                     "KEFU_LOG_FORMAT", "json"), workDir)) {
            bot.start().awaitReady(START);

            JsonNode readiness = json.readTree(bot.get("/actuator/health/readiness").body());
            assertThat(readiness.path("status").asText()).isEqualTo("UP");
            assertThat(readiness.path("components").fieldNames()).toIterable()
                    .contains("redis", "embedding", "shop", "readinessState");
            assertThat(bot.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

            assertThat(webhook(webhookPort, api.webhookText(buyer, "你好"), secret)).isEqualTo(200);
            assertThat(webhook(webhookPort, api.webhookText(buyer, "K2026112400004"), secret)).isEqualTo(200);
            assertThat(api.await("sendMessage", c -> c.chatId() == buyer, 2, Duration.ofSeconds(60))).hasSize(2);

            String metrics = bot.get("/actuator/prometheus").body();
            assertThat(MetricsText.value(metrics, "kefu_telegram_sends_total", "chat=\"private\"", "outcome=\"sent\""))
                    .as(() -> metrics.lines().filter(l -> l.startsWith("kefu_") && !l.contains("bucket")).toList().toString())
                    .isGreaterThanOrEqualTo(2);
            assertThat(MetricsText.value(metrics, "kefu_shop_calls_seconds_count", "outcome=\"ok\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(MetricsText.value(metrics, "kefu_turns_total", "channel=\"tg\"", "intent=\"greeting\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(MetricsText.value(metrics, "kefu_turn_latency_seconds_count", "channel=\"tg\""))
                    .isGreaterThanOrEqualTo(2);
            assertThat(metrics).contains("kefu_shop_calls_seconds_bucket", "kefu_shop_breaker_state",
                    "kefu_redis_errors_total", "kefu_handoff_queue_length");
            assertThat(metrics).as("no buyer id or order number in any label")
                    .doesNotContain(String.valueOf(buyer)).doesNotContain("K2026112400004");

            // The public webhook port serves the webhook only; health and metrics stay on loopback.
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhookPort
                    + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(404);

            List<String> lines = bot.log().lines().filter(l -> !l.isBlank()).toList();
            List<JsonNode> events = lines.stream().filter(l -> l.startsWith("{")).map(this::parse).toList();
            assertThat(events).as("every log line is one JSON object").hasSize(lines.size());
            assertThat(events).anyMatch(e -> e.path("message").asText().startsWith("turn chat="))
                    .allMatch(e -> e.has("@timestamp") && e.has("level") && e.has("logger_name"));
            assertThat(bot.log()).doesNotContain(String.valueOf(buyer));
        }
    }

    private int webhook(int port, ObjectNode update, String secret) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
