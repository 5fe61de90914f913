package kefu.conversation;

import kefu.session.BanList;
import kefu.session.SessionProperties;
import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static kefu.testsupport.ReplyKeyMatcher.fromKey;
import static org.assertj.core.api.Assertions.assertThat;


class AbuseAndPrivacyTest extends AppTest {

    @Autowired
    ConversationEngine engine;
    @Autowired
    ConversationStore store;
    @Autowired
    BanList bans;
    @Autowired
    SessionProperties settings;

    private final ConversationKey buyer = new ConversationKey("test", uniqueUser());

    @Test
    void aFloodGetsOneCoolDownNoteAndIsThenDropped() {
        int limit = settings.floodMaxTurns();
        List<TurnResult> results = new ArrayList<>();
        for (int i = 0; i < limit + 3; i++) {
            results.add(engine.handle(Turn.text(buyer, "f" + i, "你好")));
        }

        assertThat(results.subList(0, limit)).allSatisfy(r -> assertThat(r.intent()).isEqualTo(Intent.GREETING));
        assertThat(results.get(limit).replies()).singleElement()
                .satisfies(r -> assertThat(r.text()).matches(fromKey("input.flood")));
        assertThat(results.subList(limit + 1, limit + 3)).allSatisfy(r -> assertThat(r.replies()).isEmpty());
        long remembered = store.peek(buyer).orElseThrow().history().stream()
                .filter(h -> h.role().equals(HistoryEntry.BUYER)).count();
        assertThat(remembered).as("dropped messages are not processed").isEqualTo(Math.min(limit, 10));
    }

    @Test
    void aBannedBuyerIsIgnoredUntilUnbanned() {
        bans.ban(buyer, "", "test");
        TurnResult ignored = engine.handle(Turn.text(buyer, null, "你好"));
        bans.unban(buyer);
        TurnResult answered = engine.handle(Turn.text(buyer, null, "你好"));

        assertThat(ignored.replies()).isEmpty();
        assertThat(store.peek(buyer).orElseThrow().history()).hasSize(2);
        assertThat(answered.intent()).isEqualTo(Intent.GREETING);
    }

    @Test
    void forgetDeletesTheConversation() {
        engine.handle(Turn.text(buyer, null, "你好"));
        assertThat(store.peek(buyer)).isPresent();

        TurnResult r = engine.handle(Turn.text(buyer, null, "/forget"));

        assertThat(r.replies().get(0).text()).matches(fromKey("privacy.forgotten"));
        assertThat(store.peek(buyer)).isEmpty();
    }
}
