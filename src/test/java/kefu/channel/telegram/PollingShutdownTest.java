package kefu.channel.telegram;

import kefu.KefuApplication;
import kefu.conversation.Intent;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnInterceptor;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the bot (what SIGTERM does: the context closes) while updates are being handled loses none and
 * answers none twice: the next instance finishes what the stopped one had taken but not handled.
 */
class PollingShutdownTest {

    static final BotApiTestServer api = new BotApiTestServer();

    @AfterAll
    static void stopServer() {
        api.close();
    }

    /** Every "#slow N" takes a while, so the stop comes while turns are in flight. */
    @Configuration(proxyBeanMethods = false)
    static class SlowTurns {
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        TurnInterceptor slowForTests() {
            return ctx -> {
                String text = ctx.turn().trimmedText();
                if (!text.startsWith("#slow ")) {
                    return Optional.empty();
                }
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of(Outcome.of(ctx.state(), Intent.FALLBACK, 1.0, Reply.of("done " + text.substring(6))));
            };
        }
    }

    @Test
    void updatesTakenBeforeAStopAreAnsweredOnceAfterIt() throws Exception {
        String prefix = RealRedis.freshPrefix();
        long[] buyers = {newUser(), newUser(), newUser()};
        int perBuyer = 10;
        for (int i = 0; i < perBuyer; i++) {
            for (long buyer : buyers) {
                api.privateText(buyer, "#slow " + buyer + "-" + i);
            }
        }

        ConfigurableApplicationContext first = start(prefix);
        api.await("sendMessage", c -> c.text().startsWith("done "), 3, Duration.ofSeconds(15));
        first.close();
        int answeredByFirst = (int) api.calls("sendMessage").stream().filter(c -> c.text().startsWith("done ")).count();

        try (ConfigurableApplicationContext second = start(prefix)) {
            api.await("sendMessage", c -> c.text().startsWith("done "), buyers.length * perBuyer, Duration.ofSeconds(30));
        }

        assertThat(answeredByFirst).as("the stop came while turns were still waiting").isLessThan(buyers.length * perBuyer);
        for (long buyer : buyers) {
            List<String> answers = api.sentTo(buyer).stream().filter(t -> t.startsWith("done ")).toList();
            List<String> expected = java.util.stream.IntStream.range(0, perBuyer)
                    .mapToObj(i -> "done " + buyer + "-" + i).toList();
            assertThat(answers).as("every update answered once, in order").containsExactlyElementsOf(expected);
        }
    }

    private static ConfigurableApplicationContext start(String prefix) throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(KefuApplication.class, SlowTurns.class)
                .web(WebApplicationType.NONE)
                .run("--kefu.command-runner.enabled=false", "--kefu.redis.url=" + RealRedis.url(),
                        "--kefu.redis.key-prefix=" + prefix, "--kefu.telegram.token=123456:SHUTDOWN",
                        "--kefu.telegram.api-url=" + api.url(), "--kefu.telegram.poll-timeout=1s",
                        "--kefu.telegram.sweep-interval=1s", "--kefu.session.flood-max-turns=100",
                        "--kefu.telegram.download-dir=" + RealRedis.tempDir("tg-stop"));
        assertThat(app.getBean(TelegramCommand.class).run(List.of())).isZero();
        return app;
    }

    private static long newUser() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
    }
}
