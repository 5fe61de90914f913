package kefu.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.ConversationStore.Begin;
import kefu.conversation.Handover;
import kefu.conversation.HistoryEntry;
import kefu.conversation.Intent;
import kefu.conversation.Lang;
import kefu.conversation.Outcome;
import kefu.conversation.ReplyTexts;
import kefu.conversation.Turn;
import kefu.conversation.TurnContext;
import kefu.testsupport.RealRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static kefu.testsupport.ReplyKeyMatcher.anyOf;
import static kefu.testsupport.ReplyKeyMatcher.fromKey;
import static kefu.testsupport.ReplyKeyMatcher.inOrder;
import static org.assertj.core.api.Assertions.assertThat;


/** Staff takeover through the chat CLI ({@code chat --json}) on real Redis. */
class HandoffChatTest extends HandoffTestBase {

    @Autowired
    ThreadIndex threads;
    @Autowired
    HandoffQueue queue;
    @Autowired
    Ratings ratings;
    @Autowired
    Transcript transcript;
    @Autowired
    HandoffSweeper sweeper;
    @Autowired
    StaffActions actions;
    @Autowired
    HandoffEscalation escalations;
    @Autowired
    ReplyTexts texts;

    private final String buyer = uniqueUser();

    @BeforeEach
    void duringServiceHours() {
        at(10, 0);
    }

    @Test
    void escalationOpensTheThreadAndPostsTheSummaryCard() throws Exception {
        chat(says(buyer, "你好"));
        seedShopFacts(cli(buyer));
        int ahead = queue.waiting().size();

        JsonNode escalated = one(presses(buyer, "intent:human_handoff"));

        assertThat(escalated.get("intent").asText()).isEqualTo("human_handoff");
        assertThat(escalated.get("handoff").asBoolean()).isTrue();
        // Whether anyone is ahead depends on what other tests left in the queue: the reply names the right case.
        assertThat(texts(escalated.get("replies")).get(0)).isEqualTo(ahead == 0 ? zh("handoff.queued_next")
                : zh("handoff.queued", Map.of("ahead", ahead, "minutes", Math.max(1, 3 * ahead))));
        ConversationState s = state(buyer);
        assertThat(s.handover()).isEqualTo(Handover.QUEUED);
        String thread = s.fact("handoff.thread");
        assertThat(threads.buyerOf(thread)).isEqualTo(cli(buyer));
        assertThat(queue.position(cli(buyer))).hasValue(queue.waiting().size());

        List<InMemoryStaffDesk.Post> posts = desk().posts(thread);
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).text()).as("thread title: masked buyer, intent, order")
                .contains(SummaryCard.masked(cli(buyer)), zh("handoff.staff.intent.human_handoff"), "K2026112400012")
                .doesNotContain(buyer);
        InMemoryStaffDesk.Post card = posts.get(1);
        assertThat(card.text()).contains(zh("handoff.staff.reason.asked"), "A1001", "K2026112400012", "K2026112400099",
                "T20261126001", zh("handoff.staff.role.buyer") + "：你好", zh("handoff.staff.role.bot") + "：");
        assertThat(card.buttons()).extracting(b -> b.data()).containsExactly("staff:claim", "staff:close");
        assertThat(card.buttons()).extracting(b -> b.label())
                .containsExactly(zh("handoff.staff.button.claim"), zh("handoff.staff.button.close"));
    }

    @Test
    void buyerAndStaffMessagesCrossExactlyOnceAndInOrder() throws Exception {
        List<JsonNode> out = chat(
                says(buyer, "转人工"),
                says(buyer, "第一句:话费没到账"),
                says(buyer, "第二句:充的是100元"),
                staffSays("agent1", buyer, "您好，我来查一下"),
                says(buyer, "第三句:谢谢"),
                staffSays("agent1", buyer, "已经为您补单"));

        JsonNode firstRelay = out.get(1);
        assertThat(texts(firstRelay.get("replies"))).as("one note while waiting").hasSize(1);
        assertThat(texts(firstRelay.get("replies")).get(0))
                .matches(anyOf(fromKey("handoff.relayed"), fromKey("handoff.relayed_next")));
        for (JsonNode buyerLine : List.of(out.get(2), out.get(4))) {
            assertThat(buyerLine.get("replies")).as("the bot says nothing more").isEmpty();
            assertThat(buyerLine.get("handoff").asBoolean()).isTrue();
            assertThat(buyerLine.get("intent").isNull()).isTrue();
        }
        JsonNode staff1 = out.get(3);
        assertThat(texts(staff1.get("replies"))).containsExactly(fromMeiMei("您好，我来查一下"));
        assertThat(staff1.get("handoff").asBoolean()).isTrue();
        assertThat(String.join("\n", texts(staff1.get("staff"))))
                .containsSubsequence("第一句:话费没到账", "第二句:充的是100元", zh("handoff.staff.claimed", Map.of("alias", "小美")));
        JsonNode staff2 = out.get(5);
        assertThat(texts(staff2.get("replies"))).containsExactly(fromMeiMei("已经为您补单"));
        assertThat(texts(staff2.get("staff"))).hasSize(1).allMatch(t -> t.contains("第三句:谢谢"));

        String thread = state(buyer).fact("handoff.thread");
        assertThat(desk().posts(thread)).extracting(InMemoryStaffDesk.Post::text)
                .filteredOn(fromKey("handoff.staff.buyer_says").asMatchPredicate())
                .as("each buyer message reaches staff once, in order")
                .containsExactly(buyerSays("第一句:话费没到账"), buyerSays("第二句:充的是100元"), buyerSays("第三句:谢谢"));
        assertThat(state(buyer).history()).filteredOn(h -> h.role().equals(HistoryEntry.STAFF))
                .extracting(HistoryEntry::text)
                .containsExactly(fromMeiMei("您好，我来查一下"), fromMeiMei("已经为您补单"));
    }

    @Test
    void theBotStaysSilentWhileStaffOwnTheChatAndAnswersAgainAfterClose() throws Exception {
        List<JsonNode> out = chat(
                says(buyer, "转人工"),
                staffRuns("agent2", buyer, "/claim"),
                says(buyer, "你好"),
                staffRuns("agent2", buyer, "/close"),
                says(buyer, "你好"));

        assertThat(texts(out.get(1).get("replies"))).containsExactly(zh("handoff.claimed_unnamed"));
        assertThat(String.join("\n", texts(out.get(1).get("staff")))).as("transcript shown on takeover")
                .containsPattern(fromKey("handoff.staff.transcript", Map.of("transcript", "")))
                .contains("转人工");
        assertThat(out.get(2).get("replies")).isEmpty();
        assertThat(out.get(2).get("handoff").asBoolean()).isTrue();
        JsonNode closed = out.get(3);
        assertThat(closed.get("handoff").asBoolean()).isFalse();
        assertThat(texts(closed.get("replies")).get(0)).contains(zh("handoff.closed"));
        assertThat(closed.get("replies").get(0).get("buttons")).extracting(b -> b.get("data").asText())
                .containsExactly("rate:1", "rate:2", "rate:3", "rate:4", "rate:5");
        assertThat(out.get(4).get("intent").asText()).isEqualTo("greeting");
        assertThat(out.get(4).get("replies")).isNotEmpty();
        assertThat(out.get(4).get("handoff").asBoolean()).isFalse();
        assertThat(state(buyer).handover()).isEqualTo(Handover.CLOSED);
        assertThat(queue.position(cli(buyer))).isEmpty();
    }

    @Test
    void aNonStaffIdCannotAct() throws Exception {
        chat(says(buyer, "转人工"));
        String thread = state(buyer).fact("handoff.thread");

        List<JsonNode> out = chat(
                staffSays("mallory", buyer, "把卡密发给我"),
                staffRuns("mallory", buyer, "/claim"),
                staffRuns("mallory", buyer, "/close"));
        actions.message("mallory", thread, "via the desk");
        actions.command("mallory", thread, "/close", "");
        actions.button("mallory", thread, SummaryCard.CLAIM);

        assertThat(out).extracting(n -> n.get("error").asText()).containsOnly("not_staff");
        assertThat(state(buyer).handover()).isEqualTo(Handover.QUEUED);
        assertThat(state(buyer).history()).noneMatch(h -> h.role().equals(HistoryEntry.STAFF));
        JsonNode nextStaffLine = one(staffRuns("agent1", buyer, "/queue"));
        assertThat(nextStaffLine.get("replies")).as("nothing reached the buyer").isEmpty();
    }

    /** Voice from staff: an outsider is ignored; staff take the buyer, and a channel without media says so. */
    @Test
    void staffMediaTakesTheBuyerAndAChannelThatCannotCarryItSaysSo() throws Exception {
        chat(says(buyer, "转人工"));
        String thread = state(buyer).fact("handoff.thread");
        kefu.conversation.Media voice = new kefu.conversation.Media(kefu.conversation.Media.Kind.VOICE, "-100:7", "0:09");

        actions.media("mallory", thread, voice);
        assertThat(state(buyer).handover()).isEqualTo(Handover.QUEUED);

        actions.media("agent1", thread, voice);
        assertThat(state(buyer).handover()).isEqualTo(Handover.staff("agent1"));
        assertThat(state(buyer).history()).anyMatch(h -> h.role().equals(HistoryEntry.STAFF)
                && h.text().equals("[voice] 0:09"));
        assertThat(desk().posts(thread)).extracting(InMemoryStaffDesk.Post::text)
                .contains(zh("handoff.staff.file_unsupported"));
    }

    @Test
    void theRatingIsStoredOnce() throws Exception {
        List<JsonNode> out = chat(
                says(buyer, "转人工"),
                staffSays("agent1", buyer, "已处理好了"),
                staffRuns("agent1", buyer, "/close"),
                presses(buyer, "rate:4"),
                presses(buyer, "rate:5"));

        assertThat(texts(out.get(3).get("replies")).get(0)).contains(zh("handoff.rate.thanks"));
        assertThat(texts(out.get(4).get("replies")).get(0)).contains(zh("handoff.rate.done_before"));
        assertThat(ratings.latest(1000)).filteredOn(r -> r.buyer().equals(cli(buyer).asString()))
                .singleElement().satisfies(r -> {
                    assertThat(r.staff()).isEqualTo("agent1");
                    assertThat(r.score()).isEqualTo(4);
                });
        assertThat(state(buyer).fact("handoff.rating")).isEqualTo("4");
    }

    @Test
    void theQueueListsWaitingBuyersOldestFirstAndStaffAreRemindedOnce() throws Exception {
        String a = uniqueUser();
        String b = uniqueUser();
        String c = uniqueUser();
        at(11, 0);
        int ahead = queue.waiting().size();
        chat(says(a, "转人工"));
        at(11, 2);
        JsonNode second = one(says(b, "转人工"));
        at(11, 5);
        chat(says(c, "转人工"));
        at(11, 6);

        JsonNode listing = one(staffRuns("agent1", c, "/queue"));

        assertThat(texts(second.get("replies")).get(0))
                .isEqualTo(zh("handoff.queued", Map.of("ahead", ahead + 1, "minutes", 3 * (ahead + 1))));
        String list = String.join("\n", texts(listing.get("staff")));
        assertThat(list).containsPattern(inOrder(
                fromKey("handoff.staff.queue_line", Map.of("buyer", SummaryCard.masked(cli(a)), "minutes", 6)),
                fromKey("handoff.staff.queue_line", Map.of("buyer", SummaryCard.masked(cli(b)), "minutes", 4)),
                fromKey("handoff.staff.queue_line", Map.of("buyer", SummaryCard.masked(cli(c)), "minutes", 1))));

        at(11, 13);
        sweeper.sweep();
        sweeper.sweep();
        assertThat(reminders(a))
                .containsExactly(zh("handoff.staff.reminder", Map.of("buyer", SummaryCard.masked(cli(a)), "minutes", 13)));
        assertThat(reminders(b)).hasSize(1);
        assertThat(reminders(c)).as("waited 8 minutes only").isEmpty();
        at(11, 16);
        sweeper.sweep();
        assertThat(reminders(c)).hasSize(1);
        assertThat(reminders(a)).hasSize(1);
    }

    @Test
    void outsideServiceHoursTheBuyerIsToldTheQuestionIsKept() throws Exception {
        at(3, 0);
        JsonNode out = one(says(buyer, "转人工"));
        later(Duration.ofMinutes(40));
        sweeper.sweep();

        assertThat(texts(out.get("replies")).get(0))
                .isEqualTo(zh("handoff.after_hours", Map.of("opens", "09:00", "closes", "22:00")));
        assertThat(out.get("handoff").asBoolean()).isTrue();
        String thread = state(buyer).fact("handoff.thread");
        assertThat(desk().posts(thread).get(1).text()).contains(zh("handoff.staff.queue_after_hours"));
        assertThat(reminders(buyer)).as("no reminders while staff are off").isEmpty();
        assertThat(state(buyer).handover()).isEqualTo(Handover.QUEUED);
    }

    @Test
    void aConversationStaffLeftQuietClosesByItself() throws Exception {
        chat(says(buyer, "转人工"), staffSays("agent1", buyer, "请稍等"));
        later(Duration.ofMinutes(29));
        sweeper.sweep();
        assertThat(state(buyer).handover()).isEqualTo(Handover.staff("agent1"));

        chat(says(buyer, "还在吗"));
        later(Duration.ofMinutes(29));
        sweeper.sweep();
        assertThat(state(buyer).handover()).as("the buyer's message kept it open").isEqualTo(Handover.staff("agent1"));

        later(Duration.ofMinutes(2));
        sweeper.sweep();
        JsonNode staffView = one(staffRuns("agent1", buyer, "/queue"));

        assertThat(state(buyer).handover()).isEqualTo(Handover.CLOSED);
        String thread = state(buyer).fact("handoff.thread");
        assertThat(desk().posts(thread)).extracting(InMemoryStaffDesk.Post::text).anyMatch(fromKey("handoff.staff.idle_closed", Map.of("minutes", 30)).asMatchPredicate());
        assertThat(texts(staffView.get("replies"))).as("the buyer was told, with the rating buttons")
                .singleElement().asString().isEqualTo(zh("handoff.idle_closed"));
        assertThat(staffView.get("replies").get(0).get("buttons")).hasSize(5);
    }

    @Test
    void theSecondMisunderstoodMessageInARowGoesToStaff() throws Exception {
        List<JsonNode> out = chat(says(buyer, "鹅鹅鹅曲项向天歌"), says(buyer, "白毛浮绿水红掌拨清波"));

        assertThat(out.get(0).get("intent").asText()).isEqualTo("fallback");
        assertThat(out.get(0).get("handoff").asBoolean()).isFalse();
        assertThat(out.get(1).get("intent").asText()).isEqualTo("fallback");
        assertThat(out.get(1).get("handoff").asBoolean()).isTrue();
        assertThat(texts(out.get(1).get("replies")).get(0)).startsWith(zh("handoff.lead.fallback")).containsPattern(queued());
        assertThat(desk().posts(state(buyer).fact("handoff.thread")).get(1).text())
                .contains(zh("handoff.staff.reason.fallback"));
    }

    @Test
    void staffCanStepIntoAConversationTheBotIsHandling() throws Exception {
        List<JsonNode> out = chat(says(buyer, "你好"), staffRuns("agent1", buyer, "/claim"), says(buyer, "咦？"));

        assertThat(texts(out.get(1).get("replies"))).singleElement().asString()
                .isEqualTo(zh("handoff.claimed", Map.of("alias", "小美")));
        assertThat(String.join("\n", texts(out.get(1).get("staff"))))
                .contains(zh("handoff.staff.reason.staff"), zh("handoff.staff.claimed", Map.of("alias", "小美")));
        assertThat(out.get(2).get("replies")).isEmpty();
        assertThat(state(buyer).handover()).isEqualTo(Handover.staff("agent1"));
    }

    @Test
    void anotherStaffMemberCannotTalkOverTheOneServing() throws Exception {
        List<JsonNode> out = chat(says(buyer, "转人工"), staffRuns("agent1", buyer, "/claim"),
                staffSays("agent2", buyer, "我也来说一句"));

        assertThat(out.get(2).get("replies")).isEmpty();
        assertThat(texts(out.get(2).get("staff"))).contains(zh("handoff.staff.not_yours", Map.of("alias", "小美")));
    }

    @Test
    void theTranscriptKeepsBuyerBotAndStaffLinesAndNotesStayInternal() throws Exception {
        chat(says(buyer, "你好"), says(buyer, "转人工"), staffSays("agent1", buyer, "在的"),
                staffRuns("agent1", buyer, "/note 老客户，优先处理"), says(buyer, "好的"),
                staffRuns("agent1", buyer, "/close"));

        List<HistoryEntry> lines = transcript.last(cli(buyer), 100);
        assertThat(lines).extracting(HistoryEntry::role).contains(HistoryEntry.BUYER, HistoryEntry.BOT,
                HistoryEntry.STAFF, Transcript.NOTE);
        assertThat(lines).extracting(HistoryEntry::text).containsSubsequence("你好", "转人工", fromMeiMei("在的"),
                "小美：老客户，优先处理", "好的");
        assertThat(lines).extracting(HistoryEntry::text).doesNotHaveDuplicates();
        assertThat(state(buyer).history()).noneMatch(h -> h.text().contains("老客户"));
    }

    @Test
    void aBuyersPhotoGoesIntoTheStaffThread() throws Exception {
        Path png = RealRedis.tempDir("handoff-photo").resolve("shot.png");
        Files.write(png, new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});

        List<JsonNode> out = chat(says(buyer, "转人工"), staffSays("agent1", buyer, "请发截图"),
                line("user", buyer, "photo", png.toString(), "caption", "充值失败截图"));

        assertThat(out.get(2).get("replies")).isEmpty();
        assertThat(out.get(2).get("handoff").asBoolean()).isTrue();
        List<InMemoryStaffDesk.Post> files = desk().posts(state(buyer).fact("handoff.thread")).stream()
                .filter(p -> p.file() != null).toList();
        assertThat(files).singleElement().satisfies(p -> {
            assertThat(p.file().mimeType()).isEqualTo("image/png");
            assertThat(p.text()).contains("充值失败截图");
        });
    }

    @Test
    void aFlowTheBotCannotFinishHandsTheBuyerToStaff() {
        Turn turn = Turn.text(cli(buyer), null, "激活码无效");
        TurnContext ctx = new TurnContext(turn,
                ConversationState.fresh().startFlow("after_sales"), Lang.ZH, clock.instant(), texts);

        Outcome outcome = escalations.escalate(ctx, Intent.AFTER_SALES, "flow");

        assertThat(outcome.handoff()).isTrue();
        assertThat(outcome.state().handover()).isEqualTo(Handover.QUEUED);
        assertThat(outcome.state().flow()).as("staff take over from the unfinished form").isNull();
        assertThat(outcome.replies().get(0).text()).startsWith(zh("handoff.lead.flow")).containsPattern(queued());
        assertThat(desk().posts(outcome.state().fact("handoff.thread")).get(1).text())
                .contains(zh("handoff.staff.reason.flow"), zh("handoff.staff.intent.after_sales"));
    }

    @Test
    void aWaitingBuyerCanLeaveTheQueueButNotAStaffConversation() throws Exception {
        String other = uniqueUser();
        List<JsonNode> out = chat(says(buyer, "转人工"), says(buyer, "/cancel"), says(buyer, "你好"),
                says(other, "转人工"), staffSays("agent1", other, "在的"), says(other, "/cancel"));

        // A command keeps the language the buyer was using.
        assertThat(texts(out.get(1).get("replies")).get(0)).contains(zh("handoff.left_queue"));
        assertThat(out.get(1).get("handoff").asBoolean()).isFalse();
        assertThat(out.get(2).get("intent").asText()).isEqualTo("greeting");
        assertThat(queue.position(cli(buyer))).isEmpty();
        assertThat(desk().posts(state(buyer).fact("handoff.thread"))).extracting(InMemoryStaffDesk.Post::text)
                .anyMatch(fromKey("handoff.staff.buyer_left").asMatchPredicate());
        assertThat(out.get(5).get("replies")).as("relayed to the staff member serving").isEmpty();
        assertThat(state(other).handover()).isEqualTo(Handover.staff("agent1"));
    }

    @Test
    void orderLookupShowsStaffTheOrderAndTheBuyersContactsWithoutItsSecretsWhileTheCardStaysMasked() throws Exception {
        List<JsonNode> all = chat(says(buyer, "我手机 13912345678"), says(buyer, "邮箱 zhang.san@example.com"),
                says(buyer, "转人工"), staffRuns("agent1", buyer, "/order k2026112400004"),
                staffRuns("agent1", buyer, "/order K2026112499999"));
        JsonNode out = all.get(3);
        JsonNode missing = chat(staffRuns("agent1", buyer, "/order K2026112499999")).get(0);

        String contacts = texts.get("handoff.staff.order_contacts", kefu.conversation.Lang.ZH, Map.of("contacts", "")).strip();
        assertThat(texts(out.get("staff"))).anyMatch(t -> t.contains("K2026112400004") && t.contains("awaiting_claim")
                && t.contains("13812345678") && t.contains(contacts)
                && t.contains("13912345678") && t.contains("zhang.san@example.com")
                && !t.contains("IQY-8H2K-99QZ-1M3N"));
        // The card and its transcript keep the buyer's contacts masked.
        List<String> thread = desk().posts(state(buyer).fact("handoff.thread")).stream()
                .map(InMemoryStaffDesk.Post::text).filter(t -> !t.contains(contacts)).toList();
        assertThat(thread).isNotEmpty().noneMatch(t -> t.contains("13912345678") || t.contains("zhang.san@"));
        assertThat(thread).anyMatch(t -> t.contains("139****5678"));
        assertThat(out.get("replies")).as("nothing of it reaches the buyer").isEmpty();
        // Not found: said so (and, in the buyer's thread, the contacts they typed still follow).
        assertThat(texts(missing.get("staff")))
                .anyMatch(t -> t.startsWith(zh("handoff.staff.order_not_found", Map.of("order", "K2026112499999"))));
    }

    private List<String> reminders(String user) {
        String thread = state(user).fact("handoff.thread");
        return desk().posts(thread).stream().map(InMemoryStaffDesk.Post::text)
                .filter(fromKey("handoff.staff.reminder").asMatchPredicate()).toList();
    }

    /** What agent1 (小美) says reaches the buyer under her alias. */
    private String fromMeiMei(String text) {
        return zh("handoff.staff_says", Map.of("alias", "小美", "text", text));
    }

    private String buyerSays(String text) {
        return zh("handoff.staff.buyer_says", Map.of("buyer", SummaryCard.masked(cli(buyer)), "text", text));
    }

    /** Told they are queued, next or with others ahead. */
    private static Pattern queued() {
        return anyOf(fromKey("handoff.queued"), fromKey("handoff.queued_next"));
    }


    /** What the shop capability would have recorded about this buyer. */
    private void seedShopFacts(ConversationKey key) {
        Begin.Acquired a = (Begin.Acquired) store.begin(key, null, Duration.ofSeconds(5));
        store.commit(a.lease(), a.state().withFact("shop.account", "A1001")
                .withFact("shop.mentioned", "K2026112400099,K2026112400012")
                .withFact("shop.verified", "K2026112400012").withFact("shop.tickets", "T20261126001")
                .withFact("shop.urges", "K2026112400012"));
    }
}
