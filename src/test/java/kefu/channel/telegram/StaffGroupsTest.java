package kefu.channel.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import kefu.conversation.ConversationKey;
import kefu.handoff.StaffDesk;
import kefu.handoff.StaffTexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three staff forum groups through the Bot API test server: top-up buyers' topics open in the group that lists
 * {@code mobile_topup}, the others' in turn in the two groups listing none; a buyer keeps their group; a group
 * with a small limit of its own is never posted to beyond it while the others go on; membership counts per group.
 */
@SpringBootTest(properties = {
        "kefu.command-runner.enabled=false",
        "kefu.telegram.token=123456:GROUPS",
        "kefu.telegram.poll-timeout=1s",
        "kefu.telegram.sweep-interval=1s",
        "kefu.telegram.staff-groups[0].chat-id=" + StaffGroupsTest.TOPUP,
        "kefu.telegram.staff-groups[0].categories[0]=mobile_topup",
        "kefu.telegram.staff-groups[1].chat-id=" + StaffGroupsTest.SLOW,
        "kefu.telegram.staff-groups[1].limit.messages=" + StaffGroupsTest.SLOW_LIMIT,
        "kefu.telegram.staff-groups[1].limit.window=60s",
        "kefu.telegram.staff-groups[2].chat-id=" + StaffGroupsTest.OTHER,
        "kefu.telegram.extra-staff-ids=900",
        "kefu.telegram.outbox.group-reserve=" + StaffGroupsTest.RESERVE,
        "kefu.handoff.service-opens=00:00",
        "kefu.handoff.service-closes=00:00"})
class StaffGroupsTest {

    static final long TOPUP = -100601L;
    static final long SLOW = -100602L;
    static final long OTHER = -100603L;
    static final int SLOW_LIMIT = 6;
    /** Slots of a group's minute that cards and relays leave to answers to staff. */
    static final int RESERVE = 2;
    static final Duration WAIT = Duration.ofSeconds(30);
    static final BotApiTestServer api = new BotApiTestServer();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TelegramTestContext.register(registry, api, "tg-groups");
    }

    @Autowired
    TelegramCommand command;
    @Autowired
    StaffDesk desk;
    @Autowired
    OutboundQueue queue;
    @Autowired
    MeterRegistry meters;
    @Autowired
    StaffTexts texts;
    @Autowired
    StaffMembership membership;

    private static boolean started;

    @AfterAll
    static void stopServer() {
        api.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void startOnce() throws Exception {
        synchronized (StaffGroupsTest.class) {
            if (!started) {
                api.enforceLimits(3, Duration.ofSeconds(3), 20, Duration.ofSeconds(60));
                assertThat(command.run(List.of())).isZero();
                started = true;
            }
        }
    }

    @Test
    void routesByCategoryThenInTurnKeepsBuyersInTheirGroupAndEachGroupToItsOwnLimit() throws Exception {
        long base = 6_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);

        // A buyer asking about a top-up order: the group listing mobile_topup.
        long topupBuyer = base;
        api.privateText(topupBuyer, "K2026112400001");
        api.await("sendMessage", c -> c.ok() && c.chatId() == topupBuyer, 1, WAIT);
        api.privateText(topupBuyer, "人工客服");
        assertThat(api.await("createForumTopic", c -> c.chatId() == TOPUP, 1, WAIT)).hasSize(1);
        // A buyer who names the product (话费) but no order: the same group.
        long saysTopup = base + 100;
        api.privateText(saysTopup, "话费充了还没到账");
        api.await("sendMessage", c -> c.ok() && c.chatId() == saysTopup, 1, WAIT);
        api.privateText(saysTopup, "人工客服");
        assertThat(api.await("createForumTopic", c -> c.chatId() == TOPUP, 2, WAIT)).hasSize(2);

        // Buyers with no order in play: in turn between the two groups that list no category.
        List<Long> others = new ArrayList<>();
        Map<Long, Long> groupOf = new java.util.HashMap<>();
        for (int i = 1; i <= 6; i++) {
            long buyer = base + i;
            others.add(buyer);
            int before = api.calls("createForumTopic").size();
            api.privateText(buyer, "人工客服");
            List<BotApiTestServer.Call> created = api.await("createForumTopic", c -> true, before + 1, WAIT);
            assertThat(created).hasSize(before + 1);
            groupOf.put(buyer, created.get(before).chatId());
        }
        assertThat(api.calls("createForumTopic")).filteredOn(c -> c.chatId() == SLOW).hasSize(3);
        assertThat(api.calls("createForumTopic")).filteredOn(c -> c.chatId() == OTHER).hasSize(3);
        assertThat(api.calls("createForumTopic")).filteredOn(c -> c.chatId() == TOPUP).hasSize(2);

        // A buyer whose topic is in a group stays there, whatever their next escalation is about.
        ConversationKey first = new ConversationKey("tg", String.valueOf(others.get(0)));
        String ref = desk.openThread(first, "again", () -> Optional.of("mobile_topup"));
        assertThat(ref).startsWith(groupOf.get(others.get(0)) + ":").doesNotStartWith(TOPUP + ":");

        // Every buyer writes on: the slow group falls behind its own limit, the others do not wait for it.
        for (int m = 0; m < 4; m++) {
            for (long buyer : others) {
                api.privateText(buyer, "还没到账 " + m);
            }
        }
        // The other group gets its buyers' twelve messages (merged into fewer posts while it is behind).
        waitFor(() -> linesIn(OTHER) >= 12, WAIT);
        assertThat(queue.depth(SLOW)).as("posts still waiting for the slow group").isPositive();
        assertThat(meters.get("kefu.telegram.send.queue.depth").tag("chat", "group").gauge().value())
                .as("the send-queue depth gauge sees them").isGreaterThanOrEqualTo(queue.depth(SLOW));
        long slowPosts = api.delivered().stream().filter(c -> c.chatId() == SLOW).count();
        assertThat(slowPosts).as("cards and relays posted to the slow group within its minute")
                .isPositive().isLessThanOrEqualTo(SLOW_LIMIT - RESERVE);
        assertThat(api.refusedWith429()).isZero();
    }

    @Test
    void staffActInTheGroupTheyAreMembersOfAndAreAnsweredThere() {
        long member = 950_000 + ThreadLocalRandom.current().nextInt(10_000);
        api.memberStatus(OTHER, member, "member");

        String head = texts.say("handoff.staff.queue_head", Map.of("count", 0)).substring(0, 3);
        String empty = texts.say("handoff.staff.queue_empty");
        java.util.function.Predicate<BotApiTestServer.Call> listing = c -> c.ok() && c.text() != null
                && (c.text().startsWith(head) || c.text().equals(empty));

        api.groupText(TOPUP, member, "/queue");   // not a member of this group: ignored
        api.groupText(OTHER, member, "/queue");
        api.groupText(TOPUP, 900, "/queue");      // staff by configuration, after the ignored one in the same lane

        assertThat(api.await("sendMessage", listing.and(c -> c.chatId() == OTHER), 1, WAIT)).hasSize(1);
        assertThat(api.await("sendMessage", listing.and(c -> c.chatId() == TOPUP), 1, WAIT)).hasSize(1);
        assertThat(api.calls("sendMessage")).filteredOn(listing.and(c -> c.chatId() == TOPUP)).hasSize(1);
    }

    @Test
    void theBotsRightToOpenTopicsIsCheckedInEachGroup() {
        api.adminWithTopics(TOPUP, BotApiTestServer.BOT_ID);
        api.adminWithTopics(SLOW, BotApiTestServer.BOT_ID);
        api.memberStatus(OTHER, BotApiTestServer.BOT_ID, "administrator");

        assertThat(membership.groupsWithoutTopicRights(BotApiTestServer.BOT_ID)).containsExactly(OTHER);
    }

    /** Lines of buyer text posted to a group (a merged post carries several). */
    private static long linesIn(long group) {
        return api.delivered().stream().filter(c -> c.chatId() == group && c.text() != null)
                .mapToLong(c -> c.text().lines().filter(l -> l.contains("还没到账")).count()).sum();
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + timeout).isLessThan(end);
            Thread.sleep(50);
        }
    }
}
