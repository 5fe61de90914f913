package kefu.privacy;

import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationKey;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;
import kefu.testsupport.AppTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** What buyers say and what the shop reveals never reaches the logs. */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest extends AppTest {

    @Autowired
    ConversationEngine engine;

    @Test
    void phonesEmailsAndRedemptionCodesStayOutOfTheLogs(CapturedOutput output) {
        ConversationKey buyer = new ConversationKey("test", uniqueUser());

        engine.handle(Turn.text(buyer, null, "我的手机号 13912345678，邮箱 zhang.san@example.com，帮我查订单"));
        engine.handle(Turn.text(buyer, null, "K2026112400004"));
        TurnResult revealed = engine.handle(Turn.text(buyer, null, "5678"));
        engine.handle(Turn.text(buyer, null, "{broken json \"text\": \"13912345678\""));

        assertThat(revealed.replies()).anyMatch(r -> r.privateOnly() && r.text().contains("IQY-8H2K-99QZ-1M3N"));
        assertThat(output.getAll()).contains("turn chat=")
                .doesNotContain("13912345678", "zhang.san@example.com", "IQY-8H2K-99QZ-1M3N", "13812345678",
                        "我的手机号");
    }
}
