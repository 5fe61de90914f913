package kefu.nlu;

import kefu.app.BotFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped {@code bot/dialogue.yml} read as the bot reads it. */
class DialogueCuesTest {

    private final DialogueCues cues = new DialogueCuesLoader().load(new BotFiles(Path.of("bot"), Path.of("knowledge-base")));

    @Test
    void acknowledgementsThanksPraiseAndEmojiAreSmallTalk() {
        assertThat(cues.smallTalk("好的")).contains("ack");
        assertThat(cues.smallTalk("嗯嗯 知道了")).contains("ack");
        assertThat(cues.smallTalk("行吧")).contains("ack");
        assertThat(cues.smallTalk("ok")).contains("ack");
        assertThat(cues.smallTalk("收到了 谢谢啊")).contains("thanks");
        assertThat(cues.smallTalk("找到了 多谢")).contains("thanks");
        assertThat(cues.smallTalk("多谢你！")).contains("thanks");
        assertThat(cues.smallTalk("好的，感谢您")).contains("thanks");
        assertThat(cues.smallTalk("Thank you so much!")).contains("thanks");
        assertThat(cues.smallTalk("👍")).contains("praise");
        assertThat(cues.smallTalk("😂😂")).contains("emoji");
        assertThat(cues.smallTalk("拜拜")).contains("goodbye");
        assertThat(cues.smallTalk("好滴呀~")).as("filler particles skipped").contains("ack");
        assertThat(cues.confirms("确认啦！")).isTrue();
    }

    @Test
    void aMessageSayingMoreIsNotSmallTalk() {
        assertThat(cues.smallTalk("好的 那我的话费什么时候到")).isEmpty();
        assertThat(cues.smallTalk("话费多久到账")).isEmpty();
        assertThat(cues.smallTalk("K2026112400004")).isEmpty();
    }

    @Test
    void askingWhetherTheBotIsAPersonIsNotARequestForOne() {
        assertThat(cues.smallTalk("你是机器人吗")).contains(DialogueCues.IDENTITY);
        assertThat(cues.smallTalk("你是真人吗")).contains(DialogueCues.IDENTITY);
        assertThat(cues.smallTalk("are you a bot?")).contains(DialogueCues.IDENTITY);
        assertThat(cues.asksForPerson("你是人工吗")).isFalse();
        assertThat(cues.asksForPerson("K2026112400077 话费还没到 转人工")).isTrue();
        assertThat(cues.asksForPerson("帮我找个真人")).isTrue();
        assertThat(cues.asksForPerson("I want to talk to a human")).isTrue();
    }

    @Test
    void changingOnesMindIsANegation() {
        assertThat(cues.negates("不是 我说错了 不取消")).isTrue();
        assertThat(cues.negates("不用了 不取消")).isTrue();
        assertThat(cues.negates("算了")).isTrue();
        assertThat(cues.negates("帮我取消一下")).isFalse();
    }

    @Test
    void angerAndUrgencyAreHeard() {
        assertThat(cues.mood("话费充了半小时了还没到 你们是不是骗子啊！！！")).contains(DialogueCues.ANGRY);
        assertThat(cues.mood("差评")).contains(DialogueCues.ANGRY);
        assertThat(cues.mood("再催一下 急用")).contains(DialogueCues.URGENT);
        assertThat(cues.mood("话费多久到账")).isEmpty();
    }

    @Test
    void twoRequestsInOneMessageAreSplit() {
        assertThat(cues.split("查一下K2026112400013 顺便问下积分怎么用"))
                .contains(List.of("查一下K2026112400013", "积分怎么用"));
        assertThat(cues.split("顺便问下积分怎么用")).isEmpty();
    }

    @Test
    void myTopUpNamesACategory() {
        assertThat(cues.mine("我充的话费到账没有")).isTrue();
        assertThat(cues.category("我充的话费到账没有")).contains("mobile_topup");
        assertThat(cues.category("我的会员开通了吗")).contains("video_vip");
        assertThat(cues.category("话费和流量")).isEmpty();
    }

    @Test
    void intentCuesAreReadFromTheDialogueFile() {
        IntentCues said = new DialogueCuesLoader().intentCues(new BotFiles(Path.of("bot"), Path.of("knowledge-base")));

        assertThat(said.asks("怎么查订单")).isTrue();
        assertThat(said.asks("怎么还没到")).isFalse();
        assertThat(said.demands("帮我催一下")).isTrue();
        assertThat(said.namedAction("我要退款")).contains(kefu.conversation.Intent.AFTER_SALES);
        assertThat(said.namedAction("取消还是退款")).isEmpty();
        assertThat(said.asksProgress("售后好了没")).isTrue();
        assertThat(said.asksProgress("T2026113000001 怎么样了")).isTrue();
        assertThat(said.asksProgress("K2026112400004 怎么样了")).isFalse();
        assertThat(said.bindRequest("绑定账号")).isTrue();
        assertThat(said.bindRequest("绑定账号有什么用")).isFalse();
        assertThat(said.unbindRequest("解绑")).isTrue();
    }

    @Test
    void aBadOrMissingIntentCueStopsStartUpNamingFileAndEntry(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String shipped = java.nio.file.Files.readString(Path.of("bot/dialogue.yml"));
        java.nio.file.Files.writeString(dir.resolve("dialogue.yml"), shipped.replace("  - 进展\n", "  - '进展('\n"));
        BotFiles files = new BotFiles(dir, Path.of("knowledge-base"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DialogueCuesLoader().intentCues(files))
                .hasMessageContaining("bot/dialogue.yml: progress: bad pattern '进展('");

        // A section the operator's file lacks (an older version's file) comes from the packaged copy.
        java.nio.file.Files.writeString(dir.resolve("dialogue.yml"), shipped.replace("demands:", "demanded:"));
        assertThat(new DialogueCuesLoader().intentCues(files)).isNotNull();

        java.nio.file.Files.writeString(dir.resolve("dialogue.yml"), shipped.replace("(?<proof>\\d{4})", "(\\d{4})"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DialogueCuesLoader().proofWords(files))
                .hasMessageContaining("bot/dialogue.yml: proof-words.last-digits:")
                .hasMessageContaining("has no group (?<proof>...)");

        java.nio.file.Files.writeString(dir.resolve("dialogue.yml"), shipped.replace("(?<thing>[\\p{IsHan}", "([\\p{IsHan}"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new kefu.knowledge.QuestionCuesLoader().load(files))
                .hasMessageContaining("bot/dialogue.yml: where:").hasMessageContaining("has no group (?<thing>...)");
    }
}
