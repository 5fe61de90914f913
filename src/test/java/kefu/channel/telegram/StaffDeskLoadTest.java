package kefu.channel.telegram;

import kefu.conversation.ReplyTexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thirty buyers ask for a person at once and each sends three messages ({@link DeskScenario}), through the local
 * Bot API server enforcing Telegram's limits (3 per 3 s per chat, a group's window, 30/s overall). The group
 * window is 20 posts per 15 s instead of per minute, so the group is behind for tens of seconds rather than
 * minutes and the test stays short; the desk's behaviour does not depend on the window's length.
 */
@SpringBootTest(properties = {
        "kefu.command-runner.enabled=false",
        "kefu.telegram.token=123456:DESKLOAD",
        "kefu.telegram.poll-timeout=1s",
        "kefu.telegram.staff-chat-id=" + StaffDeskLoadTest.STAFF_CHAT,
        "kefu.telegram.staff-ids=901",
        "kefu.telegram.limits.per-group.messages=20",
        "kefu.telegram.limits.per-group.window=15s",
        "kefu.handoff.staff-ids=901",
        "kefu.handoff.service-opens=00:00",
        "kefu.handoff.service-closes=00:00"})
class StaffDeskLoadTest {

    static final long STAFF_CHAT = -100777L;
    static final long STAFF = 901L;
    static final Duration GROUP_WINDOW = Duration.ofSeconds(15);
    static final BotApiTestServer api = new BotApiTestServer();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TelegramTestContext.register(registry, api, "tg-desk-load");
    }

    @Autowired
    TelegramCommand command;
    @Autowired
    OutboundQueue outbound;
    @Autowired
    ReplyTexts texts;

    @AfterAll
    static void stopServer() {
        api.close();
    }

    @Test
    void thirtyBuyersAtOnceLoseNothingAndStaffAreNeverKeptWaiting() throws Exception {
        api.enforceLimits(3, Duration.ofSeconds(3), 20, GROUP_WINDOW);
        assertThat(command.run(List.of())).isZero();
        DeskScenario desk = new DeskScenario(api, texts, STAFF_CHAT);
        double slower = desk.warmUp();

        desk.askAll();
        List<Long> told = desk.toldMs(Duration.ofSeconds(10));

        // While the group is behind, staff answer a buyer and list the queue.
        BotApiTestServer.Call card = desk.firstCard();
        long behind = outbound.depth(STAFF_CHAT);
        assertThat(behind).as("posts waiting for the staff group").isGreaterThan(5);
        long replyMs = desk.staffReplyMs(card, STAFF);
        long queueMs = desk.queueMs(STAFF);
        long behindAfter = outbound.depth(STAFF_CHAT);

        List<BotApiTestServer.Call> posts = desk.awaitAllRelayed(Duration.ofSeconds(90));
        long drainedMs = (posts.get(posts.size() - 1).atNanos() - desk.started) / 1_000_000;
        desk.verifyTopics(posts);
        desk.verifyNoBotAnswers(desk.buyerOf(card.text()));
        assertThat(api.refusedWith429()).as("the bot keeps inside Telegram's limits").isZero();

        System.out.printf("DESK-LOAD machine-slowdown=%.1f buyers=%d staff-posts=%d told-ms median=%d max=%d "
                        + "staff-reply-ms=%d queue-ms=%d waiting-posts=%d/%d drained-ms=%d 429=%d%n", slower,
                DeskScenario.BUYERS, posts.size(), told.get(told.size() / 2), told.get(told.size() - 1), replyMs,
                queueMs, behind, behindAfter, drainedMs, api.refusedWith429());
        assertThat(told.get(told.size() - 1)).as("every buyer told their position within 2 s (x%.1f)", slower)
                .isLessThan((long) (2_000 * slower));
        assertThat(replyMs).as("a staff reply reaches the buyer within 5 s (x%.1f)", slower)
                .isLessThan((long) (5_000 * slower));
        assertThat(queueMs).as("/queue is answered within 5 s (x%.1f)", slower).isLessThan((long) (5_000 * slower));
    }
}
