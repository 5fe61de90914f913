package kefu.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kefu.handoff.HandoffQueue;
import kefu.nlu.TextEmbedder;
import kefu.shop.CircuitBreakingShopGateway;
import kefu.shop.ShopBreaker;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Health and gauges for the management port (see docs/deploy.md#monitoring). Readiness is Redis (Boot's own
 * {@code redis} indicator), the embedding model and the shop; an open shop breaker reports {@code DEGRADED},
 * which is still ready: the bot answers help-center questions and explains that order actions are down.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
@org.springframework.boot.context.properties.EnableConfigurationProperties(OpsProperties.class)
public class ObservabilityConfig {

    /** A shop whose breaker is open: reported, but the bot still serves (HTTP 200). */
    public static final Status DEGRADED = new Status("DEGRADED", "the shop's circuit breaker is open");

    /** Picked up by the core's event fan-out with every other {@code ConversationEventListener}. */
    @Bean
    ConversationMetrics conversationMetrics(MeterRegistry meters) {
        return new ConversationMetrics(meters);
    }

    @Bean
    HealthIndicator embeddingHealthIndicator(TextEmbedder embedder) {
        return () -> {
            if (embedder.loaded()) {
                return Health.up().build();
            }
            if (embedder.failed()) {
                return Health.down().withDetail("model", "failed to load").build();
            }
            return Health.outOfService().withDetail("model", "loading").build();
        };
    }

    @Bean
    HealthIndicator shopHealthIndicator(ShopBreaker breaker) {
        return () -> {
            CircuitBreakingShopGateway.State state = breaker.state();
            return (state == CircuitBreakingShopGateway.State.OPEN ? Health.status(DEGRADED) : Health.up())
                    .withDetail("breaker", state.name().toLowerCase(java.util.Locale.ROOT)).build();
        };
    }

    /** {@code kefu_shop_breaker_state}: 0 closed, 1 half-open (one trial call may pass), 2 open. */
    @Bean
    Gauge shopBreakerGauge(ShopBreaker breaker, MeterRegistry meters) {
        return Gauge.builder("kefu.shop.breaker.state", breaker, b -> b.state().ordinal())
                .description("Shop circuit breaker: 0 closed, 1 half-open, 2 open").register(meters);
    }

    /** Read from Redis at each scrape: the queue is shared by every instance. */
    @Bean
    HandoffQueueGauges handoffQueueGauges(HandoffQueue queue, MeterRegistry meters, Clock clock) {
        return new HandoffQueueGauges(queue, meters, clock);
    }

    /** {@code kefu_handoff_queue_length} and {@code kefu_handoff_queue_oldest_wait_seconds}; NaN while Redis is down. */
    public record HandoffQueueGauges(HandoffQueue queue, MeterRegistry meters, Clock clock) {
        public HandoffQueueGauges {
            HandoffQueue q = queue;
            Clock c = clock;
            Gauge.builder("kefu.handoff.queue.length", q, x -> safely(() -> (double) x.size()))
                    .description("Buyers waiting for a person").register(meters);
            Gauge.builder("kefu.handoff.queue.oldest.wait", q, x -> safely(() -> x.oldest()
                            .map(since -> Duration.between(since, c.instant()).toMillis() / 1000.0).orElse(0.0)))
                    .baseUnit("seconds").description("How long the longest-waiting buyer has waited")
                    .register(meters);
        }

        private static double safely(java.util.function.Supplier<Double> read) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }
    }
}
