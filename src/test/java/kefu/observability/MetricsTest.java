package kefu.observability;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import kefu.conversation.ConversationKey;
import kefu.conversation.Intent;
import kefu.conversation.events.ConversationEvent;
import kefu.session.MeteredRedisTemplate;
import kefu.shop.CircuitBreakingShopGateway;
import kefu.shop.MeteredShopGateway;
import kefu.shop.ShopBreaker;
import kefu.shop.ShopBreakerProperties;
import kefu.shop.ShopGateway;
import kefu.shop.ShopUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kefu_* metrics as Prometheus scrapes them: names, closed label sets, and nothing about the buyer. */
class MetricsTest {

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConversationKey buyer = new ConversationKey("tg", "5550001234");
    private final Instant now = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void conversationEventsBecomeCountersAndHistogramsWithoutBuyerData() {
        ConversationMetrics metrics = new ConversationMetrics(prometheus);

        metrics.on(new ConversationEvent.TurnAnswered(buyer, now, Intent.FAQ, ConversationEvent.TurnOutcome.ANSWERED,
                "topup-arrival-time", Duration.ofMillis(12)));
        metrics.on(new ConversationEvent.TurnAnswered(buyer, now, Intent.FAQ, ConversationEvent.TurnOutcome.ANSWERED,
                null, Duration.ofMillis(30)));
        metrics.on(new ConversationEvent.FallbackGiven(buyer, now, "我的手机号13800138000怎么还没到",
                ConversationEvent.FallbackKind.NO_MATCH));
        metrics.on(new ConversationEvent.HandedOver(buyer, now, "asked"));
        metrics.on(new ConversationEvent.StaffJoined(buyer, now, "agent-7", Duration.ofSeconds(42)));
        metrics.on(new ConversationEvent.StaffReplied(buyer, now, "agent-7", Duration.ofSeconds(50)));
        metrics.on(new ConversationEvent.StaffReplied(buyer, now, "agent-7", null));
        metrics.on(new ConversationEvent.Rated(buyer, now, "agent-7", 5));
        metrics.on(new ConversationEvent.OrderUrged(buyer, now, "K2026112400004"));

        String scrape = prometheus.scrape();
        assertThat(MetricsText.value(scrape, "kefu_turns_total", "intent=\"faq\"", "channel=\"tg\"",
                "outcome=\"answered\"")).isEqualTo(2);
        assertThat(MetricsText.value(scrape, "kefu_turn_latency_seconds_count", "channel=\"tg\"")).isEqualTo(2);
        assertThat(scrape).contains("kefu_turn_latency_seconds_bucket");
        assertThat(MetricsText.value(scrape, "kefu_fallbacks_total", "kind=\"no_match\"")).isEqualTo(1);
        assertThat(MetricsText.value(scrape, "kefu_handoffs_total", "reason=\"asked\"")).isEqualTo(1);
        assertThat(MetricsText.value(scrape, "kefu_handoff_wait_seconds_sum")).isEqualTo(42);
        assertThat(MetricsText.value(scrape, "kefu_staff_first_reply_seconds_count"))
                .as("only the first reply after a handover is timed").isEqualTo(1);
        assertThat(MetricsText.value(scrape, "kefu_ratings_sum")).isEqualTo(5);
        assertThat(MetricsText.value(scrape, "kefu_orders_urged_total")).isEqualTo(1);
        assertThat(scrape).doesNotContain("5550001234", "agent-7", "K2026112400004", "13800138000",
                "topup-arrival-time");
    }

    @Test
    void shopCallsAreTimedByOperationAndOutcomeAndAnOpenBreakerIsDegradedNotDown() {
        ShopGateway failing = (ShopGateway) Proxy.newProxyInstance(ShopGateway.class.getClassLoader(),
                new Class<?>[] {ShopGateway.class}, (p, m, a) -> {
                    if ("order".equals(m.getName()) && "K2026112400001".equals(a[0])) {
                        return Optional.empty();
                    }
                    throw new ShopUnavailableException("shop down");
                });
        CircuitBreakingShopGateway breaker = new CircuitBreakingShopGateway(
                MeteredShopGateway.wrap(failing, prometheus), new ShopBreakerProperties(2, Duration.ofMinutes(1)),
                Clock.systemUTC());
        HealthIndicator health = new ObservabilityConfig().shopHealthIndicator(new ShopBreaker(breaker));
        new ObservabilityConfig().shopBreakerGauge(new ShopBreaker(breaker), prometheus);

        assertThat(breaker.order("K2026112400001")).isEmpty();
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> breaker.order("K2026112400002")).isInstanceOf(ShopUnavailableException.class);
        }

        assertThat(breaker.state()).isEqualTo(CircuitBreakingShopGateway.State.OPEN);
        assertThat(health.health().getStatus()).isEqualTo(ObservabilityConfig.DEGRADED);
        String scrape = prometheus.scrape();
        assertThat(MetricsText.value(scrape, "kefu_shop_calls_seconds_count", "operation=\"order\"",
                "outcome=\"ok\"")).isEqualTo(1);
        assertThat(MetricsText.value(scrape, "kefu_shop_calls_seconds_count", "operation=\"order\"",
                "outcome=\"unavailable\"")).isEqualTo(2);
        assertThat(MetricsText.value(scrape, "kefu_shop_breaker_state")).isEqualTo(2);
        assertThat(scrape).doesNotContain("K20261124");
    }

    @Test
    void aRedisThatDoesNotAnswerIsCountedAsAConnectionError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        JedisConnectionFactory factory = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort));
        factory.start();
        try {
            MeteredRedisTemplate redis = new MeteredRedisTemplate(factory, prometheus);
            redis.afterPropertiesSet();

            assertThatThrownBy(() -> redis.opsForValue().get("k")).isInstanceOf(RedisConnectionFailureException.class);

            assertThat(MetricsText.value(prometheus.scrape(), "kefu_redis_errors_total", "kind=\"connection\""))
                    .isEqualTo(1);
        } finally {
            factory.destroy();
        }
    }
}
