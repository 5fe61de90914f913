package kefu.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import kefu.conversation.Handover;
import kefu.session.BanList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static kefu.testsupport.ReplyKeyMatcher.fromKey;
import static org.assertj.core.api.Assertions.assertThat;


/** Staff ban an abusive buyer from the buyer's thread; the bot then ignores the buyer until unbanned. */
class StaffBanTest extends HandoffTestBase {

    @Autowired
    BanList bans;
    @Autowired
    StaffTexts staffTexts;

    private final String buyer = uniqueUser();

    @BeforeEach
    void duringServiceHours() {
        at(11, 0);
    }

    @Test
    void aBannedBuyerIsIgnoredAndUnbanningRestoresTheBot() throws Exception {
        List<JsonNode> out = chat(
                says(buyer, "转人工"),
                staffRuns("agent1", buyer, "/ban"),
                says(buyer, "你好"),
                staffRuns("agent1", buyer, "/unban"),
                says(buyer, "/cancel"),
                says(buyer, "你好"));

        String masked = SummaryCard.masked(cli(buyer));
        assertThat(texts(out.get(1).get("staff")))
                .anyMatch(fromKey("handoff.staff.banned", Map.of("buyer", masked)).asMatchPredicate());
        assertThat(out.get(2).get("replies")).as("banned: no answer").isEmpty();
        assertThat(texts(out.get(3).get("staff")))
                .anyMatch(fromKey("handoff.staff.unbanned", Map.of("buyer", masked, "by", "agent1")).asMatchPredicate());
        assertThat(bans.banned(cli(buyer))).isFalse();
        assertThat(out.get(5).get("intent").asText()).isEqualTo("greeting");
    }

    @Test
    void aBuyerCanBeBannedByKeyFromOutsideTheirThread() throws Exception {
        String other = uniqueUser();

        chat(staffRuns("agent1", buyer, "/ban cli:" + other));

        assertThat(bans.banned(cli(other))).isTrue();
        assertThat(chat(says(other, "你好")).get(0).get("replies")).isEmpty();
    }

    @Test
    void theReasonGivenWithABanIsKeptAndShownWhenTheBanIsLifted() throws Exception {
        String other = uniqueUser();

        List<JsonNode> out = chat(
                staffRuns("agent1", buyer, "/ban cli:" + other + " 发广告链接"),
                staffRuns("agent1", buyer, "/unban cli:" + other));

        String masked = SummaryCard.masked(cli(other));
        assertThat(texts(out.get(0).get("staff"))).contains(staffTexts.say("handoff.staff.banned",
                java.util.Map.of("buyer", masked, "reason", "发广告链接")));
        assertThat(texts(out.get(1).get("staff"))).contains(staffTexts.say("handoff.staff.unbanned",
                java.util.Map.of("buyer", masked, "reason", "发广告链接", "by", "agent1")));
        assertThat(bans.banned(cli(other))).isFalse();
    }

    @Test
    void inTheBuyersThreadEverythingAfterBanIsTheReason() throws Exception {
        chat(says(buyer, "转人工"), staffRuns("agent1", buyer, "/ban 辱骂客服 多次"), staffRuns("agent1", buyer, "/close"));

        BanList.Ban ban = bans.ban(cli(buyer)).orElseThrow();
        assertThat(ban.reason()).isEqualTo("辱骂客服 多次");
        assertThat(ban.by()).isEqualTo("agent1");
        assertThat(ban.until()).isNull();
    }

    @Test
    void staffCanStillCloseTheConversationOfABuyerTheyBanned() throws Exception {
        List<JsonNode> out = chat(
                says(buyer, "转人工"),
                staffSays("agent1", buyer, "您好"),
                staffRuns("agent1", buyer, "/ban"),
                staffRuns("agent1", buyer, "/close"));

        assertThat(out.get(3).has("error")).as("close answered %s", out.get(3)).isFalse();
        assertThat(state(buyer).handover()).isEqualTo(Handover.CLOSED);
    }

    @Test
    void staffCanAnswerABuyerWhoFloodedAndStaffActionsDoNotCountAsTheirTurns() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(says(buyer, "转人工"));
        for (int i = 0; i < 25; i++) {
            lines.add(says(buyer, "在吗 " + i));
        }
        lines.add(staffSays("agent1", buyer, "您好，我来处理"));
        List<JsonNode> out = chat(lines.toArray(String[]::new));

        JsonNode staffLine = out.get(out.size() - 1);
        assertThat(staffLine.has("error")).as("staff line answered %s", staffLine).isFalse();
        assertThat(texts(staffLine.get("replies"))).contains(zh("handoff.staff_says", Map.of("alias", "小美", "text", "您好，我来处理")));
        assertThat(state(buyer).handover()).isEqualTo(Handover.staff("agent1"));
    }
}
