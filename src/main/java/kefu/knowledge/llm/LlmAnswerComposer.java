package kefu.knowledge.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import kefu.knowledge.AnswerComposer;
import kefu.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks an OpenAI-compatible model to phrase the answer from the retrieved passages only. The model gets
 * no tools and no order data; the operator's instructions ({@code knowledge.llm.*} in bot/replies) go in
 * the system message and the buyer's question is quoted as data. Any failure, timeout or unusable reply
 * means an extractive answer, and the model is left alone for a cool-down.
 */
public final class LlmAnswerComposer implements AnswerComposer {

    private static final Logger log = LoggerFactory.getLogger(LlmAnswerComposer.class);
    /** What the model answers when the passages do not cover the question (asked for in the system prompt). */
    static final String NO_ANSWER = "NO_ANSWER";
    private static final int MAX_ANSWER_CHARS = 1200;

    private final ChatModel model;
    private final ReplyTexts texts;
    private final Clock clock;
    private final Duration cooldown;
    private volatile Instant quietUntil = Instant.MIN;

    public LlmAnswerComposer(ChatModel model, ReplyTexts texts, Clock clock, Duration cooldown) {
        this.model = model;
        this.texts = texts;
        this.clock = clock;
        this.cooldown = cooldown;
    }

    @Override
    public Optional<String> compose(String question, List<Passage> passages, Lang lang) {
        if (passages.isEmpty() || clock.instant().isBefore(quietUntil)) {
            return Optional.empty();
        }
        StringBuilder material = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            material.append('[').append(i + 1).append("] 《").append(passages.get(i).title()).append("》\n")
                    .append(passages.get(i).text()).append("\n\n");
        }
        String system = texts.get("knowledge.llm.system", lang, Map.of("none", NO_ANSWER));
        // The question is data: angle quotes make clear where it starts and ends. Personal data a buyer typed
        // is replaced by placeholders: the model is a third party and needs none of it to answer from the articles.
        String user = texts.get("knowledge.llm.user", lang, Map.of("passages", material.toString().strip(),
                "question", PersonalData.redact(question).replace("»", "").replace("«", "")));
        try {
            String reply = model.chat(SystemMessage.from(system), UserMessage.from(user)).aiMessage().text();
            String text = reply == null ? "" : reply.strip();
            if (text.isEmpty() || text.contains(NO_ANSWER) || text.length() > MAX_ANSWER_CHARS) {
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (RuntimeException e) {
            quietUntil = clock.instant().plus(cooldown);
            log.warn("language model unavailable, answering extractively for {}: {}", cooldown, e.toString());
            return Optional.empty();
        }
    }
}
