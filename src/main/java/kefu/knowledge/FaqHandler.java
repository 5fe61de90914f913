package kefu.knowledge;

import kefu.conversation.Button;
import kefu.conversation.Buttons;
import kefu.conversation.Classification;
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

    public FaqHandler(AnswerEngine engine, KnowledgeBase knowledge, KnowledgeProperties settings,
                      ConversationEvents events, ProductQuestions products) {
        this.products = products;
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

    /** The reply for an article a buyer picked from a button. */
    Outcome show(TurnContext ctx, Article a) {
        String text = ctx.say("knowledge.answer", Map.of("answer", engine.overview(a, ctx.lang()),
                "title", title(a, ctx.lang())));
        return Outcome.of(ctx.state(), Intent.FAQ, 1.0, Reply.of(text, actions(ctx, a)))
                .withSources(List.of(new Source(a.id(), a.title())));
    }

    private Outcome answered(TurnContext ctx, Classification c, Answer answer) {
        Article a = answer.article();
        String text = ctx.say("knowledge.answer", Map.of("answer", answer.text(), "title", title(a, ctx.lang())));
        double confidence = Math.max(c.confidence(), answer.ranked().get(0).score());
        return Outcome.of(ctx.state(), Intent.FAQ, Math.min(1.0, confidence), Reply.of(text, actions(ctx, a)))
                .withSources(List.of(new Source(a.id(), a.title())));
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
