package kefu.conversation;

import java.util.Optional;

/**
 * Buttons that ask for an intent ({@code intent:human_handoff}), the kind every capability offers. Each other kind
 * of button is made by the handler that answers its press, so the data a button carries is written in one place
 * and read in one place.
 */
public final class Buttons {

    public static final String INTENT_ACTION = "intent";

    private Buttons() {
    }

    public static Button intent(String label, Intent intent) {
        return Button.of(label, INTENT_ACTION, intent.wireName());
    }

    /** "Talk to a person", labelled in the buyer's language. */
    public static Button human(TurnContext ctx) {
        return intent(ctx.label("button.human"), Intent.HUMAN_HANDOFF);
    }

    /** The intent an intent button asks for, or empty for any other data. */
    public static Optional<Intent> intentOf(String data) {
        String prefix = INTENT_ACTION + ":";
        return data != null && data.startsWith(prefix) ? Intent.find(data.substring(prefix.length())) : Optional.empty();
    }
}
