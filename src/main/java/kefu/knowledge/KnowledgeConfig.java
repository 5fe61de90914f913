package kefu.knowledge;

import dev.langchain4j.model.openai.OpenAiChatModel;
import kefu.app.BotFiles;
import kefu.conversation.ReplyTexts;
import kefu.conversation.events.ConversationEvents;
import kefu.knowledge.llm.LlmAnswerComposer;
import kefu.knowledge.llm.LlmProperties;
import kefu.knowledge.llm.NoComposer;
import kefu.nlu.EntityExtractor;
import kefu.nlu.HybridIntentClassifier;
import kefu.nlu.NluProperties;
import kefu.nlu.DialogueCues;
import kefu.nlu.ProductQuestions;
import kefu.nlu.TextEmbedder;
import kefu.nlu.TextFolding;
import kefu.policy.ShopProfile;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/** Wires the help center: articles and their index, the FAQ answers, the optional language model, {@code kb}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KnowledgeProperties.class, LlmProperties.class})
public class KnowledgeConfig {

    @Bean
    KnowledgeBase knowledgeBase(BotFiles files, TextFolding folding, TextEmbedder embedder, ShopProfile profile) {
        return new KnowledgeBase(files, folding, embedder, new ArticleTemplate(profile));
    }

    @Bean(destroyMethod = "close")
    KnowledgeWatcher knowledgeWatcher(KnowledgeBase knowledge, KnowledgeProperties props, BotFiles files) {
        // Only a folder on disk can change; the copy packaged in the jar cannot.
        boolean onDisk = Files.isDirectory(files.knowledgeDir());
        return new KnowledgeWatcher(knowledge, onDisk ? props.reloadInterval() : Duration.ZERO);
    }

    @Bean
    AnswerComposer answerComposer(LlmProperties llm, ReplyTexts texts, Clock clock) {
        if (!llm.configured()) {
            return new NoComposer();
        }
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(llm.baseUrl())
                .apiKey(llm.apiKey().isBlank() ? "none" : llm.apiKey())
                .modelName(llm.model())
                .timeout(llm.timeout())
                .maxRetries(0)
                .temperature(0.2)
                .maxTokens(llm.maxTokens())
                .build();
        return new LlmAnswerComposer(model, texts, clock, llm.cooldown());
    }

    @Bean
    AnswerEngine answerEngine(KnowledgeBase knowledge, KnowledgeProperties props, AnswerComposer composer,
                              EntityExtractor entities, ProductQuestions products, BotFiles files) {
        return new AnswerEngine(knowledge, props, composer, entities, products, new QuestionCuesLoader().load(files));
    }

    @Bean
    FaqHandler faqHandler(AnswerEngine engine, KnowledgeBase knowledge, KnowledgeProperties props,
                          ConversationEvents events, ProductQuestions products, DialogueCues cues) {
        return new FaqHandler(engine, knowledge, props, events, products, cues);
    }

    @Bean
    ArticleButtonHandler articleButtonHandler(KnowledgeBase knowledge, FaqHandler faq) {
        return new ArticleButtonHandler(knowledge, faq);
    }

    @Bean
    KbCommand kbCommand(KnowledgeBase knowledge, AnswerEngine engine, HybridIntentClassifier classifier,
                        TextEmbedder embedder, ShopProfile profile, NluProperties nlu, TextFolding folding,
                        BotFiles files) {
        KbLint lint = new KbLint(profile, Pattern.compile(nlu.orderNumberPattern(), Pattern.CASE_INSENSITIVE), folding);
        return new KbCommand(knowledge, engine, classifier, embedder, lint, files);
    }
}
