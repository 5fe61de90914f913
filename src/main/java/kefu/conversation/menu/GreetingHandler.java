package kefu.conversation.menu;

import kefu.conversation.Classification;
import kefu.conversation.Intent;
import kefu.conversation.IntentHandler;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;

import java.util.regex.Pattern;

/** Hello, /start, /help and /menu: greets the buyer and shows what the bot can do. */
public final class GreetingHandler implements IntentHandler {

    /** Thanks or "好的" closes a topic: a short "you're welcome", not the whole introduction again. */
    private static final Pattern THANKS = Pattern.compile("(?i)(好的|好|ok|okay)?[，,\\s]*(谢谢|多谢|感谢|谢了|辛苦了|thanks|thank you|thx)"
            + "(你|您|啦|了|客服|a lot|so much)?[!！。.~～😊🙏]*");

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
        if (command == null && THANKS.matcher(ctx.turn().trimmedText()).matches()) {
            return Outcome.of(ctx.state(), Intent.GREETING, c.confidence(), Reply.of(ctx.say("thanks")));
        }
        String key = "help".equals(command) ? "help" : "menu".equals(command) ? "menu" : "greeting";
        return Outcome.of(ctx.state(), Intent.GREETING, c.confidence(), Reply.of(ctx.say(key), menu.buttons(ctx)));
    }
}
