package kefu.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /forget} removes everything kept about the buyer, including what the staff desk keeps elsewhere. */
class ForgetTest extends HandoffTestBase {

    @Autowired
    HandoffQueue queue;
    @Autowired
    ThreadIndex threads;
    @Autowired
    StaffActivity activity;
    @Autowired
    Transcript transcript;
    @Autowired
    Ratings ratings;

    private final String buyer = uniqueUser();

    @BeforeEach
    void duringServiceHours() {
        at(11, 0);
    }

    @Test
    void aQueuedBuyerWhoForgetsLeavesTheQueueAndTheirThreadLeadsNowhere() throws Exception {
        chat(says(buyer, "转人工，我的手机号是13812345678"));
        String thread = state(buyer).fact(Facts.THREAD);
        assertThat(queue.position(cli(buyer))).isPresent();
        assertThat(threads.buyerOf(thread)).isEqualTo(cli(buyer));

        JsonNode forgot = one(says(buyer, "/forget"));

        assertThat(forgot.get("replies")).isNotEmpty();
        assertThat(store.peek(cli(buyer))).isEmpty();
        assertThat(transcript.last(cli(buyer), 50)).isEmpty();
        assertThat(queue.position(cli(buyer))).isEmpty();
        assertThat(queue.waiting()).noneMatch(w -> w.buyer().equals(cli(buyer)));
        assertThat(threads.buyerOf(thread)).isNull();
        assertThat(desk().posts(thread)).anyMatch(p -> p.text().contains("/forget"));
    }

    @Test
    void aServedBuyerWhoForgetsIsNoLongerWatchedForIdleClose() throws Exception {
        chat(says(buyer, "转人工"), staffSays("agent1", buyer, "您好"));
        assertThat(activity.lastSeen(cli(buyer))).isPresent();

        chat(says(buyer, "/forget"));

        assertThat(activity.lastSeen(cli(buyer))).isEmpty();
    }

    @Test
    void ratingsKeepTheirScoreButNotTheBuyer() throws Exception {
        List<JsonNode> out = chat(
                says(buyer, "转人工"),
                staffSays("agent1", buyer, "已处理好了"),
                staffRuns("agent1", buyer, "/close"),
                presses(buyer, "rate:4"));
        assertThat(texts(out.get(3).get("replies")).get(0)).contains(zh("handoff.rate.thanks"));

        long forgottenBefore = ratings.latest(10_000).stream().filter(r -> r.buyer().equals(Ratings.FORGOTTEN)).count();

        chat(says(buyer, "/forget"));

        List<Ratings.Rating> after = ratings.latest(10_000);
        assertThat(after).noneMatch(r -> r.buyer().equals(cli(buyer).asString()));
        assertThat(after.stream().filter(r -> r.buyer().equals(Ratings.FORGOTTEN)).count()).isEqualTo(forgottenBefore + 1);
    }
}
