package kefu.conversation.menu;

import kefu.conversation.Classification;
import kefu.conversation.Escalation;
import kefu.conversation.Intent;
import kefu.conversation.IntentHandler;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.conversation.events.ConversationEvent.FallbackGiven;
import kefu.conversation.events.ConversationEvent.FallbackKind;
import kefu.conversation.events.ConversationEvents;

/**
 * Messages the bot does not understand: says so honestly and shows what it can help with. The second
 * typed message in a row it does not understand goes to human staff, when a handoff capability is present.
 */
public final class FallbackHandler implements IntentHandler {

    static final String REASON = "fallback";

    private final MainMenu menu;
    private final Escalation escalation;
    private final ConversationEvents events;

    /** @param escalation null when no staff can take over; the bot then keeps answering with the menu */
    public FallbackHandler(MainMenu menu, Escalation escalation, ConversationEvents events) {
        this.menu = menu;
        this.escalation = escalation;
        this.events = events;
    }

    @Override
    public Intent intent() {
        return Intent.FALLBACK;
    }

    @Override
    public Outcome handle(TurnContext ctx, Classification c) {
        // A screenshot sent outside the after-sales form: the bot cannot read it, but can say where it helps.
        if (ctx.turn().attachment() != null && !ctx.turn().hasText()) {
            return Outcome.of(ctx.state(), Intent.FALLBACK, c.confidence(), Reply.of(ctx.say("fallback.file"), menu.buttons(ctx)));
        }
        if (ctx.turn().hasText() && !ctx.turn().isButton()) {
            events.publish(new FallbackGiven(ctx.turn().key(), ctx.now(), ctx.turn().trimmedText(),
                    FallbackKind.NOT_UNDERSTOOD));
        }
        // The engine counts typed fallbacks; a streak of one means this is the second in a row.
        if (escalation != null && ctx.state().fallbackStreak() >= 1 && !ctx.turn().isButton()) {
            return escalation.escalate(ctx, Intent.FALLBACK, REASON);
        }
        return Outcome.of(ctx.state(), Intent.FALLBACK, c.confidence(), Reply.of(ctx.say("fallback"), menu.buttons(ctx)));
    }
}
