package kefu.conversation;

import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static kefu.testsupport.ReplyKeyMatcher.fromKey;
import static org.assertj.core.api.Assertions.assertThat;


class ConversationEngineTest extends AppTest {

    @Autowired
    ConversationEngine engine;
    @Autowired
    ConversationStore store;

    private final ConversationKey buyer = new ConversationKey("test", uniqueUser());

    @Test
    void greetingIsAnsweredWithTheMenu() {
        TurnResult r = engine.handle(Turn.text(buyer, null, "你好"));

        assertThat(r.intent()).isEqualTo(Intent.GREETING);
        assertThat(r.replies()).hasSize(1);
        assertThat(r.replies().get(0).buttons()).extracting(Button::data).contains("intent:human_handoff");
    }

    @Test
    void theChannelsLanguageHintStartsTheConversationAndTheTextDecidesAfter() {
        TurnResult first = engine.handle(Turn.text(buyer, null, "hi").withLanguageHint(Lang.EN));
        TurnResult later = engine.handle(Turn.text(buyer, null, "你好").withLanguageHint(Lang.EN));

        assertThat(first.replies().get(0).text()).matches(fromKey("greeting", Lang.EN));
        assertThat(later.replies().get(0).text()).matches(fromKey("greeting"));
    }

    @Test
    void englishTextIsAnsweredInEnglish() {
        TurnResult r = engine.handle(Turn.text(buyer, null, "hello there"));

        assertThat(r.replies().get(0).text()).matches(fromKey("greeting", Lang.EN));
    }

    @Test
    void concurrentTurnsOfOneBuyerLoseNoUpdate() throws Exception {
        int turns = 8; // 16 history lines: inside the 20 kept, so every turn must be there
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<TurnResult>> calls = new ArrayList<>();
            for (int i = 0; i < turns; i++) {
                String id = "c" + i;
                calls.add(() -> engine.handle(Turn.text(buyer, id, "你好")));
            }
            for (Future<TurnResult> f : pool.invokeAll(calls)) {
                assertThat(f.get().duplicate()).isFalse();
            }
        } finally {
            pool.shutdown();
        }

        ConversationState state = store.peek(buyer).orElseThrow();
        long buyerLines = state.history().stream().filter(h -> h.role().equals(HistoryEntry.BUYER)).count();
        assertThat(buyerLines).isEqualTo(turns);
        assertThat(state.history()).hasSize(2 * turns);
    }

    @Test
    void aRedeliveredMessageIsHandledOnce() {
        TurnResult first = engine.handle(Turn.text(buyer, "update-42", "你好"));
        TurnResult again = engine.handle(Turn.text(buyer, "update-42", "你好"));

        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.replies()).isEmpty();
        assertThat(store.peek(buyer).orElseThrow().history())
                .filteredOn(h -> h.role().equals(HistoryEntry.BUYER)).hasSize(1);
    }

    @Test
    void aButtonTheBotNeverOfferedIsRefused() {
        TurnResult forged = engine.handle(Turn.button(buyer, null, "intent:human_handoff"));

        assertThat(forged.intent()).isEqualTo(Intent.FALLBACK);
        assertThat(forged.replies().get(0).text()).matches(fromKey("button.stale"));
    }

    @Test
    void anOldButtonIsRefusedWithButtonsToGoOn() {
        engine.handle(Turn.text(buyer, null, "你好"));
        engine.handle(Turn.text(buyer, null, "话费多久到账"));

        TurnResult old = engine.handle(Turn.button(buyer, null, "pick:cancel:K2026112400001"));
        TurnResult next = engine.handle(Turn.button(buyer, null, "intent:human_handoff"));

        assertThat(old.replies().get(0).text()).matches(fromKey("button.stale"));
        assertThat(old.replies().get(0).buttons()).extracting(Button::data).contains("intent:human_handoff");
        assertThat(next.intent()).isEqualTo(Intent.HUMAN_HANDOFF);
    }

    @Test
    void aScreenshotSentOutsideTheFormIsExplainedNotTreatedAsAQuestion() {
        TurnResult r = engine.handle(Turn.attachment(buyer, null,
                new Attachment("/nonexistent/shot.png", "shot.png", "image/png", 1024), null));

        assertThat(r.replies().get(0).text()).matches(fromKey("fallback.file"));
        assertThat(r.replies().get(0).buttons()).extracting(Button::data).contains("intent:after_sales");
    }

    @Test
    void thanksGetsAShortWelcomeNotTheIntroductionAgain() {
        engine.handle(Turn.text(buyer, null, "你好"));

        TurnResult zh = engine.handle(Turn.text(buyer, null, "好的谢谢"));
        TurnResult en = engine.handle(Turn.text(buyer, null, "thank you!"));

        assertThat(zh.intent()).isEqualTo(Intent.GREETING);
        assertThat(zh.replies().get(0).text()).matches(fromKey("small_talk.thanks"));
        assertThat(en.replies().get(0).text()).matches(fromKey("small_talk.thanks", Lang.EN));
    }

    @Test
    void aMistypedUrgeIsStillAnUrge() {
        assertThat(engine.handle(Turn.text(buyer, null, "催蛋")).intent()).isEqualTo(Intent.URGE_ORDER);
        assertThat(engine.handle(Turn.text(new ConversationKey("test", uniqueUser()), null, "崔单")).intent())
                .isEqualTo(Intent.URGE_ORDER);
    }

    @Test
    void anOfferedButtonIsHonoured() {
        engine.handle(Turn.text(buyer, null, "你好"));

        TurnResult pressed = engine.handle(Turn.button(buyer, null, "intent:faq"));

        assertThat(pressed.intent()).isEqualTo(Intent.FAQ);
    }

    @Test
    void overlongAndEmptyMessagesGetAPoliteAnswer() {
        TurnResult longOne = engine.handle(Turn.text(buyer, null, "啊".repeat(100_000)));
        TurnResult empty = engine.handle(Turn.text(buyer, null, " \u200b\u202e "));

        assertThat(longOne.replies().get(0).text()).matches(fromKey("input.too_long"));
        assertThat(empty.replies().get(0).text()).matches(fromKey("input.empty"));
    }

    @Test
    void unknownChatterFallsBackAndCountsTheStreak() {
        engine.handle(Turn.text(buyer, null, "今天天气怎么样"));
        TurnResult second = engine.handle(Turn.text(buyer, null, "帮我写一首关于秋天的诗"));

        assertThat(second.intent()).isEqualTo(Intent.FALLBACK);
        assertThat(store.peek(buyer).orElseThrow().fallbackStreak()).isEqualTo(2);
    }
}
