package kefu.conversation.menu;

import kefu.conversation.Button;
import kefu.conversation.Classification;
import kefu.conversation.ConversationState;
import kefu.conversation.Intent;
import kefu.conversation.IntentHandler;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;

import java.util.List;

/**
 * Hello, /start, /help and /menu: greets the buyer and shows what the bot can do. Small talk (thanks, "ok",
 * praise, an emoji, goodbye, "are you a bot?", "never mind") gets a short reply of its own, never the whole
 * introduction again; "never mind" also drops the step the bot was waiting on.
 */
public final class GreetingHandler implements IntentHandler {

    /** The recogniser's entity naming the kind of small talk; the reply key is {@code small_talk.<kind>}. */
    static final String SMALL_TALK = "small_talk";
    static final String IDENTITY = "identity";
    static final String NEVER_MIND = "never_mind";

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
        String kind = c.entity(SMALL_TALK);
        if (kind != null) {
            return smallTalk(ctx, c, kind);
        }
        String key = "help".equals(command) ? "help" : "menu".equals(command) ? "menu" : "greeting";
        return Outcome.of(ctx.state(), Intent.GREETING, c.confidence(), Reply.of(ctx.say(key), menu.buttons(ctx)));
    }

    private Outcome smallTalk(TurnContext ctx, Classification c, String kind) {
        ConversationState state = ctx.state();
        String key = "small_talk." + kind;
        if (NEVER_MIND.equals(kind)) {
            // Nothing was pending: a plain "OK".
            key = state.inFlow() ? "small_talk.never_mind" : "small_talk.ack";
            state = state.inFlow() ? state.endFlow() : state;
        }
        if (!ctx.texts().has(key)) {
            key = "small_talk.ack";
        }
        List<Button> buttons = IDENTITY.equals(kind)
                ? List.of(Button.of(ctx.label("button.human"), "intent", Intent.HUMAN_HANDOFF.wireName()))
                : List.of();
        return Outcome.of(state, Intent.GREETING, c.confidence(), Reply.of(ctx.say(key), buttons));
    }
}
