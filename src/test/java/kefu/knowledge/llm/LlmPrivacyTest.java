package kefu.knowledge.llm;

import dev.langchain4j.model.openai.OpenAiChatModel;
import kefu.app.BotFiles;
import kefu.app.ReplyTextsLoader;
import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import kefu.knowledge.AnswerComposer.Passage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The language model is a third party: it never receives a buyer's full phone number or email. */
class LlmPrivacyTest {

    private final ReplyTexts texts = new ReplyTextsLoader().load(new BotFiles(Path.of("bot"), Path.of("knowledge-base")));

    @Test
    void phoneNumbersAndEmailsInTheQuestionAreMaskedBeforeTheModelSeesThem() throws Exception {
        try (FakeChatServer server = new FakeChatServer()) {
            OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key")
                    .modelName("fake-model").timeout(Duration.ofSeconds(3)).maxRetries(0).build();
            LlmAnswerComposer composer = new LlmAnswerComposer(model, texts, Clock.systemUTC(), Duration.ofMinutes(1));

            composer.compose("给13812345678充的话费多久到账？邮箱 alice.wang@example.com",
                    List.of(new Passage("话费多久到账", "话费通常1-10分钟到账。")), Lang.ZH);

            String request = server.requests().get(0);
            assertThat(request).doesNotContain("13812345678").doesNotContain("alice.wang@")
                    .contains("[phone]").contains("[email]");
        }
    }

    @Test
    void everyPhoneIdCardBankCardAndEmailIsMaskedWhateverItsSeparators() throws Exception {
        try (FakeChatServer server = new FakeChatServer()) {
            OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key")
                    .modelName("fake-model").timeout(Duration.ofSeconds(3)).maxRetries(0).build();
            LlmAnswerComposer composer = new LlmAnswerComposer(model, texts, Clock.systemUTC(), Duration.ofMinutes(1));

            composer.compose("号码 138-1234-5678，还有 139 8765 4321 和 +8613700001111、+86 136.2222.3333，"
                            + "身份证 11010119900307123X，卡号 6222 0212 3456 7890 123 / 6217000011112222333，"
                            + "座机 021-5555 6666，邮箱 a@b.cn 和 second.one@example.org",
                    List.of(new Passage("话费多久到账", "话费通常1-10分钟到账。")), Lang.ZH);

            String request = server.requests().get(0);
            assertThat(request).doesNotContain("1234-5678").doesNotContain("8765 4321").doesNotContain("00001111")
                    .doesNotContain("2222.3333").doesNotContain("19900307").doesNotContain("7890")
                    .doesNotContain("11112222").doesNotContain("5555").doesNotContain("a@b.cn")
                    .doesNotContain("second.one");
            assertThat(request.split("\\[phone]", -1)).hasSize(6);
        }
    }
}
