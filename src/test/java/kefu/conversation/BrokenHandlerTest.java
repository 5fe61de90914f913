package kefu.conversation;

import kefu.session.SessionProperties;
import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A handler that returns an outcome the engine cannot record gets the buyer an apology and frees the conversation. */
class BrokenHandlerTest extends AppTest {

    @Autowired
    ConversationEngine engine;
    @Autowired
    ConversationStore store;
    @Autowired
    IntentClassifier classifier;
    @Autowired
    Clock clock;
    @Autowired
    TextNormalizer normalizer;
    @Autowired
    SessionProperties session;
    @Autowired
    EngineProperties settings;
    @Autowired
    ReplyTexts texts;
    @Autowired
    Keywords keywords;

    private final ConversationKey buyer = new ConversationKey("test", uniqueUser());

    @Test
    void anOutcomeWithoutStateIsAnApologyAndTheConversationIsNotLeftLocked() {
        TurnInterceptor broken = ctx -> ctx.turn().trimmedText().equals("boom")
                ? Optional.of(Outcome.of(null, Intent.FALLBACK, 1.0, Reply.of("never recorded")))
                : Optional.empty();
        TurnRouter router = new TurnRouter(classifier, List.of(), List.of(), List.of(), List.of(broken),
                settings.maxTextLength(), keywords);
        ConversationEngine withBrokenHandler = new ConversationEngine(store, router, List.of(), texts, normalizer, clock,
                new TurnSettings(settings.maxTextLength(), session.turnWait(), session.historySize()),
                kefu.conversation.events.ConversationEvents.none());

        TurnResult r = withBrokenHandler.handle(Turn.text(buyer, "m1", "boom"));

        assertThat(r.replies()).isNotEmpty();
        assertThat(r.replies().get(0).text()).doesNotContain("never recorded").doesNotContain("Exception");
        long started = System.nanoTime();
        TurnResult next = engine.handle(Turn.text(buyer, "m2", "你好"));
        assertThat(next.intent()).isEqualTo(Intent.GREETING);
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms waited for the lease").isLessThan(2_000);
    }
}
