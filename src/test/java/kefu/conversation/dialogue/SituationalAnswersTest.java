package kefu.conversation.dialogue;

import kefu.conversation.Intent;
import kefu.conversation.Lang;
import kefu.conversation.TurnResult;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue cases 8 and 21: the part of the article that fits the buyer's situation, and "not sure" when none does. */
class SituationalAnswersTest extends DialogueTestBase {

    @Test
    void case8_pastTheUrgeThresholdTheAnswerLeadsWithThatSectionAndOffersTheUrge() {
        TurnResult r = say("话费充了快20分钟还没到");

        assertThat(text(r)).startsWith("【").contains("15");
        assertThat(buttons(r)).first().isEqualTo("intent:urge_order");
    }

    @Test
    void case21_productsAndPricesTheHelpCenterDoesNotDescribeGetNotSure() {
        TurnResult apple = say("苹果id充值怎么弄");
        TurnResult price = say("100块话费现在多少钱");
        TurnResult steam = say("steam余额怎么充到港服");

        assertThat(text(apple)).isEqualTo(reply("knowledge.not_described", Map.of("topic", "id")));
        assertThat(text(price)).isEqualTo(reply("knowledge.price"));
        assertThat(text(steam)).isEqualTo(reply("knowledge.not_described", Map.of("topic", "steam")));
        assertThat(buttons(steam)).contains("intent:human_handoff");
    }

    @Test
    void case21_aChineseProductNameTheHelpCenterNeverNamesGetsNotSureAndAPerson() {
        TurnResult game = say("你们卖王者荣耀点券吗");
        TurnResult coupon = say("有没有星巴克券");

        assertThat(game.intent()).isEqualTo(Intent.FAQ);
        // The shop sells game items (kefu.shop.rules has the category), so the reply says which kind and how to look.
        assertThat(text(game)).isEqualTo(reply("knowledge.not_described_kind",
                Map.of("topic", "王者荣耀点券", "kind", reply("shop.category.game_item"))));
        assertThat(buttons(game)).containsExactly("intent:human_handoff");
        assertThat(text(coupon)).isEqualTo(reply("knowledge.not_described", Map.of("topic", "星巴克券")));
        assertThat(state().fallbackStreak()).as("an honest 'not sure' is no misunderstanding").isZero();
    }

    @Test
    void case21_productsTheHelpCenterDescribesAreStillAnsweredFromIt() {
        TurnResult vip = say("你们卖腾讯视频会员吗");
        TurnResult newcomer = say("有新人优惠吗");

        assertThat(vip.sources()).isNotEmpty();
        assertThat(text(vip)).doesNotContain(lead("knowledge.not_described"));
        assertThat(newcomer.sources()).extracting(s -> s.id()).containsExactly("newbie-benefits");
    }

    /** A short complaint right after an answer is read against that article, never "I don't understand". */
    @Test
    void aComplaintRightAfterAnArticleIsAnsweredFromItOrLeadsToAfterSalesAndAPerson() {
        TurnResult how = say("爱奇艺会员怎么领取");
        TurnResult failing = say("领不了，一直提示失败");
        TurnResult still = say("还是不行");

        assertThat(how.sources()).isNotEmpty();
        String article = how.sources().get(0).id();
        assertThat(failing.intent()).isEqualTo(Intent.FAQ);
        assertThat(text(failing)).doesNotContain(reply("fallback").split("。")[0]);
        assertThat(failing.sources()).extracting(s -> s.id()).as("the same article, its part for trouble")
                .containsExactly(article);
        assertThat(text(failing)).isNotEqualTo(text(how));
        assertThat(buttons(failing)).as("and what to do if that does not help either")
                .contains("intent:after_sales", "intent:human_handoff");
        assertThat(still.intent()).isEqualTo(Intent.FAQ);
        assertThat(text(still) + buttons(still)).satisfiesAnyOf(
                t -> assertThat(t).contains("intent:after_sales"),
                t -> assertThat(t).contains("intent:human_handoff"));

        TurnResult fresh = engine.handle(kefu.conversation.Turn.text(
                new kefu.conversation.ConversationKey("test", uniqueUser()), null, "还是不行"));
        assertThat(fresh.intent()).as("without an article just answered it stays not understood")
                .isEqualTo(Intent.FALLBACK);
    }

    /** "找到了，但是…" goes on from the answer just given, even when its words are near another article. */
    @Test
    void aComplaintThatGoesOnFromTheAnswerStaysWithItsArticle() {
        TurnResult where = say("我买的点卡卡密在哪看");
        TurnResult wrong = say("找到了，但是充值的时候提示卡密错误");
        TurnResult other = say("怎么修改登录密码");

        String article = where.sources().get(0).id();
        assertThat(wrong.intent()).isEqualTo(Intent.FAQ);
        assertThat(wrong.sources()).extracting(s -> s.id()).as("not another article about passwords")
                .allMatch(article::equals);
        assertThat(text(wrong)).as("another part of it, or what to do next").isNotEqualTo(text(where));
        assertThat(other.sources()).as("a new question is answered as one").isNotEmpty()
                .noneMatch(s -> s.id().equals(article));
    }

    @Test
    void englishProductQuestionsGetNotSureForNamesTheHelpCenterNeverUsesAndAnswersForKindsItDescribes() {
        TurnResult steam = say("do you sell steam cards?");
        TurnResult netflix = say("Can I buy Netflix premium here?");
        TurnResult cards = say("do you sell game cards?");

        assertThat(text(steam)).isEqualTo(texts.get("knowledge.not_described", Lang.EN, Map.of("topic", "steam cards")));
        assertThat(buttons(steam)).contains("intent:human_handoff");
        assertThat(text(netflix)).isEqualTo(texts.get("knowledge.not_described", Lang.EN,
                Map.of("topic", "netflix premium")));
        assertThat(cards.sources()).as("a kind of product the help center describes").isNotEmpty();
    }

    @Test
    void case21_aWhereQuestionAnswersFromTheArticleNamingTheThing() {
        TurnResult r = say("充值中心在哪");

        assertThat(text(r)).contains("充值中心");
        assertThat(r.sources()).extracting(s -> s.id()).containsExactly("home-shortcuts");
    }

    @Test
    void aWhereQuestionAboutThingsTheHelpCenterNamesInOtherWordsIsAnsweredNotDoubted() {
        TurnResult claim = say("领取权益的按钮在哪");
        TurnResult cards = say("点卡的卡号卡密在哪里查看");
        TurnResult spent = say("想看看这个月一共花了多少钱");

        assertThat(claim.sources()).as("领取 + 权益, and 按钮: words the articles use").isNotEmpty();
        assertThat(cards.sources()).isNotEmpty();
        assertThat(text(spent)).as("money spent is not a price").isNotEqualTo(reply("knowledge.price"));
    }

    @Test
    void aNeverMindFollowedByARequestIsTheRequest() {
        TurnResult r = say("这单不要了帮我取消");

        assertThat(r.intent()).isEqualTo(Intent.CANCEL_ORDER);
    }

    @Test
    void case21_realNameWithSomeoneElsesIdSaysItMustBeOnesOwn() {
        TurnResult r = say("可以用别人身份证实名吗");

        assertThat(r.sources()).extracting(s -> s.id()).containsExactly("real-name-verification");
        assertThat(text(r)).contains("本人");
    }
}
