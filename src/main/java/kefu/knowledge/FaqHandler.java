package kefu.knowledge;

import kefu.conversation.Button;
import kefu.conversation.Buttons;
import kefu.conversation.Classification;
import kefu.conversation.ConversationState;
import kefu.conversation.DialogueContext;
import kefu.conversation.Intent;
import kefu.conversation.IntentHandler;
import kefu.conversation.Lang;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.Source;
import kefu.conversation.TurnContext;
import kefu.conversation.events.ConversationEvent.FallbackGiven;
import kefu.conversation.events.ConversationEvent.FallbackKind;
import kefu.conversation.events.ConversationEvents;
import kefu.nlu.DialogueCues;
import kefu.nlu.HybridIntentClassifier;
import kefu.nlu.ProductQuestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Help-center questions: answers with the best article's relevant section and its source; when unsure,
 * says so and offers the closest articles and a person. Reached from the FAQ menu button without a
 * question, it shows the popular topics.
 */
public final class FaqHandler implements IntentHandler {


    private final AnswerEngine engine;
    private final KnowledgeBase knowledge;
    private final KnowledgeProperties settings;
    private final ConversationEvents events;
    private final ProductQuestions products;
    private final DialogueCues cues;

    public FaqHandler(AnswerEngine engine, KnowledgeBase knowledge, KnowledgeProperties settings,
                      ConversationEvents events, ProductQuestions products, DialogueCues cues) {
        this.products = products;
        this.cues = cues;
        this.engine = engine;
        this.knowledge = knowledge;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public Intent intent() {
        return Intent.FAQ;
    }

    @Override
    public Outcome handle(TurnContext ctx, Classification c) {
        String question = ctx.turn().trimmedText();
        if (question.isEmpty() || "button".equals(c.entity("via"))) {
            return topics(ctx, c);
        }
        String about = c.entity(HybridIntentClassifier.ABOUT_ARTICLE);
        if (about != null) {
            Optional<Outcome> followed = knowledge.article(about).map(a -> afterArticle(ctx, c, a, question));
            if (followed.isPresent()) {
                return followed.get();
            }
        }
        Answer answer = engine.answer(question, ctx.lang(), ctx.turn().isPrivate());
        if (answer.kind() != Answer.Kind.ANSWER) {
            events.publish(new FallbackGiven(ctx.turn().key(), ctx.now(), question,
                    answer.kind() == Answer.Kind.SUGGEST ? FallbackKind.NOT_SURE : FallbackKind.NO_MATCH));
        }
        return switch (answer.kind()) {
            case ANSWER -> answered(ctx, c, answer);
            case SUGGEST -> unsure(ctx, answer.suggestions());
            case NONE -> Outcome.of(ctx.state(), Intent.FAQ, c.confidence(),
                    Reply.of(ctx.say("knowledge.no_match"), List.of(human(ctx))));
            case NOT_DESCRIBED -> Outcome.of(ctx.state(), Intent.FAQ, 0.4, Reply.of("price".equals(answer.text())
                    ? ctx.say("knowledge.price") : notDescribed(ctx, question, answer.text()), List.of(human(ctx))));
        };
    }

    /**
     * Not sure about {@code topic}; when the buyer asked for a product of one kind the shop sells ("王者荣耀点券": a
     * game item), the reply says so and how to look for it, still without claiming that product is in stock.
     */
    private String notDescribed(TurnContext ctx, String question, String topic) {
        return products.asked(question).filter(ProductQuestions.Asked::sold)
                .filter(p -> p.categories().size() == 1)
                .map(p -> "shop.category." + p.categories().iterator().next())
                .filter(ctx.texts()::has)
                .map(kind -> ctx.say("knowledge.not_described_kind", Map.of("topic", topic, "kind", ctx.say(kind))))
                .orElseGet(() -> ctx.say("knowledge.not_described", Map.of("topic", topic)));
    }

    /**
     * "领不了", "一直提示失败" right after {@code a} was the answer: read against that article (the part of it for
     * when things go wrong, if the help center has one); failing that, what the buyer can do next — after-sales
     * and a person — rather than "I don't understand".
     */
    private Outcome afterArticle(TurnContext ctx, Classification c, Article a, String complaint) {
        Answer again = engine.answer(a.title() + " " + complaint, ctx.lang(), ctx.turn().isPrivate());
        DialogueContext.ArticleRef last = ctx.state().dialogue().lastArticle();
        int shown = last == null ? -1 : last.section();
        // Only a part of the article for when things go wrong helps, and one the buyer has not just read.
        int part = again.ranked().isEmpty() ? -1 : again.ranked().get(0).section();
        if (again.kind() == Answer.Kind.ANSWER && again.article().id().equals(a.id()) && part >= 0 && part != shown
                && cues.trouble(a.sections().get(part).heading() + " " + a.sections().get(part).text())) {
            return answerFrom(ctx, a, again.text(), part, 0.8, nextSteps(ctx, a));
        }
        return Outcome.of(remembered(ctx.state(), a, -1, ctx), Intent.FAQ, 0.6,
                Reply.of(ctx.say("knowledge.after_article", Map.of("title", title(a, ctx.lang()))), nextSteps(ctx, a)));
    }

    /** When an article's steps did not work: what it suggests, then after-sales and a person. */
    private static List<Button> nextSteps(TurnContext ctx, Article a) {
        List<Button> next = new ArrayList<>(actions(ctx, a).stream()
                .filter(b -> !Buttons.intentOf(b.data()).equals(Optional.of(Intent.HUMAN_HANDOFF))).toList());
        if (next.stream().noneMatch(b -> Buttons.intentOf(b.data()).equals(Optional.of(Intent.AFTER_SALES)))) {
            next.add(Buttons.intent(ctx.label("knowledge.button.after_sales"), Intent.AFTER_SALES));
        }
        next.add(human(ctx));
        return next;
    }

    /** The reply for an article a buyer picked from a button. */
    Outcome show(TurnContext ctx, Article a) {
        return answerFrom(ctx, a, engine.overview(a, ctx.lang()), -1, 1.0, actions(ctx, a));
    }

    private Outcome answered(TurnContext ctx, Classification c, Answer answer) {
        KnowledgeIndex.Hit best = answer.ranked().get(0);
        return answerFrom(ctx, answer.article(), answer.text(), best.section(),
                Math.min(1.0, Math.max(c.confidence(), best.score())), actions(ctx, answer.article()));
    }

    /**
     * An answer from article {@code a} ({@code section} of it, -1 for its lead) with its source; the conversation
     * is now about that article, so a short complaint next ("领不了") is read against it.
     */
    private Outcome answerFrom(TurnContext ctx, Article a, String answer, int section, double confidence,
                               List<Button> buttons) {
        String text = ctx.say("knowledge.answer", Map.of("answer", answer, "title", title(a, ctx.lang())));
        return Outcome.of(remembered(ctx.state(), a, section, ctx), Intent.FAQ, confidence, Reply.of(text, buttons))
                .withSources(List.of(new Source(a.id(), a.title())));
    }

    /** The conversation now about {@code a} (and {@code section} of it). */
    private static ConversationState remembered(ConversationState s, Article a, int section, TurnContext ctx) {
        return s.withDialogue(s.dialogue().withArticle(new DialogueContext.ArticleRef(a.id(), section, ctx.now())));
    }

    private Outcome unsure(TurnContext ctx, List<Article> close) {
        List<Button> buttons = new ArrayList<>();
        for (Article a : close) {
            buttons.add(ArticleButtonHandler.button(title(a, ctx.lang()), a.id()));
        }
        buttons.add(human(ctx));
        return Outcome.of(ctx.state(), Intent.FAQ, 0.4, Reply.of(ctx.say("knowledge.unsure"), buttons));
    }

    private Outcome topics(TurnContext ctx, Classification c) {
        List<Button> buttons = new ArrayList<>();
        for (String id : settings.popular()) {
            Optional<Article> a = knowledge.article(id);
            a.ifPresent(article -> buttons.add(ArticleButtonHandler.button(title(article, ctx.lang()), article.id())));
        }
        buttons.add(human(ctx));
        return Outcome.of(ctx.state(), Intent.FAQ, c.confidence(), Reply.of(ctx.say("knowledge.topics"), buttons));
    }

    /** Next steps the article suggests (urge, after-sales, a person...), as intent buttons. */
    private static List<Button> actions(TurnContext ctx, Article a) {
        List<Button> buttons = new ArrayList<>();
        for (String action : a.actions()) {
            Intent.find(action).ifPresent(i -> buttons.add(
                    Buttons.intent(ctx.label("knowledge.button." + i.wireName()), i)));
        }
        return buttons;
    }

    private static Button human(TurnContext ctx) {
        return Buttons.intent(ctx.label("knowledge.button.human_handoff"), Intent.HUMAN_HANDOFF);
    }

    static String title(Article a, Lang lang) {
        return lang == Lang.EN && !a.titleEn().isBlank() ? a.titleEn() : a.title();
    }
}
