package kefu.conversation.dialogue;

import kefu.conversation.Intent;
import kefu.conversation.TurnResult;
import kefu.shop.SandboxFixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static kefu.shop.SandboxFixtures.delivered;
import static kefu.shop.SandboxFixtures.orderNo;
import static kefu.shop.SandboxFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue cases 4 and 14: the after-sales form takes words, and a screenshot is kept for it. */
class AfterSalesInWordsTest extends DialogueTestBase {

    @Test
    void case4_aTypedReasonAPhotoEarlyAQuestionAndATypedConfirmation() throws Exception {
        String no = orderNo();
        sandbox.load(orders(delivered(no, null, "software_key", "W269N-TEST", false, 3650)));
        Path png = SandboxFixtures.png();
        say(no + " 我要售后");
        say("5678");

        TurnResult reason = say("激活时一直提示密钥无效");
        TurnResult question = say("售后一般多久处理完？");
        TurnResult shot = photo(png, null);
        TurnResult done = say("提交");

        assertThat(reason.intent()).isEqualTo(Intent.AFTER_SALES);
        assertThat(text(reason)).isEqualTo(reply("shop.as.ask_photo"));
        assertThat(question.intent()).isEqualTo(Intent.FAQ);
        assertThat(text(shot)).contains("激活时一直提示密钥无效").doesNotContain("售后一般多久处理完");
        assertThat(text(done)).contains(no).doesNotContain(reply("knowledge.unsure"));
        assertThat(state().flow()).isNull();
        assertThat(state().fact("shop.tickets")).isNotBlank();
    }

    @Test
    void case4_aPhotoBeforeTheDescriptionIsKeptForTheEvidenceStep() throws Exception {
        String no = orderNo();
        sandbox.load(orders(delivered(no, null, "software_key", "W269N-TEST", false, 3650)));
        Path png = SandboxFixtures.png();
        say(no + " 我要售后");
        say("5678");

        TurnResult early = photo(png, null);
        press("as:reason:not_working");
        TurnResult described = say("激活码用不了");
        TurnResult sure = say("好了 就这些");

        assertThat(text(early)).startsWith(reply("shop.as.photo_kept.reason")).doesNotContain(reply("shop.as.photo_too_early"));
        assertThat(text(described)).contains("激活码用不了").doesNotContain(reply("shop.as.ask_photo"));
        assertThat(state().flow()).isNull();
        assertThat(text(sure)).contains(no);
    }

    @Test
    void case14_aCaptionedScreenshotLeadsIntoAfterSalesAndIsKept() throws Exception {
        String no = orderNo();
        sandbox.load(orders(delivered(no, null, "software_key", "W269N-TEST", false, 3650)));
        say(no);
        say("5678");

        TurnResult r = photo(SandboxFixtures.png(), "卡密用不了 看截图");

        assertThat(r.intent()).isEqualTo(Intent.AFTER_SALES);
        assertThat(state().flow()).isEqualTo("after_sales");
        assertThat(state().dialogue().evidence()).hasSize(1);
    }
}
