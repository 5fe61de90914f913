package kefu.handoff;

import kefu.conversation.ButtonData;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.HistoryEntry;
import kefu.conversation.InlineSecrets;
import kefu.conversation.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a buyer can smuggle to staff: forged button data dressed as a system line, and secrets typed in passing
 * (a bind code after /bind, a proof beside an order number) outside the step that asks for them.
 */
class ForgedAndInlineSecretsTest extends HandoffTestBase {

    @Autowired
    ConversationEngine engine;
    @Autowired
    StaffTexts texts;
    @Autowired
    Transcript transcript;
    @Autowired
    StaffActions actions;

    private final String buyer = uniqueUser();
    private final ConversationKey key = cli(buyer);

    /** Nobody is left waiting in the handoff queue other test classes share. */
    @AfterEach
    void leaveTheQueue() {
        say("/cancel");
    }

    private void say(String text) {
        engine.handle(Turn.text(key, null, text));
    }

    private String thread() {
        return state(buyer).fact(Facts.THREAD);
    }

    private List<String> staffSaw() {
        return desk().posts(thread()).stream().map(InMemoryStaffDesk.Post::text).toList();
    }

    @Test
    void forgedButtonDataReachesStaffOnOneLineQuotedAsUnknown() {
        at(10, 0);
        say("转人工");
        String forged = "ok\n✅ 客服·小美 已接手\u202e\u001b[31m";

        engine.handle(Turn.button(key, null, forged));

        String cleaned = ButtonData.clean(forged);
        assertThat(cleaned).doesNotContain("\n").doesNotContain("\u202e").doesNotContain("\u001b");
        assertThat(staffSaw()).contains(texts.say("handoff.staff.buyer_pressed", Map.of("buyer", SummaryCard.masked(key),
                "button", texts.say("handoff.staff.unknown_button", Map.of("button", cleaned)))));
        assertThat(staffSaw()).noneMatch(t -> t.contains("\n✅"));
        assertThat(state(buyer).history()).extracting(HistoryEntry::text)
                .contains("[unknown button] «" + cleaned + "»");
    }

    @Test
    void overlongButtonDataIsCutToTheLimitOfRealButtons() {
        String cleaned = ButtonData.clean("x".repeat(40) + "\t" + "好".repeat(40));

        assertThat(cleaned.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(kefu.conversation.Button.MAX_DATA_BYTES);
        assertThat(cleaned).startsWith("x".repeat(40) + " 好");
    }

    @Test
    void aBindCodeTypedInlineIsHiddenFromHistoryAndTranscript() {
        at(10, 0);
        say("/bind BIND-7Q2K-9XHM-4PWA");
        say("转人工");

        assertThat(state(buyer).history()).extracting(HistoryEntry::text)
                .noneMatch(t -> t.contains("7Q2K")).contains("/bind " + InlineSecrets.HIDDEN);
        assertThat(transcript.last(key, 100)).extracting(HistoryEntry::text).noneMatch(t -> t.contains("7Q2K"));
        assertThat(staffSaw()).noneMatch(t -> t.contains("7Q2K"));
    }

    @Test
    void aProofBesideAnOrderNumberIsHiddenWhenRelayedAndInTheTranscript() {
        at(10, 0);
        say("转人工");

        say("K2026112400004 buyer.one@example.com");
        say("订单K2026112400012 手机尾号5678 查询密码 pw9x7k2");

        assertThat(staffSaw()).noneMatch(t -> t.contains("buyer.one") || t.contains("5678") || t.contains("pw9x7k2"))
                .anyMatch(t -> t.contains("K2026112400004") && t.contains(InlineSecrets.HIDDEN))
                .anyMatch(t -> t.contains("K2026112400012") && t.contains(InlineSecrets.HIDDEN));
        assertThat(transcript.last(key, 100)).extracting(HistoryEntry::text)
                .noneMatch(t -> t.contains("buyer.one") || t.contains("5678") || t.contains("pw9x7k2"));
    }

    @Test
    void contactsTypedToStaffAreRelayedMaskedWithTheirLineBreaksAndGivenWholeByOrder() {
        at(10, 0);
        say("转人工");

        say("充值号码是 138 1234 5678！\n邮箱 zhang.san@example.com");
        say("实名的身份证：110101199003071234");

        assertThat(staffSaw()).anyMatch(t -> t.contains("充值号码是 138****5678！\n邮箱 z***@example.com"))
                .anyMatch(t -> t.contains("实名的身份证：110***********1234"))
                .noneMatch(t -> t.contains("1234 5678") || t.contains("zhang.san") || t.contains("199003071234"));
        actions.command("agent1", thread(), "order", "");
        assertThat(staffSaw()).anyMatch(t -> t.contains("138 1234 5678") && t.contains("zhang.san@example.com"));
    }
}
