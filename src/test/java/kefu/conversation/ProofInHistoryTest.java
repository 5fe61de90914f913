package kefu.conversation;

import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A proof of ownership is a secret: it is checked, then kept out of the history the staff transcript copies. */
class ProofInHistoryTest extends AppTest {

    @Autowired
    ConversationEngine engine;
    @Autowired
    ConversationStore store;

    private final ConversationKey buyer = new ConversationKey("test", uniqueUser());

    @Test
    void theProofTheBuyerTypedIsNotKeptInTheHistory() {
        engine.handle(Turn.text(buyer, null, "K2026112400004"));
        TurnResult proved = engine.handle(Turn.text(buyer, null, "5678"));

        assertThat(proved.replies()).anyMatch(r -> r.text().contains("K2026112400004"));
        ConversationState state = store.peek(buyer).orElseThrow();
        assertThat(state.fact("shop.verified")).contains("K2026112400004");
        assertThat(state.history()).extracting(HistoryEntry::text)
                .noneMatch(t -> t.contains("5678") && !t.contains("****"))
                .contains(ConversationEngine.HIDDEN_INPUT);
    }
}
