package kefu.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A shop that fails over real HTTP: the breaker stops calling it, tries again later, and closes when it answers. */
class ShopCircuitBreakerTest {

    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicBoolean healthy = new AtomicBoolean(false);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private HttpServer server;
    private ShopGateway shop;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = (healthy.get() ? "{\"error\":\"not_found\"}" : "{\"error\":\"boom\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(healthy.get() ? 404 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        HttpShopGateway http = new HttpShopGateway(base, "kefu-bot", new RequestSigner("a-test-secret-of-32-characters!!"), Duration.ofSeconds(1),
                Duration.ofSeconds(2), new ObjectMapper().findAndRegisterModules(), clock);
        shop = new CircuitBreakingShopGateway(http, new ShopBreakerProperties(3, Duration.ofSeconds(30)), clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void afterThreeFailuresTheShopIsNotCalledUntilTheOpenPeriodEnds() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> shop.order("K2026112400001")).isInstanceOf(ShopUnavailableException.class);
        }
        int callsSoFar = hits.get();

        assertThatThrownBy(() -> shop.order("K2026112400001")).isInstanceOf(ShopUnavailableException.class)
                .hasMessageContaining("in a row");
        assertThat(hits.get()).as("an open breaker answers without calling the shop").isEqualTo(callsSoFar);

        clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> shop.order("K2026112400001")).isInstanceOf(ShopUnavailableException.class);
        assertThat(hits.get()).as("one trial call after the open period").isGreaterThan(callsSoFar);
        int afterTrial = hits.get();
        assertThatThrownBy(() -> shop.order("K2026112400001")).isInstanceOf(ShopUnavailableException.class);
        assertThat(hits.get()).as("a failed trial opens the breaker again").isEqualTo(afterTrial);
    }

    @Test
    void aShopThatAnswersAgainClosesTheBreaker() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> shop.order("K2026112400001")).isInstanceOf(ShopUnavailableException.class);
        }
        healthy.set(true);
        clock.advance(Duration.ofSeconds(31));

        assertThat(shop.order("K2026112400001")).isEmpty();
        assertThat(shop.order("K2026112400002")).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
