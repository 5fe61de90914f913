package kefu.nlu;

import kefu.app.BotFiles;
import kefu.shop.ShopProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Wires intent recognition: the in-process embedding model with its disk cache and the recogniser. */
@Configuration(proxyBeanMethods = false)
public class NluConfig {

    /** Where ticket-progress words were set before bot/dialogue.yml had them. */
    private static final String FORMER_PROGRESS_WORDS = "kefu.shop.chat.progress-words";
    private static final Logger log = LoggerFactory.getLogger(NluConfig.class);

    /** bge-small-zh-v1.5 produces 512-dimensional vectors. */
    static final int DIMENSION = 512;

    @Bean
    TextFolding textFolding() {
        return TextFolding.standard();
    }

    @Bean
    UnicodeTextNormalizer textNormalizer() {
        return new UnicodeTextNormalizer();
    }

    @Bean
    TextEmbedder textEmbedder(NluProperties props) {
        String file = props.embeddingCache();
        return new TextEmbedder(PackagedEmbeddingModel::load,
                new EmbeddingCache(file.isBlank() ? null : Path.of(file), DIMENSION));
    }

    @Bean
    DialogueCues dialogueCues(BotFiles files) {
        return new DialogueCuesLoader().load(files);
    }

    @Bean
    IntentCues intentCues(BotFiles files, Environment env) {
        if (env.containsProperty(FORMER_PROGRESS_WORDS) || env.containsProperty(FORMER_PROGRESS_WORDS + "[0]")) {
            log.warn("{} is no longer read: ticket-progress words are the 'progress' section of bot/dialogue.yml",
                    FORMER_PROGRESS_WORDS);
        }
        return new DialogueCuesLoader().intentCues(files);
    }

    /** What the shop sells is what it has rules for ({@code kefu.shop.rules.categories}, besides the default). */
    @Bean
    ProductQuestions productQuestions(BotFiles files, ShopProperties shop) {
        Set<String> sold = new HashSet<>(shop.rules().categories().keySet());
        sold.remove("default");
        return new DialogueCuesLoader().productQuestions(files, sold);
    }

    @Bean
    HybridIntentClassifier intentClassifier(BotFiles files, TextFolding folding, TextEmbedder embedder,
                                            FaqMatcher faq, EntityExtractor entities, DialogueCues cues,
                                            IntentCues intentCues, NluProperties props, ProductQuestions products) {
        return new HybridIntentClassifier(new IntentExamplesLoader().load(files), folding, embedder, faq, entities,
                cues, intentCues, props, products);
    }
}
