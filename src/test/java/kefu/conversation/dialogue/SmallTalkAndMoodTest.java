package kefu.conversation.dialogue;

import kefu.conversation.Intent;
import kefu.conversation.TurnResult;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static kefu.shop.SandboxFixtures.order;
import static kefu.shop.SandboxFixtures.orderNo;
import static kefu.shop.SandboxFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue cases 1, 2, 5, 6, 7 and 18: how the buyer talks, beside what they ask. */
class SmallTalkAndMoodTest extends DialogueTestBase {

    @Test
    void case1_acknowledgementsAreAnsweredBrieflyAndNeverCountAsNotUnderstood() {
        say("话费多久到账");

        TurnResult ok = say("ok");
        TurnResult gotIt = say("嗯嗯 知道了");
        TurnResult thumb = say("👍");
        TurnResult thanks = say("收到了 谢谢啊");
        TurnResult fine = say("好的");

        assertThat(text(ok)).isEqualTo(reply("small_talk.ack"));
        assertThat(text(gotIt)).isEqualTo(reply("small_talk.ack"));
        assertThat(text(thumb)).isEqualTo(reply("small_talk.praise"));
        assertThat(text(thanks)).isEqualTo(reply("small_talk.thanks"));
        assertThat(text(fine)).isEqualTo(reply("small_talk.ack")).doesNotContain(reply("greeting"));
        assertThat(fine.handoff()).isFalse();
        assertThat(state().fallbackStreak()).isZero();
    }

    @Test
    void case1_afterAnUrgeOkAndHmmDoNotQueueForAPerson() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 40)));
        say(no + " 催一下");
        TurnResult urged = say("5678");

        TurnResult fine = say("行吧");
        TurnResult hmm = say("嗯");

        assertThat(urged.intent()).isEqualTo(Intent.URGE_ORDER);
        assertThat(fine.handoff()).isFalse();
        assertThat(hmm.handoff()).isFalse();
        assertThat(hmm.intent()).isEqualTo(Intent.GREETING);
        assertThat(state().botOwned()).isTrue();
    }

    @Test
    void case2_theBotSaysWhatItIsAndOffersAPerson() {
        TurnResult bot = say("你是机器人吗");
        TurnResult person = say("你是真人吗");

        assertThat(text(bot)).isEqualTo(reply("small_talk.identity"));
        assertThat(text(person)).isEqualTo(reply("small_talk.identity"));
        assertThat(person.handoff()).isFalse();
        assertThat(buttons(person)).contains("intent:human_handoff");
    }

    @Test
    void case5_aRequestForAPersonWinsOverTheOrderInTheSameMessage() {
        String no = orderNo();
        sandbox.load(orders(order(no, null, "mobile_topup", "processing", 40)));

        TurnResult r = say(no + " 话费还没到 转人工");

        assertThat(r.handoff()).isTrue();
        assertThat(r.intent()).isEqualTo(Intent.HUMAN_HANDOFF);
        assertThat(text(r)).doesNotContain(lead("shop.ask_proof"));
    }

    @Test
    void case6_changingOnesMindDropsThePendingCancel() {
        TurnResult ask = say("帮我取消一下");
        TurnResult never = say("不是 我说错了 不取消");

        assertThat(ask.intent()).isEqualTo(Intent.CANCEL_ORDER);
        assertThat(ask.flow()).isEqualTo("orders");
        assertThat(text(never)).isEqualTo(reply("small_talk.never_mind"));
        assertThat(never.flow()).isNull();
        assertThat(buttons(never)).noneMatch(b -> b.startsWith("cancel:"));
    }

    @Test
    void case7_anAngryBuyerGetsOneApologyAndTheUrgeAtOnce() {
        TurnResult angry = say("话费充了半小时了还没到 你们是不是骗子啊！！！");
        TurnResult rating = say("差评");

        assertThat(angry.intent()).isEqualTo(Intent.URGE_ORDER);
        assertThat(text(angry)).startsWith(reply("mood.angry")).contains(reply("shop.ask_order.urge"));
        assertThat(text(rating)).startsWith(reply("mood.angry")).contains(reply("mood.offer_person"));
        assertThat(buttons(rating)).contains("intent:human_handoff");
        assertThat(rating.handoff()).isFalse();
    }

    @Test
    void case18_randomLettersKeepAChineseBuyerInChinese() {
        say("你好");

        TurnResult r = say("asdf qwer zxcv");

        assertThat(state().lang()).hasToString("ZH");
        assertThat(text(r)).isEqualTo(reply("fallback"));
    }

    @Test
    void case18_theQueueLineReadsRightInEnglish() {
        assertThat(texts.get("handoff.queued", kefu.conversation.Lang.EN, Map.of("ahead", 1, "minutes", 3)))
                .doesNotContain("(s)");
        assertThat(texts.get("handoff.relayed", kefu.conversation.Lang.EN, Map.of("ahead", 1))).doesNotContain("(s)");
    }
}
