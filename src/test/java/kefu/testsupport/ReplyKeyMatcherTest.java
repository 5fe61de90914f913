package kefu.testsupport;

import kefu.app.BotFiles;
import kefu.app.ReplyTextsLoader;
import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static kefu.testsupport.ReplyKeyMatcher.anyOf;
import static kefu.testsupport.ReplyKeyMatcher.inOrder;
import static org.assertj.core.api.Assertions.assertThat;

class ReplyKeyMatcherTest {

    private final ReplyTexts texts = new ReplyTexts(Map.of(
            "urged", Map.of(Lang.ZH, "已为您催单 (*) 订单 {order} 在 {handled} 前处理。", Lang.EN, "Order {order} urged."),
            "left", Map.of(Lang.ZH, "已取消排队。")));
    private final ReplyKeyMatcher matcher = new ReplyKeyMatcher(texts);

    @Test
    void aTextMadeFromTheKeyMatchesWhateverFilledItsPlaceholders() {
        String reply = texts.get("urged", Lang.ZH, Map.of("order", "K2026112400012", "handled", "10:30\n明天"));

        assertThat(reply).matches(matcher.pattern("urged", Lang.ZH, Map.of()));
        assertThat(reply).matches(matcher.pattern("urged", Lang.ZH, Map.of("order", "K2026112400012")));
        assertThat(reply).doesNotMatch(matcher.pattern("urged", Lang.ZH, Map.of("order", "K2026112400099")));
        assertThat(reply).doesNotMatch(matcher.pattern("urged", Lang.EN, Map.of()));
        assertThat("已为您催单 (x) 订单 K1 在 10:30 前处理。").as("the template's own characters are literal")
                .doesNotMatch(matcher.pattern("urged", Lang.ZH, Map.of()));
    }

    @Test
    void textsCanBeFoundInsideALongerReplyInOrderOrAsAlternatives() {
        String urged = texts.get("urged", Lang.ZH, Map.of("order", "K1", "handled", "10:30"));
        String both = texts.get("left", Lang.ZH, Map.of()) + "\n" + urged;

        assertThat(both).containsPattern(matcher.pattern("urged", Lang.ZH, Map.of()));
        assertThat(both).containsPattern(inOrder(matcher.pattern("left", Lang.ZH, Map.of()),
                matcher.pattern("urged", Lang.ZH, Map.of())));
        assertThat(both).doesNotContainPattern(inOrder(matcher.pattern("urged", Lang.ZH, Map.of()),
                matcher.pattern("left", Lang.ZH, Map.of())));
        assertThat(urged).matches(anyOf(matcher.pattern("left", Lang.ZH, Map.of()),
                matcher.pattern("urged", Lang.ZH, Map.of())));
    }

    @Test
    void theReplyFilesOfTheApplicationAreRead() {
        ReplyTexts bot = new ReplyTextsLoader().load(new BotFiles(Path.of("bot"), Path.of("knowledge-base")));
        String queued = bot.get("handoff.queued", Lang.ZH, Map.of("ahead", 2, "minutes", 6));

        assertThat(queued).matches(ReplyKeyMatcher.fromKey("handoff.queued", Map.of("ahead", 2)))
                .doesNotMatch(ReplyKeyMatcher.fromKey("handoff.queued", Map.of("ahead", 3)))
                .doesNotMatch(ReplyKeyMatcher.fromKey("handoff.queued_next"));
    }
}
