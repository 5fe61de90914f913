package kefu.knowledge;

import kefu.conversation.Button;
import kefu.conversation.ButtonHandler;
import kefu.conversation.Intent;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;

/** Presses of {@code kb:<article id>} (suggestions and popular topics): shows that article. */
public final class ArticleButtonHandler implements ButtonHandler {

    private final KnowledgeBase knowledge;
    private final FaqHandler faq;

    private static final String ACTION = "kb";

    public ArticleButtonHandler(KnowledgeBase knowledge, FaqHandler faq) {
        this.knowledge = knowledge;
        this.faq = faq;
    }

    /** A button that shows the article {@code articleId}. */
    static Button button(String title, String articleId) {
        return Button.of(title, ACTION, articleId);
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Outcome press(TurnContext ctx, String argument) {
        return knowledge.article(argument)
                .map(a -> faq.show(ctx, a))
                // The article was removed since the button was shown.
                .orElseGet(() -> Outcome.of(ctx.state(), Intent.FAQ, 1.0, Reply.of(ctx.say("button.stale"))));
    }
}
