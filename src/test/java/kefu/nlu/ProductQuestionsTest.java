package kefu.nlu;

import kefu.app.BotFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** "Do you sell X?" read with the shipped {@code bot/dialogue.yml}, for a shop selling some categories only. */
class ProductQuestionsTest {

    private final BotFiles files = new BotFiles(Path.of("bot"), Path.of("knowledge-base"));
    private final ProductQuestions topUpsOnly = new DialogueCuesLoader().productQuestions(files,
            Set.of("mobile_topup", "data_pack", "video_vip"));

    @Test
    void theProductNamedIsSplitIntoItsKindAndItsName() {
        ProductQuestions.Asked asked = topUpsOnly.asked("你们卖王者荣耀点券吗").orElseThrow();

        assertThat(asked.thing()).isEqualTo("王者荣耀点券");
        assertThat(asked.names()).containsExactly("王者荣耀");
        assertThat(asked.categories()).containsExactly("game_item");
    }

    @Test
    void aKindTheShopHasNoRulesForIsNotSold() {
        assertThat(topUpsOnly.asked("有没有王者荣耀点券").orElseThrow().sold()).isFalse();
        assertThat(topUpsOnly.asked("你们卖点券吗").orElseThrow().sold()).isFalse();
        assertThat(topUpsOnly.asked("你们卖腾讯视频会员吗").orElseThrow().sold()).isTrue();
        assertThat(topUpsOnly.asked("能充话费吗").orElseThrow().sold()).isTrue();
    }

    @Test
    void questionsAboutOffersOrPeopleAreNotAboutAProduct() {
        assertThat(topUpsOnly.asked("有什么优惠吗")).isEmpty();
        assertThat(topUpsOnly.asked("有没有人工客服")).isEmpty();
        assertThat(topUpsOnly.asked("话费多久到账")).isEmpty();
    }

    @Test
    void englishQuestionsNameLatinWordsAndLeaveGenericOnesOut() {
        ProductQuestions.Asked steam = topUpsOnly.asked("Do you sell Steam gift cards?").orElseThrow();

        assertThat(steam.thing()).isEqualTo("steam gift cards");
        assertThat(steam.names()).containsExactly("steam");
        assertThat(topUpsOnly.asked("do you sell game cards?").orElseThrow().names()).isEmpty();
        assertThat(topUpsOnly.asked("how do I get a refund?")).isEmpty();
        assertThat(topUpsOnly.asked("do you have a refund policy?")).as("only selling, stock and buying are product questions")
                .isEmpty();
    }
}
