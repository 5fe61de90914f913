package kefu.conversation.menu;

import kefu.conversation.Classification;
import kefu.conversation.Intent;
import kefu.conversation.IntentHandler;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;

/** Hello, /start, /help and /menu: greets the buyer and shows what the bot can do. */
public final class GreetingHandler implements IntentHandler {

    private final MainMenu menu;

    public GreetingHandler(MainMenu menu) {
        this.menu = menu;
    }

    @Override
    public Intent intent() {
        return Intent.GREETING;
    }

    @Override
    public Outcome handle(TurnContext ctx, Classification c) {
        String command = c.entity("command");
        String key = "help".equals(command) ? "help" : "menu".equals(command) ? "menu" : "greeting";
        return Outcome.of(ctx.state(), Intent.GREETING, c.confidence(), Reply.of(ctx.say(key), menu.buttons(ctx)));
    }
}
