package kefu.conversation;

/** Handles presses of buttons whose data starts with {@code action()} (data is {@code action:argument}). */
public interface ButtonHandler {

    String action();

    Outcome press(TurnContext ctx, String argument);
}
