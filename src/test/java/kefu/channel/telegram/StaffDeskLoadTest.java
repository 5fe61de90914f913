package kefu.channel.telegram;

import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thirty buyers ask for a person at once and each sends three messages, through the local Bot API server
 * enforcing Telegram's limits (3 per 3 s per chat, a group's window, 30/s overall). The group window is 20
 * posts per 15 s instead of per minute, so the group is behind for tens of seconds rather than minutes and the
 * test stays short; the desk's behaviour does not depend on the window's length.
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
    static final int BUYERS = 30;
    static final int MESSAGES = 3;
    static final Duration GROUP_WINDOW = Duration.ofSeconds(15);
    static final BotApiTestServer api = new BotApiTestServer();
    private static final String PREFIX = RealRedis.freshPrefix();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("kefu.redis.url", RealRedis::url);
        registry.add("kefu.redis.key-prefix", () -> PREFIX);
        registry.add("kefu.telegram.api-url", api::url);
        registry.add("kefu.telegram.download-dir", () -> RealRedis.tempDir("tg-desk-load").toString());
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
        long base = 3_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        long[] buyers = new long[BUYERS];
        long[] asked = new long[BUYERS];
        long started = System.nanoTime();
        for (int i = 0; i < BUYERS; i++) {
            buyers[i] = base + i;
            asked[i] = System.nanoTime();
            api.privateText(buyers[i], "转人工");
        }
        for (int k = 1; k <= MESSAGES; k++) {
            for (int i = 0; i < BUYERS; i++) {
                api.privateText(buyers[i], message(i, k));
            }
        }

        // Every buyer hears their place in the queue at once.
        List<Long> told = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            long buyer = buyers[i];
            BotApiTestServer.Call first = api.await("sendMessage", c -> c.ok() && c.chatId() == buyer, 1,
                    Duration.ofSeconds(10)).get(0);
            assertThat(first.text()).as("the first answer is the queue position").matches(
                    s -> template("handoff.queued").matcher(s).find() || template("handoff.queued_next").matcher(s).find());
            told.add((first.atNanos() - asked[i]) / 1_000_000);
        }

        // While the group is behind, staff answer a buyer and list the queue.
        BotApiTestServer.Call firstCard = api.await("sendMessage", c -> c.ok() && c.chatId() == STAFF_CHAT
                && c.text().contains(cardMark()), 1, Duration.ofSeconds(10)).get(0);
        int topic = firstCard.params().path("message_thread_id").asInt();
        long served = buyerOf(firstCard.text(), buyers);
        long behind = outbound.depth(STAFF_CHAT);
        assertThat(behind).as("posts waiting for the staff group").isGreaterThan(5);
        long replyAt = System.nanoTime();
        api.topicText(STAFF_CHAT, topic, STAFF, "您好，我来帮您查");
        BotApiTestServer.Call reply = api.await("sendMessage", c -> c.ok() && c.chatId() == served
                && c.text().contains("您好，我来帮您查"), 1, Duration.ofSeconds(10)).get(0);
        long replyMs = (reply.atNanos() - replyAt) / 1_000_000;
        long queueAt = System.nanoTime();
        api.groupText(STAFF_CHAT, STAFF, "/queue");
        String head = texts.get("handoff.staff.queue_head", Lang.ZH, Map.of("count", 0)).split("0")[0];
        BotApiTestServer.Call listing = api.await("sendMessage", c -> c.ok() && c.chatId() == STAFF_CHAT
                && !c.params().has("message_thread_id") && c.text().startsWith(head), 1, Duration.ofSeconds(10)).get(0);
        long queueMs = (listing.atNanos() - queueAt) / 1_000_000;
        long behindAfter = outbound.depth(STAFF_CHAT);

        // Then the group catches up: every card and every message, in order, in its topic.
        List<BotApiTestServer.Call> posts = awaitAllRelayed(buyers, Duration.ofSeconds(90));
        long drainedMs = (posts.get(posts.size() - 1).atNanos() - started) / 1_000_000;
        Map<Integer, List<String>> byTopic = posts.stream().filter(c -> c.params().has("message_thread_id"))
                .collect(Collectors.groupingBy(c -> c.params().path("message_thread_id").asInt(), LinkedHashMap::new,
                        Collectors.mapping(BotApiTestServer.Call::text, Collectors.toList())));
        assertThat(byTopic).as("one topic per buyer").hasSize(BUYERS);
        for (List<String> inTopic : byTopic.values()) {
            String all = String.join("\n", inTopic);
            assertThat(count(all, cardMark())).as("exactly one card per buyer").isEqualTo(1);
            int i = buyerIndex(all, buyers);
            int at = all.indexOf(cardMark());
            for (int k = 1; k <= MESSAGES; k++) {
                assertThat(count(all, message(i, k))).as("message %d of buyer %d relayed once", k, i).isEqualTo(1);
                int next = all.indexOf(message(i, k));
                assertThat(next).as("card first, then the messages in order").isGreaterThan(at);
                at = next;
            }
        }
        for (int i = 0; i < BUYERS; i++) {
            long buyer = buyers[i];
            List<String> toBuyer = api.sentTo(buyer);
            assertThat(toBuyer).as("the bot does not answer a queued buyer itself").allMatch(t ->
                    template("handoff.queued").matcher(t).find() || template("handoff.queued_next").matcher(t).find()
                            || template("handoff.relayed").matcher(t).find()
                            || template("handoff.relayed_next").matcher(t).find()
                            || (buyer == served && t.contains("您好，我来帮您查")));
        }
        assertThat(api.refusedWith429()).as("the bot keeps inside Telegram's limits").isZero();

        List<Long> sorted = told.stream().sorted().toList();
        System.out.printf("DESK-LOAD buyers=%d posts=%d told-ms median=%d max=%d staff-reply-ms=%d queue-ms=%d "
                        + "waiting-then=%d/%d drained-ms=%d 429=%d%n", BUYERS, posts.size(), sorted.get(BUYERS / 2),
                sorted.get(BUYERS - 1), replyMs, queueMs, behind, behindAfter, drainedMs, api.refusedWith429());
        assertThat(sorted.get(BUYERS - 1)).as("every buyer told their position within 2 s").isLessThan(2_000);
        assertThat(replyMs).as("a staff reply reaches the buyer within 5 s").isLessThan(5_000);
        assertThat(queueMs).as("/queue is answered within 5 s").isLessThan(5_000);
    }

    private List<BotApiTestServer.Call> awaitAllRelayed(long[] buyers, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<BotApiTestServer.Call> posts = api.calls("sendMessage").stream()
                    .filter(c -> c.ok() && c.chatId() == STAFF_CHAT).toList();
            String all = posts.stream().map(BotApiTestServer.Call::text).collect(Collectors.joining("\n"));
            boolean complete = count(all, cardMark()) >= BUYERS;
            for (int i = 0; complete && i < BUYERS; i++) {
                complete = all.contains(message(i, MESSAGES));
            }
            if (complete || System.nanoTime() > end) {
                return posts;
            }
            Thread.sleep(100);
        }
    }

    private static String message(int buyer, int k) {
        return "买家" + buyer + "的第" + k + "条消息，话费还没到账";
    }

    private static int buyerIndex(String text, long[] buyers) {
        for (int i = 0; i < buyers.length; i++) {
            if (text.contains(message(i, 1))) {
                return i;
            }
        }
        throw new AssertionError("a topic without any buyer message: " + text);
    }

    /** The buyer a card is about: the card's transcript shows their request, the relays their messages. */
    private long buyerOf(String card, long[] buyers) {
        Map<String, Long> byMask = new HashMap<>();
        for (long b : buyers) {
            String id = String.valueOf(b);
            byMask.put("tg:" + id.substring(0, 2) + "****" + id.substring(id.length() - 2), b);
        }
        return byMask.entrySet().stream().filter(e -> card.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseThrow();
    }

    private String cardMark() {
        return texts.get("handoff.staff.card", Lang.ZH, Map.of()).lines().findFirst().orElseThrow().split("\\{")[0];
    }

    /** The reply file's text for {@code key} as a pattern: its placeholders match anything. */
    private Pattern template(String key) {
        Map<String, String> vars = new HashMap<>();
        for (String v : List.of("ahead", "minutes", "opens", "closes")) {
            vars.put(v, "\u0001");
        }
        String text = texts.get(key, Lang.ZH, vars);
        return Pattern.compile(Arrays.stream(text.split("\u0001", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }
}
