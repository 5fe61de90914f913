package kefu.knowledge.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.openai.OpenAiChatModel;

import kefu.app.BotFiles;
import kefu.app.ReplyTextsLoader;
import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import kefu.knowledge.AnswerComposer.Passage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static kefu.testsupport.ReplyKeyMatcher.fromKey;
import static org.assertj.core.api.Assertions.assertThat;

class LlmAnswerComposerTest {

    private final ReplyTexts texts = new ReplyTextsLoader().load(new BotFiles(Path.of("bot"), Path.of("knowledge-base")));
    private final List<Passage> passages = List.of(new Passage("话费多久到账", "话费通常1-10分钟到账。"));
    private FakeChatServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theModelPhrasesTheAnswerFromThePassagesOnly() throws Exception {
        server = new FakeChatServer();
        LlmAnswerComposer composer = composer(server.baseUrl(), Duration.ofSeconds(3), Duration.ofMinutes(1));

        Optional<String> answer = composer.compose("话费多久到账", passages, Lang.ZH);

        assertThat(answer).contains("您好，话费一般1-10分钟到账。");
        String request = server.requests().get(0);
        assertThat(request).contains("fake-model").contains("话费通常1-10分钟到账").doesNotContain("\"tools\"");
        assertThat(new ObjectMapper().readTree(request).path("messages").get(0).path("content").asText())
                .as("the system prompt of the reply files").matches(fromKey("knowledge.llm.system"));
    }

    @Test
    void aModelThatDeclinesMeansAnExtractiveAnswer() throws Exception {
        server = new FakeChatServer();
        server.answer(LlmAnswerComposer.NO_ANSWER);

        assertThat(composer(server.baseUrl(), Duration.ofSeconds(3), Duration.ofMinutes(1))
                .compose("话费多久到账", passages, Lang.ZH)).isEmpty();
    }

    @Test
    void aSlowModelTimesOutAndIsLeftAloneForTheCooldown() throws Exception {
        server = new FakeChatServer();
        server.delay(3000);
        LlmAnswerComposer composer = composer(server.baseUrl(), Duration.ofMillis(500), Duration.ofMinutes(1));

        long started = System.nanoTime();
        Optional<String> first = composer.compose("话费多久到账", passages, Lang.ZH);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        Optional<String> second = composer.compose("话费多久到账", passages, Lang.ZH);

        assertThat(first).isEmpty();
        assertThat(tookMs).isLessThan(2500);
        assertThat(second).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anUnreachableModelMeansAnExtractiveAnswer() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        LlmAnswerComposer composer = composer("http://127.0.0.1:" + closedPort + "/v1", Duration.ofSeconds(2),
                Duration.ofMinutes(1));

        assertThat(composer.compose("话费多久到账", passages, Lang.ZH)).isEmpty();
    }

    private LlmAnswerComposer composer(String baseUrl, Duration timeout, Duration cooldown) {
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey("test-key").modelName("fake-model")
                .timeout(timeout).maxRetries(0).build();
        return new LlmAnswerComposer(model, texts, Clock.systemUTC(), cooldown);
    }
}
