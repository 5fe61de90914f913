package kefu.conversation;

/** Handles presses of buttons whose data starts with {@code action()} (data is {@code action:argument}). */
public interface ButtonHandler {

    String action();

    Outcome press(TurnContext ctx, String argument);

    /**
     * True when the handler tells from the conversation itself whether a press still applies, so a button of an
     * earlier message gets the handler's answer instead of "this button has expired". Off by default: a press the
     * bot did not just offer is stale or forged.
     */
    default boolean judgesOlderPresses() {
        return false;
    }
}
