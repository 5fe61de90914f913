package kefu.handoff;

import kefu.conversation.Keywords;
import kefu.conversation.Classification;
import kefu.conversation.Escalation;
import kefu.conversation.Intent;
import kefu.conversation.IntentHandler;
import kefu.conversation.Outcome;
import kefu.conversation.TurnContext;


/** The buyer asks for a person (转人工 button, {@code /human}, 人工客服) or complains (投诉): goes to staff. */
public final class HumanHandoffHandler implements IntentHandler {

    private final Escalation escalation;
    private final Keywords keywords;

    public HumanHandoffHandler(Escalation escalation, Keywords keywords) {
        this.escalation = escalation;
        this.keywords = keywords;
    }

    @Override
    public Intent intent() {
        return Intent.HUMAN_HANDOFF;
    }

    @Override
    public Outcome handle(TurnContext ctx, Classification c) {
        String reason = keywords.complains(ctx.turn().trimmedText()) ? "complaint" : "asked";
        return escalation.escalate(ctx, Intent.HUMAN_HANDOFF, reason);
    }
}
