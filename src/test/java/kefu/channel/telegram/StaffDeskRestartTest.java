package kefu.channel.telegram;

import kefu.KefuApplication;
import kefu.conversation.ReplyTexts;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DeskScenario} with the bot stopped (as SIGTERM stops it) a second after the thirty buyers wrote, while
 * turns are in hand and the staff group is far behind, and a new instance started on the same Redis: nothing
 * is lost, nothing posted twice, every topic in order.
 */
class StaffDeskRestartTest {

    static final long STAFF_CHAT = -100778L;
    static final long STAFF = 901L;
    static final BotApiTestServer api = new BotApiTestServer();

    @AfterAll
    static void stopServer() {
        api.close();
    }

    @Test
    void aRestartInTheMiddleLosesAndRepeatsNothing() throws Exception {
        api.enforceLimits(3, Duration.ofSeconds(3), 20, StaffDeskLoadTest.GROUP_WINDOW);
        String prefix = RealRedis.freshPrefix();
        ConfigurableApplicationContext first = start(prefix);
        DeskScenario desk = new DeskScenario(api, first.getBean(ReplyTexts.class), STAFF_CHAT);
        double slower = desk.warmUp();

        desk.askAll();
        Thread.sleep(1_000);
        long stopping = System.nanoTime();
        first.close();
        long stopMs = (System.nanoTime() - stopping) / 1_000_000;

        try (ConfigurableApplicationContext second = start(prefix)) {
            List<Long> told = desk.toldMs(Duration.ofSeconds(60));
            long waiting = second.getBean(OutboundQueue.class).depth(STAFF_CHAT);
            BotApiTestServer.Call card = desk.firstCard();
            long replyMs = desk.staffReplyMs(card, STAFF);
            long queueMs = desk.queueMs(STAFF);
            List<BotApiTestServer.Call> posts = desk.awaitAllRelayed(Duration.ofSeconds(90));
            long drainedMs = (posts.get(posts.size() - 1).atNanos() - desk.started) / 1_000_000;
            desk.verifyTopics(posts);
            desk.verifyNoBotAnswers(desk.buyerOf(card.text()));
            assertThat(api.refusedWith429()).isZero();
            System.out.printf("DESK-RESTART machine-slowdown=%.1f stop-ms=%d told-ms median=%d max=%d waiting-after-restart=%d "
                            + "staff-reply-ms=%d queue-ms=%d drained-ms=%d staff-posts=%d%n", slower, stopMs,
                    told.get(told.size() / 2), told.get(told.size() - 1), waiting, replyMs, queueMs, drainedMs,
                    posts.size());
            assertThat(replyMs).as("a staff reply reaches the buyer within 5 s (x%.1f)", slower)
                    .isLessThan((long) (5_000 * slower));
            assertThat(queueMs).as("/queue is answered within 5 s (x%.1f)", slower).isLessThan((long) (5_000 * slower));
        }
    }

    private static ConfigurableApplicationContext start(String prefix) throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(KefuApplication.class)
                .web(WebApplicationType.NONE)
                .run("--kefu.command-runner.enabled=false", "--kefu.redis.url=" + RealRedis.url(),
                        "--kefu.redis.key-prefix=" + prefix, "--kefu.telegram.token=123456:DESKRESTART",
                        "--kefu.telegram.api-url=" + api.url(), "--kefu.telegram.poll-timeout=1s",
                        "--kefu.telegram.sweep-interval=1s", "--kefu.telegram.staff-chat-id=" + STAFF_CHAT,
                        "--kefu.telegram.staff-ids=" + STAFF, "--kefu.handoff.staff-ids=" + STAFF,
                        "--kefu.telegram.limits.per-group.messages=20",
                        "--kefu.telegram.limits.per-group.window=" + StaffDeskLoadTest.GROUP_WINDOW.toSeconds() + "s",
                        "--kefu.handoff.service-opens=00:00", "--kefu.handoff.service-closes=00:00",
                        "--kefu.telegram.download-dir=" + RealRedis.tempDir("tg-desk-restart"));
        assertThat(app.getBean(TelegramCommand.class).run(List.of())).isZero();
        return app;
    }
}
