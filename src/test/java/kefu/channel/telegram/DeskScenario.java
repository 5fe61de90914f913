package kefu.channel.telegram;

import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;

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
 * Thirty buyers who each ask for a person and send three messages within two seconds, and what staff and the
 * buyers must then see: used by the load test and by the same test with a restart in the middle.
 */
final class DeskScenario {

    static final int BUYERS = 30;
    static final int MESSAGES = 3;
    static final String STAFF_REPLY = "您好，我来帮您查";

    private final BotApiTestServer api;
    private final ReplyTexts texts;
    private final long staffChat;
    final long[] buyers = new long[BUYERS];
    private final long[] asked = new long[BUYERS];
    long started;

    DeskScenario(BotApiTestServer api, ReplyTexts texts, long staffChat) {
        this.api = api;
        this.texts = texts;
        this.staffChat = staffChat;
        long base = 3_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        for (int i = 0; i < BUYERS; i++) {
            buyers[i] = base + i;
        }
    }

    /**
     * A cold JVM's first turns are slow whatever the load: not measured. Returns how much slower than a quiet
     * machine this one answers an idle "hello" (1: 100 ms or less; the bot's own bench measures about 50 ms).
     * The time bounds are for a quiet machine; on a machine shared with other builds they stretch by this factor.
     */
    double warmUp() {
        long rtt = 0;
        for (int i = 0; i < 5; i++) {
            long warm = buyers[0] + 900 + i;
            long at = System.nanoTime();
            api.privateText(warm, "你好");
            List<BotApiTestServer.Call> reply = api.await("sendMessage", c -> c.ok() && c.chatId() == warm, 1,
                    Duration.ofSeconds(60));
            rtt = reply.isEmpty() ? 60_000 : (reply.get(0).atNanos() - at) / 1_000_000;
        }
        return Math.max(1.0, rtt / 100.0);
    }

    void askAll() {
        started = System.nanoTime();
        for (int i = 0; i < BUYERS; i++) {
            asked[i] = System.nanoTime();
            api.privateText(buyers[i], "转人工");
        }
        for (int k = 1; k <= MESSAGES; k++) {
            for (int i = 0; i < BUYERS; i++) {
                api.privateText(buyers[i], message(i, k));
            }
        }
    }

    /** For each buyer, how long until they were told their place in the queue (ms); it must be the first answer. */
    List<Long> toldMs(Duration timeout) {
        List<Long> told = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            long buyer = buyers[i];
            List<BotApiTestServer.Call> first = api.await("sendMessage", c -> c.ok() && c.chatId() == buyer, 1, timeout);
            assertThat(first).as("buyer %d was answered", i).isNotEmpty();
            assertThat(first.get(0).text()).as("the first answer is the queue position").matches(this::isPosition);
            told.add((first.get(0).atNanos() - asked[i]) / 1_000_000);
        }
        return told.stream().sorted().toList();
    }

    BotApiTestServer.Call firstCard() {
        return api.await("sendMessage", c -> c.ok() && c.chatId() == staffChat && c.text().contains(cardMark())
                && buyerOf(c.text()) != 0, 1, Duration.ofSeconds(30)).get(0);
    }

    /** Staff write in the topic; ms until the buyer has it. */
    long staffReplyMs(BotApiTestServer.Call card, long staffId) {
        int topic = card.params().path("message_thread_id").asInt();
        long buyer = buyerOf(card.text());
        long at = System.nanoTime();
        api.topicText(staffChat, topic, staffId, STAFF_REPLY);
        List<BotApiTestServer.Call> reply = api.await("sendMessage", c -> c.ok() && c.chatId() == buyer
                && c.text().contains(STAFF_REPLY), 1, Duration.ofSeconds(20));
        assertThat(reply).as("the staff reply reached the buyer").isNotEmpty();
        return (reply.get(0).atNanos() - at) / 1_000_000;
    }

    /** {@code /queue} in the General topic; ms until it is answered there. */
    long queueMs(long staffId) {
        String head = texts.get("handoff.staff.queue_head", Lang.ZH, Map.of("count", 0)).split("0")[0];
        long at = System.nanoTime();
        api.groupText(staffChat, staffId, "/queue");
        List<BotApiTestServer.Call> listing = api.await("sendMessage", c -> c.ok() && c.chatId() == staffChat
                && !c.params().has("message_thread_id") && c.text().startsWith(head) && c.atNanos() > at, 1,
                Duration.ofSeconds(20));
        assertThat(listing).as("/queue was answered").isNotEmpty();
        return (listing.get(0).atNanos() - at) / 1_000_000;
    }

    /** Waits until every card and every last message is in the group; returns this scenario's staff posts. */
    List<BotApiTestServer.Call> awaitAllRelayed(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<BotApiTestServer.Call> posts = api.calls("sendMessage").stream()
                    .filter(c -> c.ok() && c.chatId() == staffChat && c.atNanos() >= started).toList();
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

    /** Each buyer's topic: exactly one card, then each message exactly once, in order. */
    void verifyTopics(List<BotApiTestServer.Call> posts) {
        Map<Integer, List<String>> byTopic = posts.stream().filter(c -> c.params().has("message_thread_id"))
                .collect(Collectors.groupingBy(c -> c.params().path("message_thread_id").asInt(), LinkedHashMap::new,
                        Collectors.mapping(BotApiTestServer.Call::text, Collectors.toList())));
        assertThat(byTopic).as("one topic per buyer").hasSize(BUYERS);
        for (List<String> inTopic : byTopic.values()) {
            String all = String.join("\n", inTopic);
            assertThat(count(all, cardMark())).as("exactly one card per buyer").isEqualTo(1);
            int i = buyerIndex(all);
            int at = all.indexOf(cardMark());
            for (int k = 1; k <= MESSAGES; k++) {
                assertThat(count(all, message(i, k))).as("message %d of buyer %d relayed once", k, i).isEqualTo(1);
                int next = all.indexOf(message(i, k));
                assertThat(next).as("card first, then the messages in order").isGreaterThan(at);
                at = next;
            }
        }
    }

    /** A queued buyer hears only where they stand (and the staff reply): never an answer of the bot's own. */
    void verifyNoBotAnswers(long served) {
        for (long buyer : buyers) {
            assertThat(api.sentTo(buyer)).as("the bot does not answer a queued buyer itself").allMatch(t ->
                    isPosition(t) || template("handoff.relayed").matcher(t).find()
                            || template("handoff.relayed_next").matcher(t).find()
                            || (buyer == served && t.contains(STAFF_REPLY)));
        }
    }

    long buyerOf(String card) {
        Map<String, Long> byMask = new HashMap<>();
        for (long b : buyers) {
            String id = String.valueOf(b);
            byMask.put("tg:" + id.substring(0, 2) + "****" + id.substring(id.length() - 2), b);
        }
        return byMask.entrySet().stream().filter(e -> card.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(0L);
    }

    static String message(int buyer, int k) {
        return "买家" + buyer + "的第" + k + "条消息，话费还没到账";
    }

    private int buyerIndex(String text) {
        for (int i = 0; i < BUYERS; i++) {
            if (text.contains(message(i, 1))) {
                return i;
            }
        }
        throw new AssertionError("a topic without any buyer message: " + text);
    }

    private boolean isPosition(String text) {
        return template("handoff.queued").matcher(text).find() || template("handoff.queued_next").matcher(text).find();
    }

    String cardMark() {
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

    static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }
}
