package kefu.conversation.orders;

import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Lang;
import kefu.conversation.Reply;
import kefu.conversation.ReplyTexts;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;
import kefu.conversation.ConversationStore;
import kefu.shop.SandboxFixtures;
import kefu.shop.sandbox.SandboxShop;
import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The attack of guessing bind codes one message at a time in the bind step, through the engine. */
class BindCodeGuessingTest extends AppTest {

    @Autowired
    ConversationEngine engine;
    @Autowired
    ConversationStore store;
    @Autowired
    SandboxShop sandbox;
    @Autowired
    ReplyTexts texts;

    private final ConversationKey guesser = new ConversationKey("test", uniqueUser());

    private String say(String text) {
        TurnResult r = engine.handle(Turn.text(guesser, null, text));
        return r.replies().stream().map(Reply::text).collect(Collectors.joining("\n"));
    }

    /** The reply's fixed text before its first placeholder. */
    private String lead(String key) {
        return texts.get(key, Lang.ZH, Map.of("time", "\u0000")).split("\u0000")[0];
    }

    @Test
    void afterFiveWrongCodesTheRightOneNoLongerBinds() {
        String account = "A" + uniqueUser();
        String code = SandboxFixtures.code();
        sandbox.load(SandboxFixtures.account(account, code));

        say("绑定账号");
        for (int i = 0; i < 5; i++) {
            assertThat(say("9" + i + "1234567")).startsWith(lead("shop.bind.invalid"));
        }
        String last = say(code);

        assertThat(last).startsWith(lead("shop.bind.locked"));
        assertThat(store.peek(guesser).orElseThrow().fact("shop.account")).isNull();
    }

    @Test
    void theLockAlsoStopsTheInlineCommand() {
        String account = "A" + uniqueUser();
        String code = SandboxFixtures.code();
        sandbox.load(SandboxFixtures.account(account, code));

        for (int i = 0; i < 5; i++) {
            say("/bind 8" + i + "7654321");
        }
        String last = say("/bind " + code);

        assertThat(last).startsWith(lead("shop.bind.locked"));
        assertThat(store.peek(guesser).orElseThrow().fact("shop.account")).isNull();
    }
}
