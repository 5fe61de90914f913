package kefu.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue cases 16, 17 and 19: what a waiting buyer is told when staff close, are off, or have no name. */
class QueueClosingAndHoursTest extends HandoffTestBase {

    @Autowired
    Ratings ratings;

    private final String buyer = uniqueUser();

    @BeforeEach
    void duringServiceHours() {
        at(10, 0);
    }

    @Test
    void case16_closingABuyerNobodyAnsweredAsksForNoRating() throws Exception {
        List<JsonNode> out = chat(says(buyer, "转人工"), staffRuns("agent1", buyer, "/close"),
                presses(buyer, "rate:4"));

        JsonNode closed = out.get(1).get("replies");
        assertThat(texts(closed)).containsExactly(zh("handoff.closed_unserved"));
        assertThat(closed.get(0).get("buttons")).isEmpty();
        assertThat(texts(out.get(2).get("replies"))).containsExactly(zh("handoff.rate.nothing"));
        assertThat(out.get(2).get("replies").get(0).get("buttons")).extracting(b -> b.get("data").asText())
                .containsExactly("intent:human_handoff");
        assertThat(ratings.latest(1000)).noneMatch(r -> r.buyer().equals(cli(buyer).asString()));
        assertThat(desk().posts(state(buyer).fact("handoff.thread"))).extracting(InMemoryStaffDesk.Post::text)
                .contains(zh("handoff.staff.closed_unserved", Map.of("alias", "小美")))
                .doesNotContain(zh("handoff.staff.closed", Map.of("alias", "小美")));
    }

    @Test
    void case16_anOldRatingButtonAfterAnUnservedCloseIsAnsweredNotCalledExpired() throws Exception {
        List<JsonNode> out = chat(says(buyer, "转人工"), staffSays("agent1", buyer, "已处理"),
                staffRuns("agent1", buyer, "/close"),
                says(buyer, "转人工"), staffRuns("agent1", buyer, "/close"),
                presses(buyer, "rate:5"));

        assertThat(out.get(2).get("replies").get(0).get("buttons")).hasSize(5);
        assertThat(texts(out.get(4).get("replies"))).containsExactly(zh("handoff.closed_unserved"));
        assertThat(texts(out.get(5).get("replies"))).containsExactly(zh("handoff.rate.nothing"))
                .doesNotContain(zh("button.stale"));
        assertThat(ratings.latest(1000)).noneMatch(r -> r.buyer().equals(cli(buyer).asString()));
    }

    @Test
    void case16_aRatingAfterAServedCloseStillCountsOnce() throws Exception {
        List<JsonNode> out = chat(says(buyer, "转人工"), staffSays("agent1", buyer, "好的"),
                staffRuns("agent1", buyer, "/close"), presses(buyer, "rate:5"), presses(buyer, "rate:1"));

        assertThat(texts(out.get(3).get("replies"))).containsExactly(zh("handoff.rate.thanks"));
        assertThat(texts(out.get(4).get("replies"))).containsExactly(zh("handoff.rate.done_before"));
        assertThat(ratings.latest(1000)).filteredOn(r -> r.buyer().equals(cli(buyer).asString()))
                .singleElement().satisfies(r -> assertThat(r.score()).isEqualTo(5));
    }

    @Test
    void case17_outOfHoursTheNextMessageSaysStaffAnswerWhenBackNotNow() throws Exception {
        at(3, 0);
        List<JsonNode> out = chat(says(buyer, "转人工"), says(buyer, "我的话费一直没到账"), says(buyer, "还有截图"));

        Map<String, String> hours = Map.of("opens", "09:00", "closes", "22:00");
        assertThat(texts(out.get(0).get("replies")).get(0)).endsWith(zh("handoff.after_hours", hours));
        assertThat(texts(out.get(1).get("replies"))).containsExactly(zh("handoff.relayed_after_hours", hours));
        assertThat(texts(out.get(1).get("replies")).get(0)).contains("09:00")
                .isNotEqualTo(zh("handoff.relayed_next"));
        assertThat(out.get(2).get("replies")).as("told once; the rest goes to staff quietly").isEmpty();
        assertThat(desk().posts(state(buyer).fact("handoff.thread"))).extracting(InMemoryStaffDesk.Post::text)
                .anyMatch(t -> t.contains("我的话费一直没到账"));
    }

    @Test
    void case17_inServiceHoursTheNextMessageStillGivesThePlaceInLine() throws Exception {
        List<JsonNode> out = chat(says(buyer, "转人工"), says(buyer, "我的话费一直没到账"));

        assertThat(texts(out.get(1).get("replies")).get(0))
                .isNotEqualTo(zh("handoff.relayed_after_hours", Map.of("opens", "09:00", "closes", "22:00")))
                .contains(zh("handoff.relayed_next").substring(0, 6));
    }

    @Test
    void case19_aStaffMemberWithoutANameIsNotCalledStaffTwice() throws Exception {
        List<JsonNode> out = chat(says(buyer, "转人工"), staffRuns("agent2", buyer, "/claim"),
                staffSays("agent2", buyer, "您好"));

        assertThat(texts(out.get(1).get("replies"))).containsExactly(zh("handoff.claimed_unnamed"));
        assertThat(texts(out.get(2).get("replies"))).containsExactly(zh("handoff.staff_says_unnamed", Map.of("text", "您好")));
    }
}
