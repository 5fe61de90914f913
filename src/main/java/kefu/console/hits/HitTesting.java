package kefu.console.hits;

import kefu.conversation.Classification;
import kefu.conversation.ConversationEngine;
import kefu.conversation.Intent;
import kefu.conversation.ConversationKey;
import kefu.conversation.Lang;
import kefu.conversation.Turn;
import kefu.conversation.TurnResult;
import kefu.knowledge.Answer;
import kefu.knowledge.AnswerEngine;
import kefu.knowledge.KnowledgeBase;
import kefu.nlu.HybridIntentClassifier;
import kefu.conversation.ConversationStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Hit testing (命中测试): runs a question through the real engine as a fresh buyer on the {@value #CHANNEL}
 * channel, whose conversations are forgotten at once and left out of the console's figures.
 */
public final class HitTesting {

    /** The channel of hit-test conversations; reports skip it. */
    public static final String CHANNEL = "hittest";
    private static final int SHOWN = 8;
    /** Intents whose answer only reads: a hit test may run them through the engine. */
    private static final Set<Intent> WITHOUT_SIDE_EFFECTS = Set.of(Intent.GREETING, Intent.FAQ, Intent.FALLBACK);

    private final ConversationEngine engine;
    private final ConversationStore store;
    private final HybridIntentClassifier classifier;
    private final AnswerEngine answers;
    private final KnowledgeBase knowledge;

    public HitTesting(ConversationEngine engine, ConversationStore store, HybridIntentClassifier classifier,
                      AnswerEngine answers, KnowledgeBase knowledge) {
        this.engine = engine;
        this.store = store;
        this.classifier = classifier;
        this.answers = answers;
        this.knowledge = knowledge;
    }

    public HitTest test(String question) {
        String q = question.strip();
        Classification c = classifier.classify(q);
        Map<String, Double> scores = new LinkedHashMap<>();
        classifier.scores(knowledge.query(q)).entrySet().stream()
                .sorted(Map.Entry.<Intent, Double>comparingByValue().reversed())
                .forEach(e -> scores.put(e.getKey().wireName(), round(e.getValue())));
        Answer answer = answers.answer(q, Lang.detect(q, Lang.ZH));
        List<HitTest.RankedArticle> ranked = new ArrayList<>();
        for (int i = 0; i < Math.min(SHOWN, answer.ranked().size()); i++) {
            var h = answer.ranked().get(i);
            ranked.add(new HitTest.RankedArticle(i + 1, h.article().id(), h.article().title(),
                    h.section() < 0 ? null : h.article().sections().get(h.section()).heading(), round(h.score()),
                    round(h.example()), round(h.passage()), round(h.lexical())));
        }
        if (!WITHOUT_SIDE_EFFECTS.contains(c.intent())) {
            // Handing over, urging or cancelling would act for real: the page shows the intent only.
            return new HitTest(q, c.intent().wireName(), round(c.confidence()), scores, ranked, answer.kind().name(),
                    List.of(), false);
        }
        ConversationKey probe = new ConversationKey(CHANNEL, UUID.randomUUID().toString());
        TurnResult result;
        try {
            result = engine.handle(Turn.text(probe, UUID.randomUUID().toString(), q));
        } finally {
            store.forget(probe);
        }
        String intent = result.intent() == null ? c.intent().wireName() : result.intent().wireName();
        return new HitTest(q, intent, round(result.intent() == null ? c.confidence() : result.confidence()), scores,
                ranked, answer.kind().name(), result.replies(), true);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
