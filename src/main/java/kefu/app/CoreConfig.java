package kefu.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import kefu.conversation.ButtonHandler;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationStore;
import kefu.conversation.EngineProperties;
import kefu.conversation.Escalation;
import kefu.conversation.FlowHandler;
import kefu.conversation.ForgetListener;
import kefu.conversation.IntentClassifier;
import kefu.conversation.IntentHandler;
import kefu.conversation.Keywords;
import kefu.conversation.ReplyKeyFamily;
import kefu.conversation.ReplyTexts;
import kefu.conversation.TextNormalizer;
import kefu.conversation.TurnInterceptor;
import kefu.conversation.TurnRouter;
import kefu.conversation.TurnSettings;
import kefu.conversation.events.ConversationEventListener;
import kefu.conversation.events.ConversationEvents;
import kefu.conversation.events.FanOutEvents;
import kefu.conversation.menu.FallbackHandler;
import kefu.conversation.menu.GreetingHandler;
import kefu.conversation.menu.MainMenu;
import kefu.nlu.EntityExtractor;
import kefu.nlu.NluProperties;
import kefu.session.SessionProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Wires the conversation engine and what every capability shares: files, texts, JSON, the clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AppProperties.class, EngineProperties.class, NluProperties.class})
public class CoreConfig {

    @Bean
    BotFiles botFiles(AppProperties props) {
        return new BotFiles(props.botDir(), props.knowledgeDir());
    }

    @Bean
    ReplyTexts replyTexts(BotFiles files) {
        return new ReplyTextsLoader().load(files);
    }

    @Bean
    Keywords keywords(BotFiles files) {
        return new KeywordsLoader().load(files);
    }

    @Bean
    ReplyKeyCheck replyKeyCheck(ReplyTexts texts, ObjectProvider<ReplyKeyFamily> families) {
        return new ReplyKeyCheck(texts, families.orderedStream().toList());
    }

    @Bean
    ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Bean
    Clock clock(AppProperties props) {
        return Clock.system(props.timezone());
    }

    @Bean
    MainMenu mainMenu() {
        return new MainMenu();
    }

    @Bean
    GreetingHandler greetingHandler(MainMenu menu) {
        return new GreetingHandler(menu);
    }

    @Bean
    FallbackHandler fallbackHandler(MainMenu menu, ObjectProvider<Escalation> escalation, ConversationEvents events) {
        return new FallbackHandler(menu, escalation.getIfAvailable(), events);
    }

    /** Every {@link ConversationEventListener} bean hears what the engine and the handoff publish. */
    @Bean
    ConversationEvents conversationEvents(ObjectProvider<ConversationEventListener> listeners) {
        return new FanOutEvents(listeners.orderedStream().toList());
    }

    @Bean
    EntityExtractor entityExtractor(NluProperties props, kefu.shop.ShopProperties shop, BotFiles files) {
        // Empty: the shape of the configured shop system's order numbers.
        String pattern = props.orderNumberPattern() == null || props.orderNumberPattern().isBlank()
                ? shop.shopKind().orderNumberPattern() : props.orderNumberPattern();
        return new EntityExtractor(pattern, new kefu.nlu.DialogueCuesLoader().proofWords(files));
    }

    @Bean
    TurnRouter turnRouter(IntentClassifier classifier, ObjectProvider<IntentHandler> intents,
                          ObjectProvider<FlowHandler> flows, ObjectProvider<ButtonHandler> buttons,
                          ObjectProvider<TurnInterceptor> interceptors, EngineProperties settings, Keywords keywords) {
        return new TurnRouter(classifier, intents.orderedStream().toList(), flows.orderedStream().toList(),
                buttons.orderedStream().toList(), interceptors.orderedStream().toList(), settings.maxTextLength(),
                keywords);
    }

    @Bean
    ConversationEngine conversationEngine(ConversationStore store, TurnRouter router,
                                          ObjectProvider<ForgetListener> forgetListeners, ReplyTexts texts,
                                          TextNormalizer normalizer, Clock clock, SessionProperties session,
                                          EngineProperties settings, ConversationEvents events) {
        return new ConversationEngine(store, router, forgetListeners.orderedStream().toList(), texts, normalizer,
                clock, new TurnSettings(settings.maxTextLength(), session.turnWait(), session.historySize()), events);
    }
}
