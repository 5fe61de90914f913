package kefu.channel.telegram;

import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationStore;
import kefu.conversation.Handover;
import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import kefu.handoff.Ratings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static kefu.testsupport.ReplyKeyMatcher.anyOf;
import static kefu.testsupport.ReplyKeyMatcher.fromKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff takeover end to end on Telegram: the real handoff capability, the real telegrambots client and a
 * local Bot API server. The buyer writes privately; staff work in the forum supergroup's topic.
 */
@SpringBootTest(properties = {
        "kefu.command-runner.enabled=false",
        "kefu.telegram.token=123456:TAKEOVER",
        "kefu.telegram.poll-timeout=1s",
        "kefu.telegram.staff-chat-id=" + TelegramTakeoverTest.STAFF_CHAT,
        "kefu.telegram.staff-ids=901",
        "kefu.handoff.only-staff-ids=901",
        "kefu.handoff.service-opens=00:00",
        "kefu.handoff.service-closes=00:00"})
class TelegramTakeoverTest {

    static final long STAFF_CHAT = -100888L;
    static final long STAFF = 901L;
    static final Duration WAIT = Duration.ofSeconds(15);
    static final BotApiTestServer api = new BotApiTestServer();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TelegramTestContext.register(registry, api, "tg-takeover");
    }

    @Autowired
    TelegramCommand command;
    @Autowired
    ConversationStore store;
    @Autowired
    Ratings ratings;
    @Autowired
    ReplyTexts texts;

    private static boolean started;

    @BeforeEach
    void startBotOnce() throws Exception {
        synchronized (TelegramTakeoverTest.class) {
            if (!started) {
                assertThat(command.run(List.of())).isZero();
                started = true;
            }
        }
    }

    @AfterAll
    static void stopServer() {
        api.close();
    }

    @Test
    void staffTakeOverInATopicAndHandTheBuyerBack() throws Exception {
        long buyer = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
        ConversationKey key = new ConversationKey("tg", String.valueOf(buyer));

        api.privateText(buyer, "转人工");
        api.await("createForumTopic", c -> c.chatId() == STAFF_CHAT, 1, WAIT);
        BotApiTestServer.Call card = api.await("sendMessage",
                c -> c.chatId() == STAFF_CHAT && fromKey("handoff.staff.card").matcher(c.text()).find(), 1, WAIT).get(0);
        int topic = card.params().path("message_thread_id").asInt();
        assertThat(topic).as("the card is posted in the buyer's topic").isPositive();
        assertThat(card.params().path("reply_markup").toString())
                .contains(zh("handoff.staff.button.claim"), zh("handoff.staff.button.close"));
        api.await("sendMessage", c -> c.chatId() == buyer
                && anyOf(fromKey("handoff.queued"), fromKey("handoff.queued_next")).matcher(c.text()).matches(), 1, WAIT);

        api.privateText(buyer, "话费充了半小时还没到");
        api.privateText(buyer, "订单号 K2026112400001");
        api.await("sendMessage", c -> c.chatId() == STAFF_CHAT && c.text().contains("K2026112400001"), 1, WAIT);

        api.topicText(STAFF_CHAT, topic, STAFF, "您好，我来帮您查一下");
        api.await("sendMessage", c -> c.chatId() == buyer && c.text().contains("您好，我来帮您查一下"), 1, WAIT);
        assertThat(store.peek(key).orElseThrow().handover()).isEqualTo(Handover.staff(String.valueOf(STAFF)));

        // Staff answer with a voice message: it reaches the buyer whole, copied from the topic.
        api.topicVoice(STAFF_CHAT, topic, STAFF, 9);
        BotApiTestServer.Call copied = api.await("copyMessage", c -> c.ok() && c.chatId() == buyer, 1, WAIT).get(0);
        assertThat(copied.params().path("from_chat_id").asLong()).isEqualTo(STAFF_CHAT);
        assertThat(copied.params().path("message_id").asInt()).isPositive();
        assertThat(store.peek(key).orElseThrow().history()).anyMatch(h -> h.text().equals("[voice] 0:09"));

        int buyerMessagesBefore = api.sentTo(buyer).size();
        api.privateText(buyer, "你好");
        api.await("sendMessage", c -> c.chatId() == STAFF_CHAT && c.text().contains("你好")
                && c.params().path("message_thread_id").asInt() == topic, 1, WAIT);
        assertThat(api.sentTo(buyer)).as("the bot stays silent while staff own the chat")
                .hasSize(buyerMessagesBefore);

        api.topicText(STAFF_CHAT, topic, STAFF, "/close");
        BotApiTestServer.Call rate = api.await("sendMessage",
                c -> c.chatId() == buyer && c.params().path("reply_markup").toString().contains("rate:5"), 1, WAIT).get(0);
        assertThat(rate.text()).matches(fromKey("handoff.closed"));
        api.press(buyer, buyer, "cb-rate-" + buyer, "rate:5", null);
        api.await("sendMessage", c -> c.chatId() == buyer && c.text().equals(zh("handoff.rate.thanks")), 1, WAIT);
        assertThat(ratings.latest(50)).anyMatch(r -> r.buyer().equals(key.asString()) && r.score() == 5
                && r.staff().equals(String.valueOf(STAFF)));

        api.privateText(buyer, "你好");
        api.await("sendMessage", c -> c.chatId() == buyer && c.text().equals(zh("greeting")), 1, WAIT);

        List<String> relayed = api.calls("sendMessage").stream()
                .filter(c -> c.chatId() == STAFF_CHAT && c.params().path("message_thread_id").asInt() == topic)
                .map(BotApiTestServer.Call::text).toList();
        assertThat(relayed.stream().filter(t -> t.contains("话费充了半小时还没到")))
                .as("each buyer message reaches staff once").hasSize(1);
        // Messages the buyer sends close together may reach staff in one post.
        String thread = String.join("\n", relayed);
        assertThat(thread.indexOf("话费充了半小时还没到")).as("in order").isNotNegative()
                .isLessThan(thread.indexOf("订单号 K2026112400001"));
        List<String> toBuyer = api.sentTo(buyer);
        assertThat(toBuyer.stream().filter(t -> t.contains("您好，我来帮您查一下"))).as("staff message once").hasSize(1);
    }

    @Test
    void voiceVideoStickersAndAlbumsReachTheTopicWholeAfterANoteWhileTheBotAloneSaysItCannotReadThem()
            throws Exception {
        long buyer = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
        // With the bot: it says what it cannot read, and nothing goes to staff.
        api.privateVoice(buyer, 5);
        assertThat(api.await("sendMessage", c -> c.ok() && c.chatId() == buyer, 1, WAIT))
                .extracting(BotApiTestServer.Call::text).containsExactly(texts.get("input.media", Lang.ZH, Map.of()));

        String masked = kefu.handoff.SummaryCard.masked(new ConversationKey("tg", String.valueOf(buyer)));
        api.privateText(buyer, "转人工");
        // The buyer's card (with its buttons) names the topic; posts for other buyers may come meanwhile.
        int topic = api.await("sendMessage", c -> c.ok() && c.chatId() == STAFF_CHAT && c.text().contains(masked)
                && c.params().has("reply_markup"), 1, WAIT).get(0).params().path("message_thread_id").asInt();
        assertThat(topic).isPositive();
        api.await("sendMessage", c -> c.ok() && c.chatId() == buyer, 2, WAIT);
        int voice = api.privateVoice(buyer, 75);
        api.privateSticker(buyer, "😡");
        api.privateVideo(buyer, 12, "充值页面录屏");
        byte[] png = java.util.Arrays.copyOf(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 64);
        api.privatePhoto(buyer, "album-1-" + buyer, png, "两张截图");
        api.privatePhoto(buyer, "album-2-" + buyer, png, null);

        List<BotApiTestServer.Call> copies = api.await("copyMessage", c -> c.ok() && c.chatId() == STAFF_CHAT
                && c.params().path("message_thread_id").asInt() == topic, 3, WAIT);
        assertThat(copies).hasSize(3).allMatch(c -> c.params().path("from_chat_id").asLong() == buyer);
        assertThat(api.await("sendPhoto", c -> c.ok() && c.chatId() == STAFF_CHAT
                && c.params().path("message_thread_id").asText().equals(String.valueOf(topic)), 2, WAIT)).hasSize(2);
        String notes = String.join("\n", api.calls("sendMessage").stream().filter(c -> c.ok() && c.chatId() == STAFF_CHAT
                && c.params().path("message_thread_id").asInt() == topic).map(BotApiTestServer.Call::text).toList());
        assertThat(notes).contains(texts.get("handoff.staff.media.voice", Lang.ZH, Map.of()) + " 1:15",
                texts.get("handoff.staff.media.sticker", Lang.ZH, Map.of()) + " 😡",
                texts.get("handoff.staff.media.video", Lang.ZH, Map.of()) + " 0:12", "充值页面录屏");
        // The note comes before the message it announces.
        BotApiTestServer.Call voiceCopy = copies.stream()
                .filter(c -> c.params().path("message_id").asInt() > 0).findFirst().orElseThrow();
        assertThat(api.calls("sendMessage").stream().filter(c -> c.ok() && c.chatId() == STAFF_CHAT
                && c.text().contains(texts.get("handoff.staff.media.voice", Lang.ZH, Map.of()))
                && c.atNanos() < voiceCopy.atNanos())).isNotEmpty();
        assertThat(voice).isPositive();
        List<String> toBuyer = api.sentTo(buyer);
        assertThat(toBuyer.subList(1, toBuyer.size())).as("no 'cannot read' answer to a queued buyer's media")
                .doesNotContain(texts.get("input.media", Lang.ZH, Map.of()));
    }

    @Test
    void aGroupMemberWhoIsNotConfiguredStaffCannotAct() throws Exception {
        long outsider = 555_000L + ThreadLocalRandom.current().nextInt(1000);
        api.memberStatus(outsider, "member");
        int before = api.calls("sendMessage").size();

        api.topicText(STAFF_CHAT, 424242, outsider, "/queue");
        Thread.sleep(1500);

        // Only answers to the outsider's command count: the earlier test's posts may still be leaving the queue.
        assertThat(api.calls("sendMessage").subList(before, api.calls("sendMessage").size()))
                .noneMatch(c -> c.chatId() == STAFF_CHAT && (c.params().path("message_thread_id").isMissingNode()
                        || c.params().path("message_thread_id").asInt() == 424242));
    }

    private String zh(String key) {
        return texts.get(key, Lang.ZH, Map.of());
    }
}
