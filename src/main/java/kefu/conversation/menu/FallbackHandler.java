package kefu.conversation.menu;

import kefu.conversation.Classification;
import kefu.conversation.Intent;
import kefu.conversation.IntentHandler;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;

/** Messages the bot does not understand: says so honestly and shows what it can help with. */
public final class FallbackHandler implements IntentHandler {

    private final MainMenu menu;

    public FallbackHandler(MainMenu menu) {
        this.menu = menu;
    }

    @Override
    public Intent intent() {
        return Intent.FALLBACK;
    }

    @Override
    public Outcome handle(TurnContext ctx, Classification c) {
        return Outcome.of(ctx.state(), Intent.FALLBACK, c.confidence(), Reply.of(ctx.say("fallback"), menu.buttons(ctx)));
    }
}
