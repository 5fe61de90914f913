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
                    .contains("138****5678").contains("a***@example.com");
        }
    }
}
