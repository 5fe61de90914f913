package kefu.handoff;

import kefu.conversation.Classification;
import kefu.conversation.Escalation;
import kefu.conversation.Intent;
import kefu.conversation.IntentHandler;
import kefu.conversation.Outcome;
import kefu.conversation.TurnContext;

import java.util.List;
import java.util.Locale;

/** The buyer asks for a person (转人工 button, {@code /human}, 人工客服) or complains (投诉): goes to staff. */
public final class HumanHandoffHandler implements IntentHandler {

    private static final List<String> COMPLAINT_WORDS = List.of("投诉", "举报", "complain");

    private final Escalation escalation;

    public HumanHandoffHandler(Escalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public Intent intent() {
        return Intent.HUMAN_HANDOFF;
    }

    @Override
    public Outcome handle(TurnContext ctx, Classification c) {
        String text = ctx.turn().trimmedText().toLowerCase(Locale.ROOT);
        String reason = COMPLAINT_WORDS.stream().anyMatch(text::contains) ? "complaint" : "asked";
        return escalation.escalate(ctx, Intent.HUMAN_HANDOFF, reason);
    }
}
